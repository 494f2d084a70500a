import { describe, expect, test } from 'vitest';
import { projectRows, projectTowns, townPlaces, villageRows } from '../../../src/derive/views/tableRows.ts';
import { smallSite } from './siteFixture.ts';

describe('table rows', () => {
  const site = smallSite();

  test('one row per village, with the place above it and the code the town filter matches', () => {
    const rows = villageRows(site);
    expect(rows.map((r) => [r.village.code, r.town?.code, r.townCode])).toEqual([
      ['150627101212', '150627101', '150627101'],
      ['150627101225', '150627101', '150627101'],
      ['150627102200', '150627102', '150627102'],
    ]);
    expect(townPlaces(site).map((t) => t.name)).toEqual(['札萨克镇', '乌兰木伦镇']);
  });

  test('one row per project with its village and town; the town filter offers each town once, in code order', () => {
    const projects = [...site.records.projects].reverse();
    const rows = projectRows(projects, site.tree);
    expect(rows.map((r) => [r.project.project_id, r.village?.name, r.town?.name, r.townCode])).toEqual([
      ['P3', '乌兰木伦村', '乌兰木伦镇', '150627102'],
      ['P2', '给勒登庙嘎查', '札萨克镇', '150627101'],
      ['P1', '高勒庙村', '札萨克镇', '150627101'],
    ]);
    expect(projectTowns(projects, site.place).map((t) => t.code)).toEqual(['150627101', '150627102']);
  });
});
