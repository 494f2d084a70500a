/**
 * What a region larger than a county publishes differently: past a number of villages, the list of
 * villages and the topic pages' tables go by county and town; above county level, pictures stop at
 * the counties.
 */
import { LEVEL_LENGTHS, type Level } from '../model/divisionCode.ts';

/**
 * Above this many villages a region is large. A county's few hundred rows make a page of some
 * 30 KB gzipped; 11,000 would make one of megabytes that a phone could hardly open.
 */
export const LARGE_REGION_VILLAGES = 2000;

/**
 * The deepest level whose places have their charts published as pictures (SVG and PNG), embed pages
 * and a social card of their own: every place of a county (or of a town), the counties and above of
 * a city or province. A province's villages and towns would need some 170,000 PNGs and 150,000 embed
 * pages, hours of a first build, and a city's (1506: 11,610 PNGs) most of an hour
 * (docs/performance.md "The chart pictures at scale"). By level, not by size, so a city cut out of a
 * province's data (`--only`) is pictured as the province pictures it.
 */
export function pictureLevelOf(regionLevel: Level): Level {
  return LEVEL_LENGTHS[regionLevel] < LEVEL_LENGTHS.county ? 'county' : 'village';
}

/** Whether a place's charts are published as pictures, given the region's picture level. */
export const hasPictures = (code: string, pictureLevel: Level): boolean => code.length <= LEVEL_LENGTHS[pictureLevel];
