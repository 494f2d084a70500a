/** The fixed words the static and interactive maps are drawn with; src/i18n/mapLabels.ts fills them from the dictionary. */

import type { SeatPrecision } from '../model/vocabulary.ts';

/** The fixed words of the static map, from the page's dictionary. `{…}` are filled from the data. */
export type StaticMapLabels = {
  /** Accessible name; `{region}`. zh `{region}嘎查村进展地图`, en `Villages of {region} and their progress`. */
  title: string;
  /**
   * Accessible description; `{region}`, `{count}` villages, `{stages}` (list of stageCount),
   * `{approximate}` villages drawn near their town seat.
   */
  description: string;
  /** One item of `{stages}`; `{stage}`, `{count}`. zh `{stage}{count}个`, en `{count} {stage}`. */
  stageCount: string;
  /** Between items of `{stages}`: zh `、`, en `, `. */
  listSeparator: string;
  /** Name of the "no monthly review yet" category. */
  noStage: string;
  legendTitle: string;
  /** Legend: a filled circle is a surveyed location. */
  surveyed: string;
  /** Legend: a dashed ring is near a seat (`{seat}`, one of `seats`), spread so as not to overlap. */
  approximate: string;
  /** The seat an approximate village waits at, by its precision, as LOCATION_PRECISIONS names it. */
  seats: Record<SeatPrecision, string>;
  /** Legend: the square marks a town seat. */
  townSeat: string;
  /** Legend: what circle size means. */
  sizeNote: string;
  /** Tooltip of a village; `{name}`, `{town}`, `{stage}`, `{funds}`, `{precision}` (approximateShort or ''). */
  pointTitle: string;
  /** Filled into `{precision}` for approximate villages; `{seat}`. */
  approximateShort: string;
  /** Legend entry for the highlighted village (village pages). */
  highlighted: string;
  /** Funds bands; `{min}`, `{max}` are formatted amounts. */
  fundsNone: string;
  fundsBelow: string;
  fundsBetween: string;
  fundsAtLeast: string;
  /**
   * A city's or province's map, drawn by area (layOutAreaMap): its accessible description; `{region}`,
   * `{areas}` how many, `{kind}` (the children's word), `{count}` villages.
   */
  areaDescription: string;
  /** An area's tooltip and name for screen readers; `{name}`, `{villages}`, `{funds}`. */
  areaTitle: string;
  /** Its legend's title. */
  areaLegendTitle: string;
  /** Its legend's note on where the villages are. */
  areaNote: string;
};

/**
 * The words of the interactive map, from the page's dictionary (`{…}` are filled in). Includes the
 * static map's words, since the static map is its fallback.
 */
export type ProgressMapLabels = StaticMapLabels & {
  /** Accessible name of the filter form. */
  filters: string;
  town: string;
  allTowns: string;
  /** The first filters when the region holds cities or counties. */
  city: string;
  allCities: string;
  county: string;
  allCounties: string;
  sector: string;
  allSectors: string;
  stage: string;
  allStages: string;
  /** The metric picker and its three choices. */
  metric: string;
  metricStage: string;
  metricFunds: string;
  metricSector: string;
  /** The month slider. */
  month: string;
  /** Heading of the village list. */
  listTitle: string;
  /** List button; the village's name follows it for screen readers. */
  showOnMap: string;
  /** Live region after filtering; `{count}`. zh `显示 {count} 个嘎查村`, en `Showing {count} villages`. */
  showing: string;
  /** Above a list longer than a page: `{from}`, `{to}`, `{count}`. */
  listRange: string;
  /** The list's pager: its accessible name, its buttons and where it is (`{page}`, `{pages}`). */
  listPages: string;
  previousPage: string;
  nextPage: string;
  pageOf: string;
  /** Without JavaScript, when the list shows only its first page: the places whose pages list the rest. */
  listByPlace: string;
  /** A division's marker when many villages are shown; `{place}`, `{count}`. Choosing it zooms there. */
  divisionMarker: string;
  /** Legend headings per metric. */
  legendStage: string;
  legendFunds: string;
  legendSector: string;
  /** Sector of a village with no projects. */
  sectorNone: string;
  /** Popup field names. */
  popupTown: string;
  popupFunds: string;
  popupProjects: string;
  /** `{month}`: the stage in the month the slider shows. */
  popupStage: string;
  popupUnit: string;
  popupEnterprise: string;
  /** Shown for a missing value (no enterprise, no review that month). */
  notAvailable: string;
  precisionSurveyed: string;
  /** `{seat}`. */
  precisionApproximate: string;
  /** Said in the popup of a village with illustrative figures. */
  illustrative: string;
  /** The popup's link to the village page. */
  openVillage: string;
  /** Leaflet's controls. */
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  /** Accessible name of the map area (Leaflet makes it focusable for keyboard panning). */
  mapLabel: string;
};
