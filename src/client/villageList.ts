/**
 * The village list under the progress map, a page at a time: a province's 15,000 villages as rows
 * would make the page slow to lay out and a screen reader's list of lists unusable, so the list shows
 * LIST_PAGE_SIZE villages (all of a county's, as a rule) with previous and next buttons, and says
 * which villages of how many it shows in a polite live region. Rows are plain links and buttons in
 * a `<ul>`, so keyboard and screen reader use them as any list.
 */
import { fill } from '../i18n/fill.ts';
import { LIST_PAGE_SIZE } from '../derive/map/mapList.ts';

export type ListLabels = {
  showOnMap: string;
  /** `{from}`, `{to}`, `{count}`. */
  listRange: string;
  /** `{page}`, `{pages}`. */
  pageOf: string;
};

export type ListRow = { code: string; townCode: string; name: string; town: string; href: string };

export type VillageList = {
  /** Shows these villages (indices for `row`), from the first page. */
  show: (indices: readonly number[]) => void;
  /** Turns to the page holding this village, marks it selected and scrolls the list's box to it. */
  reveal: (index: number | undefined) => void;
  destroy: () => void;
};

const formatCount = (n: number, locale: string): string => n.toLocaleString(locale);

/**
 * Takes over the list the page rendered (`list`, its first page without JavaScript) and its pager.
 * `row(i)` describes village i; `onShow(i, button)` is the row's "show on map".
 */
export function mountVillageList(options: {
  list: HTMLElement;
  pager: HTMLElement | null;
  range: HTMLElement | null;
  locale: string;
  labels: ListLabels;
  row: (index: number) => ListRow;
  onShow: (index: number, button: HTMLButtonElement) => void;
}): VillageList {
  const { list, pager, range, labels, row, onShow, locale } = options;
  const previous = pager?.querySelector<HTMLButtonElement>('[data-page="previous"]') ?? null;
  const next = pager?.querySelector<HTMLButtonElement>('[data-page="next"]') ?? null;
  const pageOf = pager?.querySelector<HTMLElement>('[data-page-of]') ?? null;
  let shown: readonly number[] = [];
  let page = 0;
  let selected: number | undefined;
  const abort = new AbortController();

  const item = (index: number): HTMLLIElement => {
    const { code, townCode, name, town, href } = row(index);
    const li = document.createElement('li');
    li.dataset.code = code;
    li.dataset.town = townCode;
    if (index === selected) li.classList.add('selected');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = name;
    const townName = document.createElement('span');
    townName.className = 'village-list-town';
    townName.textContent = town;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.show = '';
    button.textContent = labels.showOnMap;
    const hidden = document.createElement('span');
    hidden.className = 'map-visually-hidden';
    hidden.textContent = name;
    button.append(hidden);
    button.addEventListener('click', () => onShow(index, button), { signal: abort.signal });
    li.append(link, townName, button);
    return li;
  };

  const render = () => {
    const pages = Math.max(1, Math.ceil(shown.length / LIST_PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const from = page * LIST_PAGE_SIZE;
    const slice = shown.slice(from, from + LIST_PAGE_SIZE);
    // A row that had focus keeps it when the list is drawn again (the details arriving, a filter).
    const active = document.activeElement;
    const focused = list.contains(active) ? active?.closest<HTMLElement>('li[data-code]')?.dataset.code : undefined;
    const focusedButton = active?.tagName === 'BUTTON';
    list.replaceChildren(...slice.map(item));
    if (focused !== undefined)
      list.querySelector<HTMLElement>(`li[data-code="${CSS.escape(focused)}"] ${focusedButton ? 'button' : 'a'}`)?.focus({ preventScroll: true });
    if (range !== null) {
      range.hidden = shown.length <= LIST_PAGE_SIZE;
      range.textContent = fill(labels.listRange, {
        from: formatCount(shown.length === 0 ? 0 : from + 1, locale),
        to: formatCount(from + slice.length, locale),
        count: formatCount(shown.length, locale),
      });
    }
    if (pager !== null) {
      pager.hidden = pages <= 1;
      if (pageOf !== null) pageOf.textContent = fill(labels.pageOf, { page: String(page + 1), pages: String(pages) });
      if (previous !== null) previous.disabled = page === 0;
      if (next !== null) next.disabled = page >= pages - 1;
    }
  };

  const turn = (by: number) => {
    page += by;
    render();
  };
  if (previous !== null) previous.addEventListener('click', () => turn(-1), { signal: abort.signal });
  if (next !== null) next.addEventListener('click', () => turn(1), { signal: abort.signal });

  return {
    show: (indices) => {
      shown = indices;
      page = 0;
      render();
    },
    reveal: (index) => {
      selected = index;
      const at = index === undefined ? -1 : shown.indexOf(index);
      if (at >= 0 && Math.floor(at / LIST_PAGE_SIZE) !== page) {
        page = Math.floor(at / LIST_PAGE_SIZE);
        render();
      }
      for (const li of list.querySelectorAll('li.selected')) li.classList.remove('selected');
      if (index === undefined) return;
      const li = list.querySelector<HTMLLIElement>(`li[data-code="${CSS.escape(row(index).code)}"]`);
      if (li === null) return;
      li.classList.add('selected');
      // Scroll the list's own box, never the page: on a phone the list is below the map.
      const box = li.closest<HTMLElement>('.progress-map-list-wrap');
      if (box != null && box.scrollHeight > box.clientHeight) {
        const top = li.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
        if (top < box.scrollTop || top + li.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
      }
    },
    destroy: () => abort.abort(),
  };
}
