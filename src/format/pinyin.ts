/**
 * The one home of Chinese readings: the only module that imports pinyin-pro. English place names
 * (placeName.ts) and the search keys (derive/searchIndex.ts) both read through here, so a reading
 * fixed once is fixed in both.
 */
import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Readings pinyin-pro gets wrong in place names because it picks the everyday reading of a polyphonic
 * character. Checked against all the village names of Ejin Horo Banner (pinyin-pro 3.29.4).
 */
export const READING_OVERRIDES: Readonly<Record<string, string>> = {
  // 都 is dōu only as the adverb "all"; in names it is dū (都嘎敖包 Duga'aobao, 布都阿麻 Budu'ama,
  // 木都希里 Muduxili), but pinyin-pro reads these as dou.
  都: 'dū',
  // 什 is shén only in 什么; in names it is shí (什拉, 什股壕), but pinyin-pro reads 什拉 as shen la.
  什: 'shí',
  // 行 is xíng (to walk) on its own; 闵行 (Minhang District, Shanghai) is háng.
  闵行: 'mǐn háng',
};

// customPinyin is global state in pinyin-pro: registered once, here, when this module is first loaded,
// before anything can read a name; nothing else imports pinyin-pro, so nothing else can change it.
customPinyin(READING_OVERRIDES);

/** One character of a text with its toneless reading; `pinyin` is '' for anything not Chinese. */
export type Reading = { origin: string; pinyin: string; isZh: boolean };

/** Each character of `text` with its reading in a place name: `什拉` → shi, la. */
export function readCharacters(text: string): Reading[] {
  return pinyin(text, { toneType: 'none', type: 'all' }).map(({ origin, pinyin: reading, isZh }) => ({
    origin,
    pinyin: reading,
    isZh,
  }));
}

/**
 * The search keys of a name: whole pinyin without tones or spaces (`gaolemiaocun`) and the initials
 * (`glmc`). Non-Chinese characters are dropped; the name key of the search entry still holds them.
 */
export function toPinyinKeys(name: string): { pinyin: string; initials: string } {
  const keys = (pattern: 'pinyin' | 'first'): string => pinyin(name, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' }).join('');
  return { pinyin: keys('pinyin'), initials: keys('first') };
}
