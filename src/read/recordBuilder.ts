/**
 * Records of one table, all of one shape. A record made by adding its fields one by one under
 * names known only at run time (`record[key] = value`) costs V8 a lookup and a change of hidden
 * class per field, and gives records of the same table different shapes (an empty optional cell
 * left its field out). Made by an object literal that lists every field, a record is allocated
 * whole, and every later step reads fields of one known shape
 * (docs/performance.md, "What made the difference").
 *
 * The literal is written for each table's columns once, with `new Function`: the names come from
 * tables.ts, never from the data, and are written as JSON strings. That is for Node (the command
 * line and the build); a page cannot (the site's Content-Security-Policy forbids eval), so the
 * checker page asks for `plainRecordBuilder`, which sets every field, in the same order, one by one.
 */
export type RecordBuilder = (row: number, values: readonly unknown[]) => Record<string, unknown> & { row: number };

export function makeRecordBuilder(keys: readonly string[]): RecordBuilder {
  const fields = keys.map((key, index) => `${JSON.stringify(key)}: values[${index}]`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: names from tables.ts only
  return new Function('row', 'values', `return { row: row, ${fields.join(', ')} };`) as RecordBuilder;
}

/** The same records without `new Function`: every field set in order, so records still share one shape. */
export function plainRecordBuilder(keys: readonly string[]): RecordBuilder {
  return (row, values) => {
    const record: Record<string, unknown> & { row: number } = { row };
    for (let index = 0; index < keys.length; index += 1) record[keys[index]!] = values[index];
    return record;
  };
}
