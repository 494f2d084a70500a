/**
 * The interactive progress map (Leaflet), mounted over the static SVG map that ProgressMap.astro
 * renders as its no-JavaScript fallback. Markers are focusable, coloured by the metric the reader
 * picks (stage at the chosen month, funds band, main sector), and sized by funds; the village list
 * beside the map follows the filters, and a live region says how many villages are shown.
 *
 * Everything from the data reaches the page as text nodes (textContent, setAttribute): a village
 * called `<img src=x onerror=alert(1)>` is shown as those characters and runs nothing. The only HTML
 * strings handed to Leaflet are attributions, built here from fixed text and escaped.
 *
 * Imports from src/pipeline are type-only, so none of the build-time code ships to the browser.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { fill } from '../i18n/fill.ts';
import type { ProgressMapLabels } from '../charts/mapLabels.ts';
import type { ClientMapPayload as MapPayload, ClientMapVillage as MapVillage } from '../derive/map/clientPayload.ts';
import type { Sector, Stage } from '../model/vocabulary.ts';
import { spreadInPixels } from '../derive/map/sunflower.ts';
import { isWithin } from '../model/divisionCode.ts';

/** Where the map opens when it has nothing of the region to fit (latitude, longitude). */
const CHINA_VIEW: { centre: [number, number]; zoom: number } = { centre: [35.9, 104.2], zoom: 4 };

export type Metric = 'stage' | 'funds' | 'sector';

/** Reads the JSON the component wrote: `#map-data` (MapPayload) and `#map-labels` (ProgressMapLabels). */
export function readMapData(root: ParentNode): { payload: MapPayload; labels: ProgressMapLabels } | undefined {
  const payload = root.querySelector('#map-data')?.textContent;
  const labels = root.querySelector('#map-labels')?.textContent;
  if (payload == null || labels == null) return undefined;
  return { payload: JSON.parse(payload) as MapPayload, labels: JSON.parse(labels) as ProgressMapLabels };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Leaflet wants attributions as HTML; this one is built from plain text and an address. */
const attributionHtml = ({ text, href }: { text: string; href: string }): string => `<a href="${escapeHtml(href)}" rel="noopener">${escapeHtml(text)}</a>`;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const displayName = (village: MapVillage, locale: MapPayload['locale']): string =>
  locale === 'en' && village.nameEn !== village.name ? `${village.nameEn} ${village.name}` : village.name;

/**
 * Marker diameter in pixels: area grows with funds, from 10 px (none) to 24 px (the most) when
 * zoomed in; smaller when the whole region fits a phone screen, so towns' clusters stay apart.
 */
const markerSize = (village: MapVillage, zoom: number): number => Math.round((10 + village.fundsScale * 14) * (zoom >= 10 ? 1 : zoom >= 9 ? 0.8 : 0.6));

/**
 * Mounts the map in `root` (the ProgressMap component's element) and wires the filters, metric
 * picker, month slider, legend and list. Returns a function that undoes all of it and puts the static
 * map back.
 */
export function mountProgressMap(root: HTMLElement, payload: MapPayload, labels: ProgressMapLabels): () => void {
  const canvas = root.querySelector<HTMLElement>('#progress-map');
  const form = root.querySelector<HTMLFormElement>('form.progress-map-controls');
  const list = root.querySelector<HTMLElement>('#village-list');
  const status = root.querySelector<HTMLElement>('[data-map-status]');
  if (canvas === null || form === null || list === null || status === null) throw new Error('progress map: markup incomplete');
  const { locale, crs } = payload;
  const abort = new AbortController();
  const listen = <E extends Event>(target: EventTarget, type: string, handler: (event: E) => void) =>
    target.addEventListener(type, handler as EventListener, { signal: abort.signal });

  const stageLabel = new Map(payload.legends.stage.map((entry) => [entry.key, entry.label ?? labels.noStage]));
  const townName = new Map(payload.towns.map((town) => [town.code, locale === 'en' ? `${town.nameEn} ${town.name}` : town.name]));
  const hrefOf = new Map(
    [...list.querySelectorAll<HTMLLIElement>('li[data-code]')].map((item) => [item.dataset.code ?? '', item.querySelector('a')?.getAttribute('href') ?? '']),
  );

  // The static map stays in the page until now: it is what readers without JavaScript see.
  const fallback = [...canvas.childNodes];
  canvas.replaceChildren();
  canvas.classList.add('progress-map-live');

  const map = L.map(canvas, { zoomControl: false, attributionControl: false, keyboard: true, zoomSnap: 0.25, minZoom: 5, maxZoom: 16 });
  canvas.setAttribute('aria-label', labels.mapLabel);
  canvas.setAttribute('role', 'region');
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  const attribution = L.control.attribution({ prefix: '<a href="https://leafletjs.com" rel="noopener">Leaflet</a>' }).addTo(map);
  attribution.addAttribution(attributionHtml(payload.attribution));
  if (payload.tiles.attribution !== null) attribution.addAttribution(attributionHtml(payload.tiles.attribution));
  for (const layer of payload.tiles.layers) {
    L.tileLayer(layer.url, { maxZoom: layer.maxZoom, ...(layer.subdomains === '' ? {} : { subdomains: layer.subdomains }) }).addTo(map);
  }

  const hasTiles = payload.tiles.layers.length > 0;
  let bounds: L.LatLngBounds | undefined;
  if (payload.outline !== null) {
    const outline = L.geoJSON(payload.outline, {
      interactive: false,
      style: { className: 'progress-map-outline', color: '#4b5563', weight: 1.5, fillColor: '#ffffff', fillOpacity: hasTiles ? 0.1 : 0.9 },
    }).addTo(map);
    bounds = outline.getBounds();
  }
  // The cities or counties under the region: thin lines, and the frame a filter by one of them fits.
  const areaBounds = new Map<string, L.LatLngBounds>();
  for (const area of payload.areas) {
    if (area.outline === null) continue;
    const layer = L.geoJSON(area.outline, {
      interactive: false,
      style: { className: 'progress-map-area', color: '#9ca3af', weight: area.level === 'city' ? 1.25 : 0.75, fill: false },
    }).addTo(map);
    areaBounds.set(area.code, layer.getBounds());
  }
  const latLngOf = (village: MapVillage): L.LatLngExpression => {
    const [lon, lat] = village.point;
    return [lat, lon];
  };
  if (bounds === undefined && payload.villages.length > 0) bounds = L.latLngBounds(payload.villages.map(latLngOf));
  // A region with neither an outline nor a located village: the whole country, not any one region.
  const fitAll = () => (bounds === undefined ? map.setView(CHINA_VIEW.centre, CHINA_VIEW.zoom) : map.fitBounds(bounds, { padding: [12, 12] }));
  fitAll();

  const stageSelect = form.elements.namedItem('stage') as HTMLSelectElement | null;
  const metricSelect = form.elements.namedItem('metric') as HTMLSelectElement | null;
  const monthInput = form.elements.namedItem('month') as HTMLInputElement | null;
  const monthOutput = form.querySelector('output');
  let monthIndex = payload.months.length - 1;
  let metric: Metric = (metricSelect?.value as Metric | undefined) ?? 'stage';

  const stageAt = (village: MapVillage): Stage | null =>
    monthIndex === payload.months.length - 1 ? village.latestStage : (village.stageByMonth[monthIndex] ?? null);

  const categoryClass = (village: MapVillage): string => {
    if (metric === 'funds') return payload.legends.funds[village.fundsBin]?.className ?? 'funds-0';
    if (metric === 'sector') return `sector-${village.mainSector ?? 'none'}`;
    return `stage-${stageAt(village) ?? 'none'}`;
  };

  const monthLabel = () => payload.months[monthIndex]?.label ?? '';

  const buildPopup = (village: MapVillage): HTMLElement => {
    const popup = element('div', 'map-popup');
    popup.tabIndex = -1;
    popup.append(element('p', 'map-popup-title', locale === 'en' ? village.nameEn : village.name));
    if (locale === 'en' && village.nameEn !== village.name) popup.append(element('p', 'map-popup-subtitle', village.name));
    const fields = element('dl');
    const field = (name: string, value: string) => fields.append(element('dt', undefined, name), element('dd', undefined, value));
    field(labels.popupTown, townName.get(village.townCode) ?? '');
    field(labels.popupFunds, village.fundsText);
    field(labels.popupProjects, String(village.projects));
    const stage = stageAt(village);
    field(fill(labels.popupStage, { month: monthLabel() }), stage === null ? labels.noStage : (stageLabel.get(stage) ?? stage));
    field(labels.popupUnit, village.unit ?? labels.notAvailable);
    field(labels.popupEnterprise, village.enterprise ?? labels.notAvailable);
    popup.append(fields);
    popup.append(
      element(
        'p',
        'map-popup-note',
        village.precision === 'surveyed' ? labels.precisionSurveyed : fill(labels.precisionApproximate, { seat: labels.seats[village.precision] }),
      ),
    );
    if (village.illustrative) popup.append(element('p', 'map-popup-note', labels.illustrative));
    const link = element('a', 'map-popup-link', labels.openVillage);
    link.href = hrefOf.get(village.code) ?? `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${locale === 'en' ? 'en/' : ''}villages/${village.code}/`;
    popup.append(link);
    listen<KeyboardEvent>(popup, 'keydown', (event) => {
      if (event.key === 'Escape') map.closePopup();
    });
    return popup;
  };

  // Town seats: a small square under the markers, as on the static map; decoration only.
  for (const town of payload.towns) {
    if (town.seat === null) continue;
    const [lon, lat] = town.seat[crs];
    const seat = L.marker([lat, lon], {
      icon: L.divIcon({ html: element('span', 'map-seat-marker'), className: 'map-seat-icon', iconSize: [8, 8] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: -1000,
    }).addTo(map);
    seat.getElement()?.setAttribute('aria-hidden', 'true');
  }

  type Entry = { village: MapVillage; marker: L.Marker; dot: HTMLElement; item: HTMLLIElement | null; category: string; size: number };
  const entries = new Map<string, Entry>();
  const markers = L.layerGroup().addTo(map);
  let returnFocusTo: HTMLElement | null = null;

  for (const village of payload.villages) {
    const name = displayName(village, locale);
    const dot = element('span', `village-marker${village.approximate ? ' approximate' : ''}`);
    dot.setAttribute('data-code', village.code);
    dot.append(element('span', 'map-visually-hidden', name));
    const size = markerSize(village, map.getZoom());
    const icon = L.divIcon({ html: dot, className: 'village-marker-icon', iconSize: [size, size] });
    const marker = L.marker(latLngOf(village), { icon, keyboard: true, title: name, alt: name, riseOnHover: true });
    marker.bindPopup(() => buildPopup(village), { maxWidth: 300, autoPanPadding: [16, 16] });
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      if (event.originalEvent.key === ' ') {
        event.originalEvent.preventDefault();
        marker.openPopup();
      }
    });
    marker.on('popupopen', () => {
      if (returnFocusTo === null) returnFocusTo = marker.getElement() ?? null;
      select(village.code);
    });
    marker.addTo(markers);
    const item = list.querySelector<HTMLLIElement>(`li[data-code="${CSS.escape(village.code)}"]`);
    entries.set(village.code, { village, marker, dot, item, category: '', size });
  }

  // Villages spread around a town seat: at low zoom their geographic spread is a few pixels and the
  // markers would pile up, so below the zoom where they fit they are spread further, in pixels.
  const groups = new Map<string, Entry[]>();
  for (const entry of entries.values()) {
    if (!entry.village.approximate) continue;
    const key = entry.village.stored.join(',');
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const resize = () => {
    const zoom = map.getZoom();
    for (const entry of entries.values()) {
      const size = markerSize(entry.village, zoom);
      if (entry.size === size) continue;
      entry.size = size;
      entry.dot.classList.toggle('small', size < 12);
      // Leaflet reuses the icon's element, so a focused marker keeps focus.
      entry.marker.setIcon(L.divIcon({ html: entry.dot, className: 'village-marker-icon', iconSize: [size, size] }));
    }
  };
  const respread = () => {
    const zoom = map.getZoom();
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const [lon, lat] = group[0]!.village.stored;
      const centre = map.project([lat, lon], zoom);
      const geographic = Math.max(...group.map((e) => centre.distanceTo(map.project(latLngOf(e.village), zoom))));
      const offsets = spreadInPixels(
        group.map((e) => e.size / 2 + 1),
        geographic,
      );
      group.forEach((entry, i) => {
        const [dx, dy] = offsets[i]!;
        entry.marker.setLatLng(map.unproject(centre.add([dx, dy]), zoom));
      });
    }
  };
  map.on('zoomend', () => {
    resize();
    respread();
  });
  resize();
  respread();

  const restyle = () => {
    for (const entry of entries.values()) {
      const next = categoryClass(entry.village);
      if (next === entry.category) continue;
      if (entry.category !== '') entry.dot.classList.remove(entry.category);
      entry.dot.classList.add(next);
      entry.category = next;
    }
    for (const group of root.querySelectorAll<HTMLElement>('[data-legend]')) group.hidden = group.dataset.legend !== metric;
    if (monthOutput !== null) monthOutput.textContent = monthLabel();
    if (monthInput !== null) monthInput.setAttribute('aria-valuetext', monthLabel());
    if (selected !== undefined) entries.get(selected)?.marker.getPopup()?.update();
  };

  const filterSelect = (name: string): HTMLSelectElement | null => form.elements.namedItem(name) as HTMLSelectElement | null;
  const filterValue = (name: string): string => filterSelect(name)?.value ?? '';
  // The filters follow the tree: a city's counties, a county's towns. An option outside the place
  // chosen above it is hidden, and a choice left outside is cleared.
  const narrow = () => {
    let within = '';
    for (const name of ['city', 'county', 'town']) {
      const select = filterSelect(name);
      if (select === null) continue;
      for (const option of select.options) option.hidden = option.value !== '' && !isWithin(option.value, within);
      if (select.value !== '' && !isWithin(select.value, within)) select.value = '';
      if (select.value !== '') within = select.value;
    }
    return within;
  };
  let lastPlace = '';
  const applyFilters = (announce: boolean) => {
    const place = narrow();
    const town = filterValue('town');
    const sector = filterValue('sector') as Sector | '';
    const stage = stageSelect?.value ?? '';
    let shown = 0;
    const shownBounds: L.LatLngExpression[] = [];
    for (const entry of entries.values()) {
      const v = entry.village;
      const visible =
        (place === '' || isWithin(v.code, place)) &&
        (town === '' || v.townCode === town) &&
        (sector === '' || v.sectors.includes(sector)) &&
        (stage === '' || (stageAt(v) ?? 'none') === stage);
      if (visible) {
        shown += 1;
        shownBounds.push(latLngOf(v));
        if (!markers.hasLayer(entry.marker)) entry.marker.addTo(markers);
      } else {
        if (entry.marker.isPopupOpen()) entry.marker.closePopup();
        markers.removeLayer(entry.marker);
      }
      if (entry.item !== null) entry.item.hidden = !visible;
    }
    if (place !== lastPlace) {
      lastPlace = place;
      const outlined = areaBounds.get(place);
      if (outlined !== undefined) map.fitBounds(outlined, { padding: [12, 12] });
      else if (place === '' || shownBounds.length === 0) fitAll();
      else map.fitBounds(L.latLngBounds(shownBounds), { padding: [24, 24], maxZoom: 12 });
    }
    if (announce) status.textContent = fill(labels.showing, { count: String(shown) });
  };

  let selected: string | undefined;
  function select(code: string): void {
    if (selected !== undefined) {
      const previous = entries.get(selected);
      previous?.dot.classList.remove('selected');
      previous?.item?.classList.remove('selected');
    }
    selected = code;
    const entry = entries.get(code);
    entry?.dot.classList.add('selected');
    entry?.item?.classList.add('selected');
    // Scroll the list's own box, never the page: on a phone the list is below the map.
    const item = entry?.item;
    const box = item?.closest<HTMLElement>('.progress-map-list-wrap');
    if (item != null && box != null && box.scrollHeight > box.clientHeight) {
      const top = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
    }
  }

  map.on('popupopen', (event: L.PopupEvent) => {
    const container = event.popup.getElement();
    container?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', labels.closePopup);
    (container?.querySelector('.map-popup') as HTMLElement | null)?.focus({ preventScroll: true });
  });
  map.on('popupclose', (event: L.PopupEvent) => {
    if (selected !== undefined) {
      entries.get(selected)?.dot.classList.remove('selected');
      entries.get(selected)?.item?.classList.remove('selected');
      selected = undefined;
    }
    const active = document.activeElement;
    const focusWasInPopup = active === null || active === document.body || event.popup.getElement()?.contains(active) === true;
    if (focusWasInPopup && returnFocusTo?.isConnected === true) returnFocusTo.focus({ preventScroll: true });
    returnFocusTo = null;
  });

  // The list: each item's button shows its village on the map and opens the popup.
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-show]')) {
    button.hidden = false;
    listen(button, 'click', () => {
      const entry = entries.get(button.closest<HTMLElement>('li[data-code]')?.dataset.code ?? '');
      if (entry === undefined) return;
      returnFocusTo = button;
      canvas.scrollIntoView({ block: 'nearest' });
      map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 11), { animate: false });
      entry.marker.openPopup();
    });
  }

  listen(form, 'submit', (event) => event.preventDefault());
  listen(form, 'change', (event) => {
    const target = event.target as HTMLElement | null;
    if (target === metricSelect) metric = (metricSelect?.value as Metric | undefined) ?? 'stage';
    restyle();
    applyFilters(true);
  });
  if (monthInput !== null) {
    listen(monthInput, 'input', () => {
      monthIndex = Number(monthInput.value);
      // The slider shows progress through time: what changes month to month is the stage.
      if (metric !== 'stage' && metricSelect !== null) {
        metricSelect.value = 'stage';
        metric = 'stage';
      }
      restyle();
      applyFilters(stageSelect?.value !== '');
    });
  }

  // `/map/?place=<code>` (a county's or town's page links so) opens on that place.
  const asked = new URLSearchParams(window.location.search).get('place') ?? '';
  if (/^\d+$/.test(asked)) {
    for (const name of ['city', 'county', 'town']) {
      const select = filterSelect(name);
      const option = select === null ? undefined : [...select.options].find((o) => o.value !== '' && isWithin(asked, o.value));
      if (select !== null && option !== undefined) select.value = option.value;
    }
  }

  form.hidden = false;
  restyle();
  applyFilters(false);

  return () => {
    abort.abort();
    map.remove();
    canvas.classList.remove('progress-map-live');
    canvas.removeAttribute('role');
    canvas.removeAttribute('aria-label');
    canvas.replaceChildren(...fallback);
    form.hidden = true;
    for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-show]')) button.hidden = true;
    for (const item of list.querySelectorAll<HTMLLIElement>('li[data-code]')) {
      item.hidden = false;
      item.classList.remove('selected');
    }
    for (const group of root.querySelectorAll<HTMLElement>('[data-legend]')) group.hidden = group.dataset.legend !== 'stage';
    status.textContent = '';
  };
}
