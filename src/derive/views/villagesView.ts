/** What the list of every village shows: the villages grouped under the place directly above them. */
import type { Place, PlaceSummary } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { buildCite, type Citable } from './figureCite.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';
import { isWithin } from '../../model/divisionCode.ts';

export type VillagesView = {
  frame: PageFrame;
  illustrative: boolean;
  count: number;
  /** In the order their first village comes; villages in code order. */
  /** Each with its table's panel: the villages' rows, their projects, funds and latest reviews. */
  groups: { parent: Place; villages: { village: Place; summary: PlaceSummary }[]; cite: Citable; title: Place[] }[];
};

export function buildVillagesView(site: Site): VillagesView {
  // Villages grouped under the place directly above them (a town, or the region itself when it is a town).
  const byParent = new Map<string, Place[]>();
  for (const village of site.villages) {
    const parent = village.parentCode ?? site.region.code;
    const group = byParent.get(parent);
    if (group === undefined) byParent.set(parent, [village]);
    else group.push(village);
  }
  const groups = [...byParent].map(([code, villages]) => ({
    parent: site.place(code),
    villages: villages.map((village) => ({ village, summary: site.summary(village.code) })),
    cite: buildCite(site, code, { id: 'villages', anchor: `town-${code}`, rows: ['villages.csv', 'projects.csv', 'funds.csv', 'monthly-each'] }),
    // A city's towns are named with their county (two counties may each have a 新街镇).
    title: [...site.place(code).ancestorCodes.filter((above) => above !== site.region.code && isWithin(above, site.region.code)), code].map((c) =>
      site.place(c),
    ),
  }));
  return { frame: buildPageFrame(site), illustrative: site.illustrative(site.region.code), count: site.villages.length, groups };
}
