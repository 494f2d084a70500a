import { describe, expect, test } from 'vitest';
import { layOutTable, padToColumns } from '../../src/format/layOutTable.ts';

describe('padToColumns', () => {
  test('counts a CJK character as two terminal columns', () => {
    expect(padToColumns('村', 4)).toBe('村  ');
    expect(padToColumns('ab', 4)).toBe('ab  ');
    expect(padToColumns('（元）', 8, 'right')).toBe('  （元）');
  });

  test('counts colour codes as no columns and never cuts text', () => {
    expect(padToColumns('\u001b[31m村\u001b[39m', 3)).toBe('\u001b[31m村\u001b[39m ');
    expect(padToColumns('高勒庙村', 2)).toBe('高勒庙村');
  });
});

describe('layOutTable', () => {
  test('lines up Chinese and Latin cells: names left, figures right', () => {
    expect(
      layOutTable(
        ['页面 Page', 'KB'],
        [
          ['首页 Home', '12.5'],
          ['地图 Map', '101.0'],
        ],
        1,
      ),
    ).toEqual(['页面 Page     KB', '---------  -----', '首页 Home   12.5', '地图 Map   101.0']);
  });
});
