/**
 * Characters that are in a text but not seen: C0 and C1 control characters (NUL, ESC, …), DEL and
 * the Unicode bidirectional overrides and isolates, which reorder what a reader sees. A cell holding
 * one is refused (src/read/coerceCell.ts), and wherever such text is shown it is shown with each of
 * them written as a visible escape (`\u0000`), never as itself: raw, ESC can rewrite a terminal and an
 * override can make a value read backwards.
 */

/* eslint-disable no-control-regex -- finding control characters is what these expressions are for */

/** Every invisible character: C0 (with tab and line breaks), DEL, C1, bidi embeddings, overrides and isolates. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same, less tab, line feed and carriage return, which text of several lines may hold. */
const INVISIBLE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The same, less line feed and carriage return: what a whole file may hold between its rows. */
const INVISIBLE_BUT_LINE_ENDS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/* eslint-enable no-control-regex */

const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * Whether a text holds an invisible character. `lines`: tab and line breaks are not counted (text of
 * several lines); `file`: line breaks are not counted (a whole file, whose rows they separate).
 */
export function hasControlCharacter(text: string, allow: 'none' | 'lines' | 'file' = 'none'): boolean {
  return (allow === 'lines' ? INVISIBLE_IN_LINES : allow === 'file' ? INVISIBLE_BUT_LINE_ENDS : ANY_INVISIBLE).test(text);
}

/** `\u0000`, `\u001b`, `\u202e`: the character's code as a JavaScript or JSON escape writes it. */
const escapeOf = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every invisible character written as a visible escape: `a\u0000b`. */
export function showControlCharacters(text: string): string {
  return text.replace(INVISIBLE, escapeOf);
}

/** The distinct invisible characters of a text, as escapes, in order of first appearance: `\u0000、\u001b`. */
export function listControlCharacters(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])].map(escapeOf);
}
