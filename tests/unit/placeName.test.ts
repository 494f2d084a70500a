import { describe, expect, test } from 'vitest';
import { englishName, toPinyinName } from '../../src/format/placeName.ts';

describe('toPinyinName', () => {
  // The seven towns of Ejin Horo Banner (统计用区划代码 150627100–150627106).
  test.each([
    ['阿勒腾席热镇', 'Aletengxire Town'],
    ['札萨克镇', 'Zhasake Town'],
    ['乌兰木伦镇', 'Wulanmulun Town'],
    ['纳林陶亥镇', 'Nalintaohai Town'],
    ['苏布尔嘎镇', "Subu'erga Town"],
    ['红庆河镇', 'Hongqinghe Town'],
    ['伊金霍洛镇', 'Ejin Horo Town'],
  ])('names the town %s %s', (chinese, english) => {
    expect(toPinyinName(chinese)).toBe(english);
  });

  test.each([
    ['高勒庙村', 'Gaolemiao Village'],
    ['给勒登庙嘎查', 'Geiledengmiao Gacha'],
    ['台格嘎查', 'Taige Gacha'],
    ['苏布尔嘎嘎查村', "Subu'erga Gacha"],
    ['瓦窑圪台村', 'Wayaogetai Village'],
    ['玛勒庆壕赖村', 'Maleqinghaolai Village'],
    ['乌兰淖尔村', "Wulannao'er Village"],
  ])('names the village %s %s', (chinese, english) => {
    expect(toPinyinName(chinese)).toBe(english);
  });

  test.each([
    ['都嘎敖包嘎查', "Duga'aobao Gacha"],
    ['木都希里村', 'Muduxili Village'],
    ['布都阿麻村', "Budu'ama Village"],
  ])('reads 都 as du in %s, not as the adverb dou', (chinese, english) => {
    expect(toPinyinName(chinese)).toBe(english);
  });

  test('reads 什 as shi in a place name, not as the shen of 什么', () => {
    expect(toPinyinName('什拉村')).toBe('Shila Village');
  });

  test.each([
    ['伊金霍洛旗', 'Ejin Horo Banner'],
    ['鄂尔多斯市', 'Ordos City'],
    ['内蒙古自治区', 'Inner Mongolia Autonomous Region'],
  ])('uses the established English name of %s', (chinese, english) => {
    expect(toPinyinName(chinese)).toBe(english);
  });

  test.each([
    ['平安村', "Ping'an Village"],
    ['西安市', "Xi'an City"],
    ['吕梁市', 'Lüliang City'],
    ['闵行区', 'Minhang District'],
    ['浦东新区', 'Pudong New Area'],
    ['滨海新区', 'Binhai New Area'],
  ])('follows the pinyin spelling rules for apostrophes and ü, and reads district names as they are known: %s', (chinese, english) => {
    expect(toPinyinName(chinese)).toBe(english);
  });

  test('passes markup through as plain text without failing', () => {
    expect(toPinyinName('<img src=x onerror=alert(1)>村')).toBe('<img src=x onerror=alert(1)> Village');
  });

  test('keeps a name typed in Latin letters as typed, and trims spaces', () => {
    expect(toPinyinName('  Ejin village ')).toBe('Ejin village');
  });

  test('romanises a bare generic word instead of leaving the proper name empty', () => {
    expect(toPinyinName('村')).toBe('Cun');
  });
});

describe('englishName', () => {
  test('prefers the English name staff typed', () => {
    expect(englishName({ name: '伊金霍洛旗', name_en: 'Ejin Horo Banner (Ordos)' })).toBe('Ejin Horo Banner (Ordos)');
  });

  test.each([undefined, '', '   '])('falls back to pinyin when the English name is %j', (nameEn) => {
    expect(englishName({ name: '札萨克镇', name_en: nameEn })).toBe('Zhasake Town');
  });
});
