/**
 * The header search: as the reader types, look the words up in /search-index.json (fetched once, on
 * first use) and list links to the places found. Every name is put into the page as text, never as
 * HTML. On the villages list, a query in the address (`?q=`, from the form sent without this script)
 * is searched at once.
 */
import { matchSearch, type SearchEntry } from './matchSearch.ts';
import { fill } from '../i18n/fill.ts';

const LIMIT = 8;

function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form.querySelector<HTMLElement>('.search-results');
  const list = panel?.querySelector<HTMLUListElement>('ul');
  const message = panel?.querySelector<HTMLElement>('.search-message');
  const status = form.querySelector<HTMLElement>('.search-status');
  if (!input || !panel || !list || !message || !status) return;
  const english = form.dataset.locale === 'en';
  let index: Promise<SearchEntry[]> | undefined;
  let latest = 0;

  // data-index carries the site's base path (src/middleware.ts), and the index each page's address with it.
  const load = (): Promise<SearchEntry[]> => {
    index ??= fetch(form.dataset.index ?? '/search-index.json').then((response) => {
      if (!response.ok) throw new Error(`search index: ${response.status}`);
      return response.json() as Promise<SearchEntry[]>;
    });
    return index;
  };

  const close = (): void => {
    panel.hidden = true;
  };

  const show = (entries: SearchEntry[], query: string): void => {
    list.replaceChildren(
      ...entries.map((entry) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = english ? entry.h : entry.u;
        const name = document.createElement('span');
        name.className = 'search-name';
        name.textContent = english ? entry.e : entry.n;
        link.append(name);
        if (english) {
          const chinese = document.createElement('span');
          chinese.lang = 'zh-CN';
          chinese.textContent = ` ${entry.n}`;
          link.append(chinese);
        }
        const detail = document.createElement('span');
        detail.className = 'search-detail';
        const parent = english ? entry.te : entry.t;
        detail.textContent = parent === '' ? entry.c : `${parent} · ${entry.c}`;
        link.append(detail);
        item.append(link);
        return item;
      }),
    );
    const summary = entries.length === 0 ? fill(form.dataset.noResults ?? '', { query }) : fill(form.dataset.count ?? '', { count: String(entries.length) });
    message.textContent = entries.length === 0 ? summary : '';
    status.textContent = summary;
    panel.hidden = false;
  };

  const search = async (): Promise<void> => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') {
      close();
      status.textContent = '';
      return;
    }
    try {
      const entries = await load();
      if (ticket === latest) show(matchSearch(entries, query, LIMIT), query);
    } catch {
      index = undefined;
      if (ticket !== latest) return;
      list.replaceChildren();
      message.textContent = form.dataset.failed ?? '';
      status.textContent = form.dataset.failed ?? '';
      panel.hidden = false;
    }
  };

  input.addEventListener('input', () => void search());
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('submit', (event) => {
    // With results showing, Enter opens the best one; otherwise the form goes to the villages list.
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (!panel.hidden && first) {
      event.preventDefault();
      window.location.assign(first.href);
    }
  });
  form.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' && links.length > 0 && !panel.hidden) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else links[at - 1]?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });

  const query = new URLSearchParams(window.location.search).get('q');
  if (query !== null && query.trim() !== '' && /\/villages\/$/.test(window.location.pathname)) {
    input.value = query;
    void search();
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.site-search')) setUp(form);
