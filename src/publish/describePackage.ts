/**
 * datapackage.json (Frictionless Data Package, tabular profile) built from the same tables the
 * validator reads with, so the published description cannot drift from what is enforced.
 */
import type { Bilingual } from '../i18n/locale.ts';
import type { AnyTable, Field } from '../read/field.ts';
import { TABLES, type Records } from '../read/tables.ts';
import { provenanceOf } from '../derive/provenance.ts';

type FrictionlessField = {
  name: string;
  title: string;
  description: string;
  type: 'string' | 'number' | 'integer' | 'date' | 'yearmonth';
  format?: string;
  example?: string;
  constraints: { required: boolean; unique?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
};

const TYPES: Record<Field['meta']['kind'], FrictionlessField['type']> = {
  code: 'string',
  id: 'string',
  text: 'string',
  url: 'string',
  money: 'number',
  decimal: 'number',
  integer: 'integer',
  number: 'number',
  date: 'date',
  month: 'yearmonth',
  enum: 'string',
};

const BOTH = ' / ';
const both = (text: Bilingual): string => `${text.zh}${BOTH}${text.en}`;

/** A title or description of a descriptor back in its two languages (Chinese first, as `both` wrote it). */
export function splitBoth(text: string): Bilingual {
  const at = text.indexOf(BOTH);
  return at === -1 ? { zh: text, en: text } : { zh: text.slice(0, at), en: text.slice(at + BOTH.length) };
}

function describeField(name: string, field: Field, unique: boolean): FrictionlessField {
  const { meta } = field;
  const constraints: FrictionlessField['constraints'] = { required: meta.required };
  if (unique) constraints.unique = true;
  if (meta.vocabulary !== undefined) constraints.enum = Object.values(meta.vocabulary).map((term) => term.zh);
  if (meta.minimum !== undefined) constraints.minimum = meta.minimum;
  if (meta.maximum !== undefined) constraints.maximum = meta.maximum;
  if (meta.codeLengths !== undefined) constraints.pattern = `^(${meta.codeLengths.map((n) => `\\d{${n}}`).join('|')})$`;
  if (meta.kind === 'id') constraints.pattern = '^[\\p{L}\\p{N}_-]+$';
  return {
    name,
    title: meta.header,
    description: both(meta.description),
    type: TYPES[meta.kind],
    ...(meta.kind === 'url' ? { format: 'uri' } : {}),
    ...(meta.example === undefined ? {} : { example: meta.example }),
    constraints,
  };
}

export type License = { name: string; path: string; title: string };
export type Source = { title: string; path?: string; publisher?: string; date?: string };

/** What the descriptor says beyond the tables: the dataset's name, its licences and sources, as a whole and per file. */
export type PackageOptions = {
  name: string;
  title: Bilingual;
  edition: string;
  licenses: License[];
  sources: Source[];
  /** A file's own terms and sources, where they are not the whole package's. */
  resources?: Record<string, { licenses?: License[]; sources?: Source[] } | undefined>;
};

/** datapackage.json as an object; JSON.parse of the committed file gives the same shape. */
export type DataPackage = ReturnType<typeof describePackage>;

export function describePackage(records: Records, options: PackageOptions) {
  return {
    profile: 'tabular-data-package',
    name: options.name,
    title: both(options.title),
    ...(options.edition === '' ? {} : { version: options.edition }),
    licenses: options.licenses,
    sources: options.sources,
    resources: (TABLES as readonly AnyTable[]).map((table) => {
      const provenance = provenanceOf(records, table);
      const singleKey = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
      const own = options.resources?.[table.file];
      return {
        name: table.file.replace(/\.csv$/, ''),
        path: table.file,
        profile: 'tabular-data-resource',
        title: both(table.title),
        description: both(table.description),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...(own?.licenses === undefined ? {} : { licenses: own.licenses }),
        ...(own?.sources === undefined ? {} : { sources: own.sources }),
        provenance: provenance.provenance,
        officialRows: provenance.officialRows,
        rows: provenance.rows,
        schema: {
          fields: Object.entries(table.columns).map(([name, field]) => describeField(name, field, name === singleKey)),
          primaryKey: [...table.primaryKey],
          foreignKeys: table.references
            // A parent-code link or a link to either of two files is checked by the validator but has no Frictionless form.
            .filter((reference) => reference.match !== 'parent' && reference.also === undefined)
            .map((reference) => ({
              fields: reference.columns,
              reference: { resource: reference.file.replace(/\.csv$/, ''), fields: reference.key },
            })),
        },
      };
    }),
  };
}
