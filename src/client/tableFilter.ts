/**
 * Progressive enhancement of data tables: filters (shown only now that they can work) and sorting
 * by any column marked `data-sort`. The table stays a plain, complete table without this script.
 * Cells may carry `data-sort-value` when their text is not what they sort by (money, dates).
 */
import { compareDecimalText } from './compareDecimalText.ts';
import { fill } from '../i18n/fill.ts';
import { foldText } from '../format/foldText.ts';
import { isWithin } from '../model/divisionCode.ts';

function rowsOf(table: HTMLTableElement): HTMLTableRowElement[] {
  return [...(table.tBodies[0]?.rows ?? [])];
}

function setUpFilters(tools: HTMLElement): void {
  const table = document.getElementById(tools.dataset.table ?? '');
  if (!(table instanceof HTMLTableElement)) return;
  const count = document.querySelector<HTMLElement>(`[data-count-for="${CSS.escape(table.id)}"]`);
  const selects = [...tools.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const textBox = tools.querySelector<HTMLInputElement>('input[data-filter-text]');
  const rows = rowsOf(table);
  const texts = new Map(rows.map((row) => [row, foldText(row.textContent ?? '')]));

  const apply = (): void => {
    const wanted = selects
      .map((select) => [select.dataset.filter ?? '', select.value, select.dataset.match === 'prefix'] as const)
      .filter(([, value]) => value !== '');
    const words = foldText(textBox?.value ?? '');
    let shown = 0;
    for (const row of rows) {
      const visible =
        wanted.every(([key, value, prefix]) => (prefix ? isWithin(row.dataset[key] ?? '', value) : row.dataset[key] === value)) &&
        (words === '' || (texts.get(row) ?? '').includes(words));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) {
      count.textContent = fill(tools.dataset.countTemplate ?? '', { shown: String(shown), total: String(rows.length) });
      count.hidden = false;
    }
  };

  for (const select of selects) select.addEventListener('change', apply);
  textBox?.addEventListener('input', apply);
  tools.querySelector('[data-filter-reset]')?.addEventListener('click', () => {
    for (const select of selects) select.value = '';
    if (textBox) textBox.value = '';
    apply();
  });
  tools.hidden = false;
  apply();
}

function sortValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

function setUpSorting(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const body = table.tBodies[0];
  if (!body) return;
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  headers.forEach((header, column) => {
    const kind = header.dataset.sort;
    if (kind !== 'text' && kind !== 'number') return;
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const sorted = rowsOf(table).sort((a, b) => {
        const x = sortValue(a, column);
        const y = sortValue(b, column);
        const order = kind === 'number' ? compareDecimalText(x.replace(/,/g, ''), y.replace(/,/g, '')) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      body.append(...sorted);
    });
  });
}

for (const tools of document.querySelectorAll<HTMLElement>('.table-tools[data-table]')) setUpFilters(tools);
for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) setUpSorting(table);
