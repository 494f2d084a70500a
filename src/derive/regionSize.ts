/**
 * What a large region (a city or province with thousands of villages) publishes differently from a
 * county: one threshold, counted in villages, for the list of villages, the topic pages' tables and
 * the pictures.
 */
import { LEVEL_LENGTHS, type Level } from '../model/divisionCode.ts';

/**
 * Above this many villages a region is large. A county's few hundred rows make a page of some
 * 30 KB gzipped; 11,000 would make one of megabytes that a phone could hardly open.
 */
export const LARGE_REGION_VILLAGES = 2000;

/**
 * The deepest level whose places have their charts published as pictures (SVG and PNG), embed pages
 * and a social card of their own. A province's villages and towns would need some 170,000 PNGs and
 * 150,000 embed pages, hours of a first build (docs/performance.md "The chart pictures at scale"), so
 * a large region publishes them down to its counties.
 */
export function pictureLevelOf(villages: number, limit = LARGE_REGION_VILLAGES): Level {
  return villages > limit ? 'county' : 'village';
}

/** Whether a place's charts are published as pictures, given the region's picture level. */
export const hasPictures = (code: string, pictureLevel: Level): boolean => code.length <= LEVEL_LENGTHS[pictureLevel];
