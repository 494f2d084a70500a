import { describe, expect, test } from 'vitest';
import { placePath } from '../../src/derive/placePath.ts';

describe('placePath', () => {
  test.each([
    ['15', '/provinces/15/'],
    ['1506', '/cities/1506/'],
    ['150627', '/counties/150627/'],
    ['150627101', '/towns/150627101/'],
    ['150627101225', '/villages/150627101225/'],
  ])('puts %s at %s', (code, path) => {
    expect(placePath(code)).toBe(path);
  });

  test('refuses a code of no level rather than inventing an address', () => {
    expect(() => placePath('1506271')).toThrow();
  });
});
