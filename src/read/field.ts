/**
 * A column of a data file, described once: the zod schema of its typed value, and what the reader,
 * the coercer and the Data Package descriptor need to know about it (headers, kind, meaning, links).
 * Tables are built from fields, so the validator, the TypeScript types, the data dictionary and
 * datapackage.json all come from one definition and cannot drift apart.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { z } from 'astro/zod';
import type { Vocabulary } from '../model/vocabulary.ts';

/** How a cell's text becomes a value (see coerce.ts). */
export type FieldKind = 'code' | 'id' | 'text' | 'money' | 'decimal' | 'integer' | 'number' | 'date' | 'month' | 'enum' | 'url';

export type FieldMeta = {
  kind: FieldKind;
  required: boolean;
  /** The Chinese header staff type; the canonical snake_case key is always accepted too. */
  header: string;
  /** Other headers that mean the same column (after folding width, case and spaces). */
  aliases: readonly string[];
  description: Bilingual;
  /** For `code`: the allowed numbers of digits (2 province, 4 city, 6 county, 9 town, 12 village). */
  codeLengths?: readonly number[];
  vocabulary?: Vocabulary;
  minimum?: number;
  maximum?: number;
  example?: string;
  /** For `text`: the cell may hold line breaks and tabs (Alt+Enter in Excel, a pasted paragraph). */
  multiline?: boolean;
  /** For `date` and `month`: the earliest year accepted; EARLIEST_YEAR unless the column says otherwise. */
  earliestYear?: number;
  /** For `date` and `month`: the value may be later than the edition's as-of date (a planned date). */
  mayFollowAsOf?: boolean;
  /**
   * For `money`: the key in reported.csv of the region's reported total of this column. One row's
   * amount larger than that total is out of all proportion.
   */
  reportedTotal?: string;
};

/**
 * No date of this programme is before the People's Republic (1949): an earlier year is a typing
 * error (1921 for 2021) unless a column says otherwise (FieldMeta.earliestYear).
 */
export const EARLIEST_YEAR = 1949;

export type Field<S extends z.ZodTypeAny = z.ZodTypeAny> = { schema: S; meta: FieldMeta };

type Described = Omit<FieldMeta, 'kind' | 'required' | 'aliases'> & { aliases?: readonly string[] };

const describe = (kind: FieldKind, options: Described): FieldMeta => ({ kind, required: true, aliases: [], ...options });

/** A statistical division code of one of the given lengths. */
export function code(options: Described & { codeLengths: readonly number[] }): Field<z.ZodString> {
  const pattern = new RegExp(`^(${options.codeLengths.map((n) => `\\d{${n}}`).join('|')})$`);
  return { schema: z.string().regex(pattern), meta: describe('code', options) };
}

/** Letters, digits, `-` and `_`: what an id may hold (coerceCell checks cells with the same pattern). */
export const ID_PATTERN = /^[\p{L}\p{N}_-]+$/u;

/** A short identifier staff choose (letters, digits, `-` and `_`). */
export function id(options: Described): Field<z.ZodString> {
  return { schema: z.string().regex(ID_PATTERN), meta: describe('id', options) };
}

export function text(options: Described): Field<z.ZodString> {
  return { schema: z.string().min(1), meta: describe('text', options) };
}

export function url(options: Described): Field<z.ZodString> {
  return { schema: z.string().url(), meta: describe('url', options) };
}

/** Money in fen (分, 0.01 yuan) as a bigint, so no binary floating point touches it. */
export function money(options: Described): Field<z.ZodBigInt> {
  return { schema: z.bigint().nonnegative(), meta: describe('money', { minimum: 0, ...options }) };
}

/** An exact decimal with two places, in hundredths, as a bigint (reported figures of any unit). */
export function decimal(options: Described): Field<z.ZodBigInt> {
  return { schema: z.bigint().nonnegative(), meta: describe('decimal', { minimum: 0, ...options }) };
}

export function integer(options: Described): Field<z.ZodNumber> {
  const minimum = options.minimum ?? 0;
  return { schema: z.number().int().min(minimum), meta: describe('integer', { ...options, minimum }) };
}

/** A measurement where binary floating point is fine (coordinates). */
export function number(options: Described & { minimum: number; maximum: number }): Field<z.ZodNumber> {
  return { schema: z.number().min(options.minimum).max(options.maximum), meta: describe('number', options) };
}

/** A calendar date, held as `YYYY-MM-DD`. */
export function date(options: Described): Field<z.ZodString> {
  return { schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), meta: describe('date', options) };
}

/** A calendar month, held as `YYYY-MM`. */
export function month(options: Described): Field<z.ZodString> {
  return { schema: z.string().regex(/^\d{4}-\d{2}$/), meta: describe('month', options) };
}

export function oneOf<K extends string>(vocabulary: Vocabulary<K>, options: Described): Field<z.ZodEnum<[K, ...K[]]>> {
  const keys = Object.keys(vocabulary) as [K, ...K[]];
  return { schema: z.enum(keys), meta: { ...describe('enum', options), vocabulary } };
}

export function optional<S extends z.ZodTypeAny>(field: Field<S>): Field<z.ZodOptional<S>> {
  return { schema: field.schema.optional(), meta: { ...field.meta, required: false } };
}

export type Columns = Record<string, Field>;

/**
 * A foreign key: each value of `columns` must be a `key` of `file` (or of `also.file`). With
 * `match: 'parent'` it is the code's parent division that must exist (a village's town).
 */
export type Reference = {
  columns: string;
  file: string;
  key: string;
  also?: { file: string; key: string };
  match?: 'parent';
};

export type Table<C extends Columns = Columns> = {
  file: string;
  title: Bilingual;
  description: Bilingual;
  columns: C;
  primaryKey: readonly (keyof C & string)[];
  references: readonly Reference[];
  /** Rules between files that a reference cannot say, as validate.ts applies them, for the data dictionary. */
  checks?: readonly Bilingual[];
  schema: z.ZodObject<{ [K in keyof C]: C[K]['schema'] }>;
};

/**
 * What code that handles every table alike (reader, validator, package descriptor) needs of one.
 * Its schema is loosely typed because zod object types of different shapes are not assignable.
 */
export type AnyTable = Omit<Table, 'schema' | 'primaryKey'> & { schema: z.ZodTypeAny; primaryKey: readonly string[] };

export function defineTable<C extends Columns>(table: Omit<Table<C>, 'schema'>): Table<C> {
  const shape = Object.fromEntries(Object.entries(table.columns).map(([key, field]) => [key, field.schema]));
  return { ...table, schema: z.object(shape) as Table<C>['schema'] };
}
