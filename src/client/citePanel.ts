/**
 * The cite panels: the reader's own day as the access date of each citation, and copy buttons, shown
 * only where the clipboard can be written; elsewhere the text stays selectable.
 */
import { accessedText, type CitationStyle } from '../format/citation.ts';

// Swedish writes dates as ISO does (2026-12-06), in the reader's own time zone.
const today = new Intl.DateTimeFormat('sv-SE').format(Date.now());

for (const pre of document.querySelectorAll<HTMLElement>('pre[data-cite-style]')) {
  const style = pre.dataset.citeStyle as CitationStyle;
  const built = pre.dataset.accessed;
  if (built !== undefined && built !== today) pre.textContent = (pre.textContent ?? '').replace(accessedText(style, built), accessedText(style, today));
}

if (navigator.clipboard !== undefined) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
      const label = button.textContent;
      navigator.clipboard.writeText(text).then(
        () => {
          button.textContent = button.dataset.copied ?? label;
          setTimeout(() => (button.textContent = label), 1500);
        },
        () => undefined,
      );
    });
  }
}
