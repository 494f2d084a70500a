/**
 * Statistical division codes (统计用区划代码): the level of a place is the length of its code, and a
 * place lies within another when its code starts with the other's. The one place that knows the
 * lengths 2/4/6/9/12.
 */

export type Level = 'province' | 'city' | 'county' | 'town' | 'village';

/** Digits in the code of each level, outermost first. */
export const LEVEL_LENGTHS = { province: 2, city: 4, county: 6, town: 9, village: 12 } as const satisfies Record<Level, number>;

const LEVELS = Object.keys(LEVEL_LENGTHS) as Level[];
const LENGTHS = Object.values(LEVEL_LENGTHS) as number[];

/** The code lengths of the given levels, for a column's accepted codes. */
export function codeLengthsOf(...levels: Level[]): number[] {
  return levels.map((level) => LEVEL_LENGTHS[level]);
}

/** `150627` → 'county'; throws for a string that is no level's length. */
export function levelOf(code: string): Level {
  const level = LEVELS[LENGTHS.indexOf(code.length)];
  if (level === undefined) throw new Error(`not a statistical division code: ${code}`);
  return level;
}

/** Whether a code has the length of the given level. */
export const isLevel = (code: string, level: Level): boolean => code.length === LEVEL_LENGTHS[level];

/** The code of the enclosing place at a level: `ancestorAt('150627101225', 'town')` → `150627101`. */
export function ancestorAt(code: string, level: Level): string {
  const length = LEVEL_LENGTHS[level];
  if (code.length < length) throw new Error(`${code} has no ${level} above it`);
  return code.slice(0, length);
}

/** The town of a village (or of anything below a town): `150627101225` → `150627101`. */
export const townOf = (code: string): string => ancestorAt(code, 'town');

/** The county of a place at or below a county: `150627101` → `150627`. */
export const countyOf = (code: string): string => ancestorAt(code, 'county');

/** The code one level up (`1506271012` is no level, so undefined), undefined for a province or a non-code. */
export function parentOf(code: string): string | undefined {
  const at = LENGTHS.indexOf(code.length);
  return at > 0 ? code.slice(0, LENGTHS[at - 1]) : undefined;
}

/** The codes of the levels above a code, outermost first: `150627` → `15`, `1506`. */
export function ancestorsOf(code: string): string[] {
  return LENGTHS.filter((length) => length < code.length).map((length) => code.slice(0, length));
}

/** Whether a place lies within a region (or is the region): prefixes of codes nest like the places. */
export const isWithin = (code: string, region: string): boolean => code.startsWith(region);

/**
 * Rows grouped once under every place they lie within, so that a place's rows are found by reading
 * only them: `within(code)` is `rows.filter((row) => isWithin(codeOf(row), code))`, in the rows'
 * order, for a code of any level (any other string is answered by that filter). The groups are
 * shared: callers must not change them.
 */
export function indexWithin<T>(rows: readonly T[], codeOf: (row: T) => string): (code: string) => readonly T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const code = codeOf(row);
    for (const length of LENGTHS) {
      if (length > code.length) break;
      const key = code.slice(0, length);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [row]);
      else group.push(row);
    }
  }
  const none: readonly T[] = [];
  return (code) => (LENGTHS.includes(code.length) ? (groups.get(code) ?? none) : rows.filter((row) => isWithin(codeOf(row), code)));
}
