/**
 * The templates in data/templates/: for every data file, what a new county starts from in Excel or
 * WPS. The Chinese headers, two example rows marked as examples (their first cell starts with 示例,
 * so the validator shows them and does not read them), and per column what the spreadsheet should
 * know: whether it is a code to keep as text, the values of a closed list, and the dictionary's help.
 * Written from the same table definitions as the validator and the data dictionary; the CSV text is
 * made here, the `.xlsx` by scripts/lib/xlsxTemplate.ts.
 */
import type { AnyTable, FieldMeta } from '../read/field.ts';
import { EXAMPLE_MARK } from '../read/fileStructure.ts';
import type { Bilingual } from '../i18n/locale.ts';
import { columnHelp, describeReferences, type ColumnHelp } from './describeColumns.ts';
import { formatCsv } from './toCsv.ts';

export type TemplateColumn = {
  key: string;
  header: string;
  /** Codes and ids: formatted as text, so Excel keeps every digit (never 1.50627E+11) and leading zeros. */
  text: boolean;
  /** A closed list's values as staff type them, for a drop-down list. */
  choices?: string[];
  required: boolean;
  help: ColumnHelp;
};

export type Template = {
  /** `funds`: the template files are `funds.csv` and `funds.xlsx`. */
  stem: string;
  /** The data sheet's name, which the reader finds the table by: 帮扶资金. */
  sheet: string;
  title: Bilingual;
  description: Bilingual;
  primaryKey: readonly string[];
  columns: TemplateColumn[];
  /** Two rows of examples, as text; the first cell of each starts with 示例. */
  examples: string[][];
  /** The rules across files the rows must keep. */
  rules: Bilingual[];
};

/** Two example values of a column, for the first and the second example row. */
function examplesOf(key: string, meta: FieldMeta): [string, string] {
  const terms = Object.values(meta.vocabulary ?? {}).map((term) => term.zh);
  const given = meta.example;
  switch (meta.kind) {
    case 'enum':
      return [terms[0] ?? '', terms[1] ?? terms[0] ?? ''];
    case 'code': {
      const code = given ?? '150627101225'.slice(0, Math.max(...(meta.codeLengths ?? [12])));
      return [code, code];
    }
    case 'id': {
      if (given === undefined && !meta.required) return ['', ''];
      const id = given ?? 'X0001';
      // The second example is the next id: P0001 → P0002.
      const next = id.replace(/\d+$/, (digits) => String(Number(digits) + 1).padStart(digits.length, '0'));
      return [id, next];
    }
    case 'money':
      return [given ?? '80万', '1,234.50'];
    case 'decimal':
      return [given ?? '800', '1,234.5'];
    case 'integer':
      return [given ?? '12', '3'];
    case 'number':
      return key.startsWith('lat') ? ['39.604', '39.561'] : key.startsWith('lon') ? ['109.783', '109.712'] : ['1.5', '2'];
    case 'date':
      return [given ?? '2021-10-14', '2021/6/1'];
    case 'month':
      return [given ?? '2021-10', '2021年9月'];
    case 'url':
      return ['https://www.example.gov.cn/report.html', ''];
    case 'text':
      if (given !== undefined) return [given, given];
      if (key === 'note') return ['示例行，填好数据后请删除 · an example: delete it', ''];
      return meta.required ? [`（${meta.header}）`, `（${meta.header}）`] : ['', ''];
  }
}

export function templateOf(table: AnyTable): Template {
  const help = new Map(columnHelp(table).map((entry) => [entry.key, entry]));
  const entries = Object.entries(table.columns);
  const columns = entries.map(([key, { meta }]): TemplateColumn => {
    const choices = meta.vocabulary === undefined ? undefined : Object.values(meta.vocabulary).map((term) => term.zh);
    return {
      key,
      header: meta.header,
      text: meta.kind === 'code' || meta.kind === 'id',
      ...(choices === undefined ? {} : { choices }),
      required: meta.required,
      help: help.get(key)!,
    };
  });
  const values = entries.map(([key, { meta }]) => examplesOf(key, meta));
  const examples = [0, 1].map((n) => values.map((pair, column) => (column === 0 ? `${EXAMPLE_MARK}：${pair[n]!}` : pair[n]!)));
  return {
    stem: table.file.replace(/\.csv$/, ''),
    sheet: table.title.zh,
    title: table.title,
    description: table.description,
    primaryKey: table.primaryKey,
    columns,
    examples,
    rules: describeReferences(table),
  };
}

/** The CSV template: UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), the Chinese headers, the two examples. */
export function csvTemplate(template: Template): string {
  return formatCsv(
    template.columns.map((column) => column.header),
    template.examples,
    template.columns.map(() => 'text'),
  );
}
