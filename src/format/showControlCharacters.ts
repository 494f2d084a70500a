/**
 * Text from the data or the command line as a terminal may safely show it: every control character
 * (C0, DEL, C1) and every bidirectional override made visible as an escape (`\x1b`, `\u202e`), so a
 * cell holding ANSI escapes cannot clear the screen, recolour the report or fake a "passed".
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (character: string): string => {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function showControlCharacters(text: string): string {
  return text.replace(INVISIBLE, escape);
}
