/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula (OWASP CSV injection).
 * Published CSVs write such a text cell with a leading apostrophe, the spreadsheet's own text marker;
 * reading a CSV takes that one apostrophe off again, so a published file put back in data/ reads as
 * the data it was made from.
 */
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Whether a written cell carries the apostrophe defuseFormula adds (it is then quoted too). */
export const isDefused = (text: string): boolean => DEFUSED.test(text);

/**
 * A text cell as it is written so that no spreadsheet runs it: `=SUM(1)` → `'=SUM(1)`, and `'=1`
 * typed by staff → `''=1`, so it shows as typed. In a column not known to hold text, a plain number
 * such as `-5` stays a number.
 */
export function defuseFormula(text: string, type?: 'number' | 'text'): string {
  if (type !== 'text' && PLAIN_NUMBER.test(text)) return text;
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text;
}

/** The cell defuseFormula was given: one leading apostrophe fewer, where it added one. */
export const restoreFormula = (text: string): string => (DEFUSED.test(text) ? text.slice(1) : text);
