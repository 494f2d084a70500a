/**
 * Rows of the tables several pages share: one per village with its town, and one per project with
 * its village and town, each with the town code the table's town filter reads.
 */
import { townOf } from '../../model/divisionCode.ts';
import type { Place, PlaceTree } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import type { Project, Sourced } from '../../read/tables.ts';

export type VillageRow = {
  village: Place;
  /** The place directly above the village (a town, or the region itself); undefined for none. */
  town: Place | undefined;
  /** What the town filter matches: the town's code, or the region's for a village right under it. */
  townCode: string;
};

/** Every village of the region, in code order. */
export function villageRows(site: Pick<Site, 'villages' | 'region' | 'place'>): VillageRow[] {
  return site.villages.map((village) => ({
    village,
    town: village.parentCode === undefined ? undefined : site.place(village.parentCode),
    townCode: village.parentCode ?? site.region.code,
  }));
}

/** The cities and counties under the region, in code order: the filters before the town filter. */
export function areaPlaces(site: Pick<Site, 'places' | 'region'>): Place[] {
  return site.places.filter((place) => (place.level === 'city' || place.level === 'county') && place.code !== site.region.code);
}

/** The places villages belong to, in code order: the options of a town filter. */
export function townPlaces(site: Pick<Site, 'towns' | 'place'>): Place[] {
  return site.towns.map((town) => site.place(town));
}

export type ProjectRow = {
  project: Sourced<Project>;
  townCode: string;
  village: Place | undefined;
  town: Place | undefined;
};

export function projectRows(projects: readonly Sourced<Project>[], tree: PlaceTree): ProjectRow[] {
  return projects.map((project) => ({
    project,
    townCode: townOf(project.village_code),
    village: tree.places.get(project.village_code),
    town: tree.places.get(townOf(project.village_code)),
  }));
}

/** The towns of the projects, in code order: the options of the projects table's town filter. */
export function projectTowns(projects: readonly Sourced<Project>[], place: (code: string) => Place): Place[] {
  return [...new Set(projects.map((p) => townOf(p.village_code)))].sort().map((code) => place(code));
}
