/**
 * The header search: as the reader types, look the words up in /search-index.json (fetched once, on
 * first use; for a large region it names the one shard a query needs, src/client/searchShards.ts) and list links to the places found. Every name is put into the page as text, never as
 * HTML. On the villages list, a query in the address (`?q=`, from the form sent without this script)
 * is searched at once.
 */
import { matchSearch, SEARCH_LIMIT, type SearchEntry } from './matchSearch.ts';
import { shardAddress, shardFor, type SearchManifest } from './searchShards.ts';
import { fill } from '../i18n/fill.ts';

function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = form.querySelector<HTMLElement>('.search-results');
  const list = panel?.querySelector<HTMLUListElement>('ul');
  const message = panel?.querySelector<HTMLElement>('.search-message');
  const status = form.querySelector<HTMLElement>('.search-status');
  if (!input || !panel || !list || !message || !status) return;
  const english = form.dataset.locale === 'en';
  let manifest: Promise<SearchManifest> | undefined;
  const shards = new Map<string, Promise<SearchEntry[]>>();
  let latest = 0;

  // data-index carries the site's base path (src/middleware.ts), the shards' addresses with it, and
  // the index each page's address with it.
  const address = form.dataset.index ?? '/search-index.json';
  const fetchJson = async <T>(url: string): Promise<T> => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`search index: ${response.status}`);
    return (await response.json()) as T;
  };
  const loadManifest = (): Promise<SearchManifest> => {
    manifest ??= fetchJson<SearchManifest>(address).catch((error: unknown) => {
      manifest = undefined;
      throw error;
    });
    return manifest;
  };
  // The places that can answer a query: the whole index, or the one shard its prefix names (searchShards.ts).
  const load = async (query: string): Promise<SearchEntry[]> => {
    const index = await loadManifest();
    if (Array.isArray(index)) return index;
    const prefix = shardFor(index.split, query);
    if (prefix === undefined) return [];
    let shard = shards.get(prefix);
    if (shard === undefined) {
      shard = fetchJson<SearchEntry[]>(shardAddress(address, prefix)).catch((error: unknown) => {
        shards.delete(prefix);
        throw error;
      });
      shards.set(prefix, shard);
    }
    return shard;
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
      const entries = await load(query);
      if (ticket === latest) show(matchSearch(entries, query, SEARCH_LIMIT), query);
    } catch {
      if (ticket !== latest) return;
      list.replaceChildren();
      message.textContent = form.dataset.failed ?? '';
      status.textContent = form.dataset.failed ?? '';
      panel.hidden = false;
    }
  };

  input.addEventListener('input', () => void search());
  input.addEventListener('focus', () => void loadManifest().catch(() => undefined), { once: true });
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
