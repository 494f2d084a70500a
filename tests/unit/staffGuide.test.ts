/**
 * The staff guide (docs/staff-guide.md, docs/staff-guide.en.md): its generated parts are up to date
 * (npm run docs:guide would change nothing), and every rule the validator can report has a broken
 * fixture that breaks it and an entry in both guides, with the message as staff see it.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../src/read/problem.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { findingOf } from '../../src/read/formatReport.ts';
import { describeRulesIn, RULE_TITLES, spliceStaffGuide, STAFF_GUIDES } from '../../src/publish/staffGuide.ts';
import { ruleExamples, rulesWithoutFixture } from '../../scripts/lib/brokenFixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const examples = ruleExamples(FIXTURES);
const guides = STAFF_GUIDES.map((guide) => ({ ...guide, text: readFileSync(join(ROOT, guide.file), 'utf8') }));

describe('every rule the validator can report', () => {
  it('has a broken fixture in tests/fixtures/broken/<rule>/', () => {
    // A rule added to RULES without a fixture is named here.
    expect(rulesWithoutFixture(FIXTURES)).toEqual([]);
  });

  it('is broken by its fixture: the validator reports that rule for it', () => {
    const silent = examples.filter((example) => example.problems.length === 0).map((example) => example.rule);
    expect(silent).toEqual([]);
    expect(examples.map((example) => example.rule)).toEqual([...RULES]);
  });

  it('has a title in both languages', () => {
    for (const rule of RULES) expect(RULE_TITLES[rule].zh.length * RULE_TITLES[rule].en.length, rule).toBeGreaterThan(0);
  });

  it.each(guides)('has an entry in $file with its message and fix as staff see them', ({ locale, text }) => {
    const missing = RULES.filter((rule) => {
      const example = examples.find((e) => e.rule === rule)!;
      const finding = findingOf(example.problems[0]!, locale);
      const entry = text.slice(text.indexOf(`### \`${rule}\``));
      return !text.includes(`### \`${rule}\``) || !entry.includes(finding.where) || !entry.includes(finding.hint.replace(/[*<>|]/g, (c) => `\\${c}`));
    });
    expect(missing).toEqual([]);
  });
});

describe('the guides', () => {
  it.each(guides)('$file is up to date: npm run docs:guide would change nothing', ({ file, locale, text }) => {
    expect(spliceStaffGuide(text, file, locale, examples)).toBe(text);
  });

  it('link each other at the top, in their own language', () => {
    const [zh, en] = guides;
    expect(zh!.text.split('\n').slice(0, 4).join('\n')).toContain('](staff-guide.en.md)');
    expect(en!.text.split('\n').slice(0, 4).join('\n')).toContain('](staff-guide.md)');
    // The Chinese guide's generated parts are Chinese and the English guide's English.
    const fundsRule = (locale: Locale) => findingOf(examples.find((e) => e.rule === 'type')!.problems[0]!, locale).message;
    expect(zh!.text).toContain(fundsRule('zh-CN'));
    expect(zh!.text).not.toContain(fundsRule('en'));
    expect(en!.text).toContain(fundsRule('en'));
    expect(en!.text).not.toContain(fundsRule('zh-CN'));
  });

  it('would show a rule left without an example, rather than leave it out', () => {
    const text = describeRulesIn([], 'en');
    for (const rule of RULES) expect(text).toContain(`### \`${rule}\``);
    expect(text).toContain('No example to show');
  });

  it('name the rules a fixtures folder lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-fixtures-'));
    try {
      for (const rule of RULES.filter((r) => r !== 'example-row' && r !== 'missing-file')) mkdirSync(join(dir, 'broken', rule), { recursive: true });
      expect(rulesWithoutFixture(dir)).toEqual(['missing-file', 'example-row']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
