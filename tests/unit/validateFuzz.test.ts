/**
 * The whole `npm run validate` command, fed random bytes, random tables and random folder layouts:
 * whatever staff leave in data/, it answers with an exit code and located, bilingual messages, never
 * an exception. Seeded (tests/support/propertyRuns.ts), so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../scripts/lib/validateCommand.ts';
import { RULES } from '../../src/read/problem.ts';
import { TABLES } from '../../src/read/tables.ts';
import type { AnyTable } from '../../src/read/field.ts';
import type { Bilingual } from '../../src/i18n/locale.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const NAMES = [...TABLES.map((table) => table.file), 'old.csv', 'funds.xlsx'];
const HEADERS: string[] = (TABLES as readonly AnyTable[]).flatMap((table) => Object.entries(table.columns).flatMap(([key, field]) => [key, field.meta.header]));

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '150627',
    '150627101225',
    '1.50627E+11',
    '2021-10-14',
    '2021/6/14 0:00',
    '2099-01-01',
    '80万',
    '1.234,56',
    '合计',
    '=1+1',
    '"',
    ',',
    '\n',
    '\u0000',
    '\u001b[2J',
  ),
  fc.integer().map(String),
);

type Entry =
  | { kind: 'absent' | 'small' | 'folder' | 'dangling' | 'empty' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'table'; header: string[]; rows: string[][]; bom: boolean; encoding: 'utf8' | 'gbk' | 'utf16le' }
  | { kind: 'mutated'; flips: [number, number][]; cut: number | null };

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'small' as const }) },
  fc.constantFrom({ kind: 'absent' as const }, { kind: 'folder' as const }, { kind: 'dangling' as const }, { kind: 'empty' as const }),
  fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }) }),
  fc.record({
    kind: fc.constant('table' as const),
    header: fc.array(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 6 })), { maxLength: 10 }),
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 8 }),
    bom: fc.boolean(),
    encoding: fc.constantFrom('utf8' as const, 'gbk' as const, 'utf16le' as const),
  }),
  fc.record({
    kind: fc.constant('mutated' as const),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    cut: fc.option(fc.nat()),
  }),
);

const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function bytesOf(name: string, item: Entry): Uint8Array | undefined {
  const original = join(SMALL, name);
  switch (item.kind) {
    case 'small':
      return existsSync(original) ? readFileSync(original) : undefined;
    case 'empty':
      return new Uint8Array();
    case 'bytes':
      return item.bytes;
    case 'table': {
      const text = [item.header, ...item.rows].map((row) => row.map(quote).join(',')).join('\n');
      const body = iconv.encode(text, item.encoding);
      return item.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
    case 'mutated': {
      if (!existsSync(original)) return undefined;
      const bytes = new Uint8Array(readFileSync(original));
      for (const [at, value] of item.flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
      return item.cut === null ? bytes : bytes.slice(0, item.cut % (bytes.length + 1));
    }
    default:
      return undefined;
  }
}

function lay(dir: string, layout: Entry[]): void {
  layout.forEach((item, index) => {
    const name = NAMES[index]!;
    const path = join(dir, name);
    if (item.kind === 'folder') mkdirSync(path);
    else if (item.kind === 'dangling') symlinkSync(join(dir, 'nowhere', name), path);
    else {
      const bytes = bytesOf(name, item);
      if (bytes !== undefined) writeFileSync(path, bytes);
    }
  });
}

describe('npm run validate on whatever is in data/', () => {
  it('always exits 0 or 1 with a located, bilingual report, never an exception', async () => {
    const root = mkdtempSync(join(tmpdir(), 'validate-fuzz-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(entry, { minLength: NAMES.length, maxLength: NAMES.length }), fc.boolean(), async (layout, json) => {
          const dir = join(root, String((run += 1)));
          mkdirSync(dir);
          lay(dir, layout);
          const out: string[] = [];
          const err: string[] = [];
          const code = await validateCommand(['--dir', dir, ...(json ? ['--json'] : [])], { out: (t) => out.push(t), err: (t) => err.push(t) });
          rmSync(dir, { recursive: true, force: true });
          // An exception would have been caught by the command's shell and told on stderr.
          expect(err.join('')).toBe('');
          expect([0, 1]).toContain(code);
          const text = out.join('');
          if (json) {
            const report = JSON.parse(text) as {
              ok: boolean;
              problems: { severity: string; rule: string; file: string; message: Bilingual }[];
            };
            expect(report.ok).toBe(code === 0);
            for (const problem of report.problems) {
              expect(RULES).toContain(problem.rule);
              expect(problem.file.length).toBeGreaterThan(0);
              expect(problem.message.zh.length * problem.message.en.length).toBeGreaterThan(0);
            }
            if (code === 1) expect(report.problems.some((p) => p.severity === 'error')).toBe(true);
          } else {
            expect(text).toContain(code === 0 ? 'Result: passed' : 'Result: failed');
            if (code === 1) expect(text).toMatch(/✗ 错误 error {2}\S+/);
          }
        }),
        propertyRuns(120),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
