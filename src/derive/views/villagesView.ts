/** What the list of every village shows: the villages grouped under the place directly above them. */
import type { Place, PlaceSummary } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';

export type VillagesView = {
  frame: PageFrame;
  illustrative: boolean;
  count: number;
  /** In the order their first village comes; villages in code order. */
  groups: { parent: Place; villages: { village: Place; summary: PlaceSummary }[] }[];
};

export function buildVillagesView(site: Site): VillagesView {
  // Villages grouped under the place directly above them (a town, or the region itself when it is a town).
  const groups = [...new Set(site.villages.map((v) => v.parentCode ?? site.region.code))].map((code) => ({
    parent: site.place(code),
    villages: site.villages.filter((v) => (v.parentCode ?? site.region.code) === code).map((village) => ({ village, summary: site.summary(village.code) })),
  }));
  return { frame: buildPageFrame(site), illustrative: site.illustrative(site.region.code), count: site.villages.length, groups };
}
