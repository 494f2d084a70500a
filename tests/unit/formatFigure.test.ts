import { describe, expect, test } from 'vitest';
import { formatFigure, isMoneyUnit } from '../../src/format/formatFigure.ts';

describe('formatFigure', () => {
  test.each([
    [37_000_000_000n, '元', 'zh-CN', '3.7亿元'],
    [37_000_000_000n, '元', 'en', 'CNY 370 million'],
    [25_400n, '个', 'zh-CN', '254个'],
    [25_400n, '个', 'en', '254'],
    [560_000n, '平方公里', 'zh-CN', '5,600平方公里'],
    [560_000n, '平方公里', 'en', '5,600 km²'],
    [12_345n, '名', 'zh-CN', '123.45名'],
  ] as const)('writes %s hundredths of %s in %s as %s', (value, unit, locale, text) => {
    expect(formatFigure(value, unit, locale)).toBe(text);
  });

  test('knows yuan as money however it is written', () => {
    expect(isMoneyUnit(' 元 ')).toBe(true);
    expect(isMoneyUnit('个')).toBe(false);
  });
});
