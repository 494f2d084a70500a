import type { Place } from '../../src/derive/aggregate.ts';
import { levelOf } from '../../src/model/divisionCode.ts';

/** A place as the search index reads it, with no tree around it (the tree's lists left empty). */
export function barePlace(code: string, name: string, parentCode?: string, nameEn?: string): Place {
  return { code, name, nameEn, parentCode, level: levelOf(code), ancestorCodes: [], childCodes: [], villageCodes: [], village: undefined };
}
