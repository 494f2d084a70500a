/**
 * What the list of every village shows: the villages grouped under the place directly above them;
 * or, for a region with more villages than a page can carry (a province's 11,000), each county's
 * towns with their totals, each town's own page listing its villages, and every village's rows as a
 * download.
 */
import type { Place, PlaceSummary } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { buildCite, type Citable } from './figureCite.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';
import { ancestorAt, isWithin, LEVEL_LENGTHS } from '../../model/divisionCode.ts';
import { LARGE_REGION_VILLAGES } from '../regionSize.ts';
import { group } from 'd3-array';

/** Above this many villages (a large region) the list goes by town. */
export const VILLAGE_LIST_LIMIT = LARGE_REGION_VILLAGES;

export type VillagesView = {
  frame: PageFrame;
  illustrative: boolean;
  count: number;
  /** In the order their first village comes; villages in code order. */
  /** Each with its table's panel: the villages' rows, their projects, funds and latest reviews. Empty when `byCounty` is given. */
  groups: { parent: Place; villages: { village: Place; summary: PlaceSummary }[]; cite: Citable; title: Place[] }[];
  /** Above VILLAGE_LIST_LIMIT villages: each county (its city before it) with its towns and their totals, in code order. */
  byCounty: { county: Place; title: Place[]; towns: { place: Place; summary: PlaceSummary }[] }[] | undefined;
  /** With `byCounty`: the panel of every village's rows, the full list as a download. */
  cite: Citable | undefined;
  /** How many towns `byCounty` lists. */
  towns: number;
};

/** The places above `code` inside the region, down to it: a city's or province's towns are named with their county. */
export function titleOf(site: Site, code: string): Place[] {
  return [...site.place(code).ancestorCodes.filter((above) => above !== site.region.code && isWithin(above, site.region.code)), code].map((c) => site.place(c));
}

/** A county of the region (its city before it in the title) and its towns, in code order. */
export type CountyTowns = { county: Place; title: Place[]; towns: Place[] };

/**
 * The region's towns by county, in code order: what a page lists of a region too large to list
 * village by village (the region itself stands for the county when it is one, or a town).
 */
export function countyGroups(site: Site): CountyTowns[] {
  const towns = site.places.filter((place) => place.level === 'town');
  const countyOf = (town: Place) => (site.region.code.length >= LEVEL_LENGTHS.county ? site.region.code : ancestorAt(town.code, 'county'));
  return [...group(towns, countyOf)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([county, its]) => ({ county: site.place(county), title: titleOf(site, county), towns: its }));
}

export function buildVillagesView(site: Site, limit = VILLAGE_LIST_LIMIT): VillagesView {
  const common = { frame: buildPageFrame(site), illustrative: site.illustrative(site.region.code), count: site.villages.length };
  if (site.villages.length > limit) {
    const byCounty = countyGroups(site);
    return {
      ...common,
      groups: [],
      byCounty: byCounty.map(({ county, title, towns }) => ({
        county,
        title,
        towns: towns.map((town) => ({ place: town, summary: site.summary(town.code) })),
      })),
      cite: buildCite(site, site.region.code, { id: 'villages', anchor: 'all-villages', rows: ['villages.csv', 'projects.csv', 'funds.csv'] }),
      towns: byCounty.reduce((sum, county) => sum + county.towns.length, 0),
    };
  }
  // Villages grouped under the place directly above them (a town, or the region itself when it is a town).
  const byParent = group(site.villages, (village) => village.parentCode ?? site.region.code);
  const groups = [...byParent].map(([code, villages]) => ({
    parent: site.place(code),
    villages: villages.map((village) => ({ village, summary: site.summary(village.code) })),
    cite: buildCite(site, code, { id: 'villages', anchor: `town-${code}`, rows: ['villages.csv', 'projects.csv', 'funds.csv', 'monthly-each'] }),
    // A city's towns are named with their county (two counties may each have a 新街镇).
    title: titleOf(site, code),
  }));
  return { ...common, groups, byCounty: undefined, cite: undefined, towns: 0 };
}
