/**
 * What the maps show besides the points: the interactive map's village list (by town, then code), the
 * sectors its filter offers, its latest month, and the stages the static map's legend needs.
 */
import type { Sector } from '../../model/vocabulary.ts';
import type { MapPayload } from './buildMapPayload.ts';
import type { MapVillage } from './mapVillages.ts';

/**
 * Villages per page of the map's list (src/client/villageList.ts), and how many the page itself lists
 * for readers without JavaScript: more than a county has as a rule, few enough to lay out at once.
 */
export const LIST_PAGE_SIZE = 200;

export type MapList = {
  villages: MapVillage[];
  sectorsPresent: ReadonlySet<Sector>;
  lastMonth: MapPayload['months'][number] | undefined;
  /** Stage legend entries some village is at (a village with no review counts as 'none'). */
  shownStages: MapPayload['legends']['stage'];
};

export function buildMapList(payload: Pick<MapPayload, 'villages' | 'months' | 'legends'>): MapList {
  return {
    villages: [...payload.villages].sort((a, b) => a.townCode.localeCompare(b.townCode) || a.code.localeCompare(b.code)),
    sectorsPresent: new Set(payload.villages.flatMap((v) => v.sectors)),
    lastMonth: payload.months.at(-1),
    shownStages: payload.legends.stage.filter((entry) => payload.villages.some((v) => (v.latestStage ?? 'none') === entry.key)),
  };
}
