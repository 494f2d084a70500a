/** bench:map's page: the synthetic province's filters and data in place of a built map page's own, whatever its level. */
import { describe, expect, it } from 'vitest';
import { syntheticMap, syntheticMapPage } from '../../scripts/lib/syntheticMap.ts';

const map = syntheticMap(300, 'zh-CN');
const select = (name: string) => `<label>${name}<select name="${name}"><option value="">all</option><option value="1">x</option></select></label>`;
const page = (filters: string, details: string) =>
  `<form>${filters}</form>${details}<ul id="village-list"><li>old</li></ul><script type="application/json" id="map-data">{}</script>`;
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('the synthetic map page', () => {
  it.each([
    ['a county’s page (a town filter only)', page(select('town'), '')],
    [
      'a province’s page (its own city, county and town filters, details apart)',
      page(select('city') + select('county') + select('town'), '<a hidden data-map-details href="/x.json"></a>'),
    ],
  ])('has one filter of each level and one details link: %s', (_, original) => {
    const html = syntheticMapPage(original, map);
    for (const name of ['city', 'county', 'town']) expect(count(html, new RegExp(`<select name="${name}">`, 'g')), name).toBe(1);
    expect(count(html, /data-map-details/g)).toBe(map.client.details === null ? 1 : 0);
    expect(html).not.toContain('<option value="1">x</option>');
    expect(html).not.toContain('<li>old</li>');
  });
});
