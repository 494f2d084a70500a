import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { hasControlCharacter, listControlCharacters, showControlCharacters } from '../../src/format/controlCharacters.ts';

describe('invisible characters', () => {
  it('are written as visible escapes; everything else is left as it is', () => {
    expect(showControlCharacters('a\u0000b\u001b[2Jc\u007f\u0085\u202e\u2066d\te\nf')).toBe(
      'a\\u0000b\\u001b[2Jc\\u007f\\u0085\\u202e\\u2066d\\u0009e\\u000af',
    );
    expect(showControlCharacters('高勒庙村 Gaolemiao, 2600万元 ✓ 😀')).toBe('高勒庙村 Gaolemiao, 2600万元 ✓ 😀');
    expect(listControlCharacters('\u0000a\u0000\u001b')).toEqual(['\\u0000', '\\u001b']);
  });

  it('are found by mode: tab and line breaks count in a cell, not in text of several lines; line breaks not in a file', () => {
    expect(hasControlCharacter('a\tb')).toBe(true);
    expect(hasControlCharacter('a\nb')).toBe(true);
    expect(hasControlCharacter('a\tb\r\nc', 'lines')).toBe(false);
    expect(hasControlCharacter('a\u0000b', 'lines')).toBe(true);
    expect(hasControlCharacter('a\r\nb', 'file')).toBe(false);
    expect(hasControlCharacter('a\tb', 'file')).toBe(true);
    expect(hasControlCharacter('\u202d', 'file')).toBe(true);
  });

  it('never survive showing, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(hasControlCharacter(showControlCharacters(text))).toBe(false);
      }),
      propertyRuns(500),
    );
  });
});
