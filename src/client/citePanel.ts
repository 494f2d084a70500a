/**
 * The cite panels: the reader's own day as the access date of each citation, and a copy button after
 * each, made here only where the clipboard can be written (a page carries none it cannot use);
 * elsewhere the text stays selectable. It imports only the access date's words
 * (src/format/accessedText.ts), so every page that has a panel stays light.
 */
import { accessedTextOn, type CitationStyle, type Day } from '../format/accessedText.ts';

// The reader's day in their own time zone, as numbers (en-CA writes year, month and day as digits).
const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(Date.now());
const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
const today: Day = { year: part('year'), month: part('month'), day: part('day') };

for (const pre of document.querySelectorAll<HTMLElement>('pre[data-cite-style]')) {
  const style = pre.dataset.citeStyle as CitationStyle;
  // The day the page was built, YYYY-MM-DD, as the citation holds it.
  const [year = 0, month = 0, day = 0] = (pre.dataset.accessed ?? '').split('-').map(Number);
  const built = accessedTextOn(style, { year, month, day });
  const now = accessedTextOn(style, today);
  if (built !== now) pre.textContent = (pre.textContent ?? '').replace(built, now);
}

if (navigator.clipboard !== undefined) {
  for (const pre of document.querySelectorAll<HTMLElement>('.cite-panel pre[data-cite-style]')) {
    // The panel names the button's words in the page's language.
    const words = pre.closest<HTMLElement>('.cite-panel')?.dataset ?? {};
    const label = words.copy ?? 'Copy';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = label;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(pre.textContent ?? '').then(
        () => {
          button.textContent = words.copied ?? label;
          setTimeout(() => (button.textContent = label), 1500);
        },
        () => undefined,
      );
    });
    pre.after(button);
  }
}
