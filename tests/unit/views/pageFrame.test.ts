import { describe, expect, test } from 'vitest';
import type { ChartDataset } from '../../../src/derive/chartData.ts';
import { buildPageFrame, chartsById, withProvenance } from '../../../src/derive/views/pageFrame.ts';
import { smallSite } from './siteFixture.ts';

describe('buildPageFrame', () => {
  test('carries the CSP, the region, the edition and its date', () => {
    const site = smallSite();
    const frame = buildPageFrame(site);
    expect(frame.region.code).toBe('150627');
    expect(frame.edition).toBe('2021-10-14-test');
    expect(frame.asOf).toBe('2021-10-14');
    expect(frame.csp).toBe(site.csp);
    expect(frame.csp).toContain("default-src 'self'");
  });
});

describe('withProvenance', () => {
  test('marks a figure illustrative when any row it adds up is, and not otherwise', () => {
    const site = smallSite();
    const shown = withProvenance(site.records, site.report.reconciliation);
    const byKey = new Map(shown.map((r) => [r.key, r]));
    // funds.csv: every row illustrative; villages.csv has no provenance column.
    expect(byKey.get('funds_yuan')?.illustrative).toBe(true);
    expect(byKey.get('villages')?.illustrative).toBe(false);
    expect(shown.map((r) => r.key)).toEqual(site.report.reconciliation.map((r) => r.key));
  });
});

describe('chartsById', () => {
  test('finds each dataset by its id; the first of an id wins', () => {
    const a = { id: 'funds-by-source', files: ['a'] } as unknown as ChartDataset;
    const b = { id: 'funds-by-source', files: ['b'] } as unknown as ChartDataset;
    const c = { id: 'talent-by-kind' } as unknown as ChartDataset;
    const charts = chartsById([a, b, c]);
    expect(charts['funds-by-source']).toBe(a);
    expect(charts['talent-by-kind']).toBe(c);
    expect(charts['income-by-month']).toBeUndefined();
  });
});
