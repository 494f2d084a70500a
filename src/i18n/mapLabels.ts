/**
 * The fixed words of the two map components (the static SVG map and the interactive map), from the
 * page's dictionary. The browser's map reads them from the page as JSON.
 */
import type { Locale } from './locale.ts';
import { t } from './index.ts';
import type { ProgressMapLabels } from '../charts/mapLabels.ts';
import { LOCATION_PRECISIONS, SEAT_PRECISIONS } from '../model/vocabulary.ts';

/** The map components' fixed words (StaticMapLabels and ProgressMapLabels), from the dictionary. */
export function mapLabels(locale: Locale): ProgressMapLabels {
  const d = t(locale);
  return {
    title: d.mapLabelTitle,
    description: d.mapLabelDescription,
    stageCount: d.mapLabelStageCount,
    listSeparator: d.mapLabelListSeparator,
    noStage: d.mapLabelNoStage,
    legendTitle: d.mapLabelLegendTitle,
    surveyed: d.mapLabelSurveyed,
    approximate: d.mapLabelApproximate,
    townSeat: d.mapLabelTownSeat,
    sizeNote: d.mapLabelSizeNote,
    pointTitle: d.mapLabelPointTitle,
    approximateShort: d.mapLabelApproximateShort,
    seats: Object.fromEntries(SEAT_PRECISIONS.map((key) => [key, LOCATION_PRECISIONS[key][locale === 'en' ? 'en' : 'zh']])) as ProgressMapLabels['seats'],
    highlighted: d.mapLabelHighlighted,
    filters: d.mapLabelFilters,
    town: d.mapLabelTown,
    allTowns: d.mapLabelAllTowns,
    city: d.mapLabelCity,
    allCities: d.mapLabelAllCities,
    county: d.mapLabelCounty,
    allCounties: d.mapLabelAllCounties,
    sector: d.mapLabelSector,
    allSectors: d.mapLabelAllSectors,
    stage: d.mapLabelStage,
    allStages: d.mapLabelAllStages,
    metric: d.mapLabelMetric,
    metricStage: d.mapLabelMetricStage,
    metricFunds: d.mapLabelMetricFunds,
    metricSector: d.mapLabelMetricSector,
    month: d.mapLabelMonth,
    listTitle: d.mapLabelListTitle,
    showOnMap: d.mapLabelShowOnMap,
    showing: d.mapLabelShowing,
    listRange: d.mapLabelListRange,
    listPages: d.mapLabelListPages,
    previousPage: d.mapLabelPreviousPage,
    nextPage: d.mapLabelNextPage,
    pageOf: d.mapLabelPageOf,
    listByPlace: d.mapLabelListByPlace,
    divisionMarker: d.mapLabelDivisionMarker,
    legendStage: d.mapLabelLegendStage,
    legendFunds: d.mapLabelLegendFunds,
    legendSector: d.mapLabelLegendSector,
    fundsNone: d.mapLabelFundsNone,
    fundsBelow: d.mapLabelFundsBelow,
    fundsBetween: d.mapLabelFundsBetween,
    fundsAtLeast: d.mapLabelFundsAtLeast,
    sectorNone: d.mapLabelSectorNone,
    popupTown: d.mapLabelPopupTown,
    popupFunds: d.mapLabelPopupFunds,
    popupProjects: d.mapLabelPopupProjects,
    popupStage: d.mapLabelPopupStage,
    popupUnit: d.mapLabelPopupUnit,
    popupEnterprise: d.mapLabelPopupEnterprise,
    notAvailable: d.mapLabelNotAvailable,
    precisionSurveyed: d.mapLabelPrecisionSurveyed,
    precisionApproximate: d.mapLabelPrecisionApproximate,
    illustrative: d.mapLabelIllustrative,
    openVillage: d.mapLabelOpenVillage,
    zoomIn: d.mapLabelZoomIn,
    zoomOut: d.mapLabelZoomOut,
    closePopup: d.mapLabelClosePopup,
    mapLabel: d.mapLabelMapLabel,
  };
}
