/**
 * English names of places, for when staff have not typed one.
 *
 * Convention (one rule for every town and village, so English pages read consistently):
 * - The generic part at the end of the name is translated: 村 Village, 嘎查 Gacha, 镇 Town, 旗 Banner,
 *   市 City, … (see GENERIC_SUFFIXES). 嘎查 stays "Gacha", the word Inner Mongolia itself uses in English.
 * - The proper name before it is Hanyu Pinyin without tone marks, written as one word with a capital
 *   initial (`Gaolemiao`), as on Chinese road signs and maps (GB/T 16159, 中国地名汉语拼音字母拼写规则).
 *   The readings come from ./pinyin.ts, the same as the search keys'.
 *   Like those rules, an apostrophe separates a syllable starting with a, o or e from the one before it
 *   (`Subu'erga`, as in `Xi'an`), and ü keeps its dots (`Lüliang`).
 * - A few names have long-established English forms (`Ejin Horo`, `Ordos`); those are used when the
 *   whole proper name matches, so the town of 伊金霍洛 matches the banner's official English name.
 * - Anything that is not a Chinese character is kept exactly as typed. Escaping for HTML is the
 *   renderer's job, not this function's.
 * A `name_en` typed by staff always wins over all of this (see `englishName`).
 */
import { readCharacters } from './pinyin.ts';

/** Longest first, so 嘎查村 is taken before 村 and 自治区 before 区. */
const GENERIC_SUFFIXES: readonly (readonly [string, string])[] = [
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治旗', 'Autonomous Banner'],
  ['自治县', 'Autonomous County'],
  ['新区', 'New Area'],
  ['嘎查村', 'Gacha'],
  ['嘎查', 'Gacha'],
  ['苏木', 'Sumu'],
  ['社区', 'Community'],
  ['街道', 'Subdistrict'],
  ['村', 'Village'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['旗', 'Banner'],
  ['县', 'County'],
  ['市', 'City'],
  ['盟', 'League'],
  ['区', 'District'],
  ['省', 'Province'],
];

/** Whole proper names with an English form older and better known than their pinyin. */
const ESTABLISHED_NAMES: Readonly<Record<string, string>> = {
  伊金霍洛: 'Ejin Horo', // the banner's official English name (Mongolian Ejen Qoruɣ-a)
  鄂尔多斯: 'Ordos',
  内蒙古: 'Inner Mongolia',
};

const startsWithVowelAoe = (syllable: string): boolean => /^[aoe]/.test(syllable);

/** The pinyin of a proper name as one word: `苏布尔嘎` → `Subu'erga`; non-Chinese text is kept. */
function romanizeProperName(proper: string): string {
  const established = ESTABLISHED_NAMES[proper];
  if (established !== undefined) return established;
  const characters = readCharacters(proper);
  let word = '';
  let previousWasSyllable = false;
  for (const character of characters) {
    if (!character.isZh || character.pinyin === '') {
      word += character.origin;
      previousWasSyllable = false;
      continue;
    }
    const syllable = character.pinyin;
    word += previousWasSyllable && startsWithVowelAoe(syllable) ? `'${syllable}` : syllable;
    previousWasSyllable = true;
  }
  // Capitalise only a romanised start; a name typed in Latin letters keeps the case it was given.
  const first = characters[0];
  return first?.isZh === true && first.pinyin !== '' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * `高勒庙村` → `Gaolemiao Village`, `札萨克镇` → `Zhasake Town`, `给勒登庙嘎查` → `Geiledengmiao Gacha`,
 * `伊金霍洛旗` → `Ejin Horo Banner`. See the convention at the top of this file.
 */
export function toPinyinName(chinese: string): string {
  let english = romanised.get(chinese);
  if (english === undefined) romanised.set(chinese, (english = romanizeName(chinese)));
  return english;
}

/** Names already romanised: pinyin takes some half a millisecond a name, and a build asks for each place's on many pages (docs/performance.md, Scale). */
const romanised = new Map<string, string>();

function romanizeName(chinese: string): string {
  const name = chinese.trim();
  for (const [suffix, english] of GENERIC_SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      return `${romanizeProperName(name.slice(0, -suffix.length))} ${english}`;
    }
  }
  return romanizeProperName(name);
}

/**
 * English names written into a new region's data by `npm run init-region`, where pinyin would not be
 * the name the place uses in English. Keyed by statistical code, not by name, because the same
 * characters can name different places; a code here wins over the pinyin rule.
 */
export const ENGLISH_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  '15': 'Inner Mongolia Autonomous Region',
  '1506': 'Ordos',
  // Ordos's banners by the English names they use (from the Mongolian), which pinyin would not give.
  '150621': 'Dalad Banner',
  '150622': 'Jungar Banner',
  '150623': 'Otog Front Banner',
  '150624': 'Otog Banner',
  '150625': 'Hanggin Banner',
  '150626': 'Uxin Banner', // Mongolian Üüshin, the banner's own English name
  '150627': 'Ejin Horo Banner',
};

/** The English name a new region's data starts with: the override of its code, else its pinyin name. */
export const startingEnglishName = (code: string, name: string): string => ENGLISH_NAME_OVERRIDES[code] ?? toPinyinName(name);

/** The English name of a division or village: the one staff typed, else its pinyin name. */
export function englishName(division: { name: string; name_en?: string | undefined }): string {
  const typed = division.name_en?.trim();
  return typed !== undefined && typed !== '' ? typed : toPinyinName(division.name);
}
