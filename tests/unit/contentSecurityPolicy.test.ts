import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../src/config/contentSecurityPolicy.ts';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('contentSecurityPolicy', () => {
  test('allows scripts and styles only from the site itself', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe|\*/);
  });

  test('lets only the dev server inline styles, never scripts', () => {
    const dev = directives(contentSecurityPolicy([], { devServer: true }));
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('script-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy([], { devServer: false })).get('style-src')).toEqual(["'self'"]);
  });

  test('adds the tile hosts to img-src only', () => {
    const policy = directives(contentSecurityPolicy(['https://tile.openstreetmap.org']));
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  test('leaves out what a meta policy may not carry', () => {
    expect(contentSecurityPolicy()).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });

  test.each(['*', "https://a.example 'unsafe-inline'", 'http://a.example', 'https://a.example/path', 'https://a.example; script-src *'])(
    'refuses %s as a tile origin',
    (origin) => {
      expect(() => contentSecurityPolicy([origin])).toThrow();
    },
  );
});
