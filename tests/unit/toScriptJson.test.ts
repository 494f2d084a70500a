import { describe, expect, test } from 'vitest';
import { toScriptJson } from '../../src/publish/toScriptJson.ts';

describe('toScriptJson', () => {
  test('cannot close its script element and reads back unchanged', () => {
    const value = { name: '</script><img src=x onerror=alert(1)>村' };
    const json = toScriptJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});
