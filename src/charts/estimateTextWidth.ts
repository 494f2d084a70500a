/**
 * Text widths without a browser. Layouts run at build time where nothing can measure text, so they
 * estimate generously: a Chinese character is a full em, other characters a bit over half an em.
 * Over-estimating only wastes a little space; under-estimating would let labels overlap.
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW = /[\s.,:;'!|il1()[\]]/u;

function characterWidth(character: string): number {
  if (WIDE.test(character)) return 1;
  if (NARROW.test(character)) return 0.35;
  return /[A-Z0-9%@#&MWmw]/.test(character) ? 0.68 : 0.58;
}

/** The estimated width in pixels of `text` set at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += characterWidth(character);
  return ems * fontSize;
}

const ELLIPSIS = '…';

/** Splits text into pieces a line may break between: words of Latin text, single Chinese characters. */
function splitBreakable(text: string): string[] {
  return text.match(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]+|\s+/gu) ?? [];
}

/** Cuts text to fit `maxWidth` with an ellipsis. */
function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 0 && estimateTextWidth(characters.join('').trimEnd() + ELLIPSIS, fontSize) > maxWidth) {
    characters.pop();
  }
  return characters.join('').trimEnd() + ELLIPSIS;
}

/**
 * Wraps a label into at most `maxLines` lines of `maxWidth` pixels, breaking between words (or
 * between Chinese characters), and ends with an ellipsis if it still does not fit. The full label
 * always stays available elsewhere (tooltip and data table), so cutting it here loses nothing.
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = splitBreakable(text.trim());
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index]!;
    const candidate = line + piece;
    if (line === '' || estimateTextWidth(candidate.trimEnd(), fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // Last line allowed: keep everything that remains and cut it with an ellipsis below.
      line = line + pieces.slice(index).join('');
      break;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trim());
  return lines.map((each, index) => (index === lines.length - 1 || estimateTextWidth(each, fontSize) > maxWidth ? truncate(each, maxWidth, fontSize) : each));
}
