/**
 * The address of a place's page, keyed by its statistical code so it stays the same from one
 * edition to the next: `/villages/150627101225/`. Locale-neutral; `localizePath` adds `/en`.
 */
import { levelOf, type Level } from '../model/divisionCode.ts';

/** The folder of each level of place, plural as in a reader's sentence ("the villages"). */
export const LEVEL_FOLDERS = {
  province: 'provinces',
  city: 'cities',
  county: 'counties',
  town: 'towns',
  village: 'villages',
} as const satisfies Record<Level, string>;

export type LevelFolder = (typeof LEVEL_FOLDERS)[Level];

export function placePath(code: string): string {
  return `/${LEVEL_FOLDERS[levelOf(code)]}/${code}/`;
}

const PLACE_PATH = new RegExp(`^/(?:${Object.values(LEVEL_FOLDERS).join('|')})/(\\d+)/$`);

/** The code of the place whose page a locale-neutral path is, or undefined for any other page. */
export function codeOfPath(path: string): string | undefined {
  return PLACE_PATH.exec(path)?.[1];
}
