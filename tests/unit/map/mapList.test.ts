import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import { buildMapList } from '../../../src/derive/map/mapList.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import { makeRecords } from './mapFixtures.ts';

describe('buildMapList', () => {
  const records = makeRecords();
  const payload = buildMapPayload({ records, tree: buildPlaceTree(records), locale: 'zh-CN', tiles: resolveTileConfig({}) });

  test('lists villages by town then code, whatever order the payload has them in', () => {
    const list = buildMapList({ ...payload, villages: [...payload.villages].reverse() });
    const keys = list.villages.map((v) => `${v.townCode} ${v.code}`);
    expect(keys).toEqual([...keys].sort());
    expect(list.villages).toHaveLength(payload.villages.length);
  });

  test('offers only the sectors some village has, ends at the latest month, and shows only stages in use', () => {
    const list = buildMapList(payload);
    expect([...list.sectorsPresent].sort()).toEqual([...new Set(payload.villages.flatMap((v) => v.sectors))].sort());
    expect(list.lastMonth).toEqual(payload.months.at(-1));
    const inUse = new Set(payload.villages.map((v) => v.latestStage ?? 'none'));
    expect(list.shownStages.map((s) => s.key)).toEqual(payload.legends.stage.map((s) => s.key).filter((key) => inUse.has(key)));
    expect(list.shownStages.length).toBeLessThan(payload.legends.stage.length);
  });
});
