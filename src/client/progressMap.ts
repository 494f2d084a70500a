/**
 * The interactive progress map (Leaflet), mounted over the static SVG map that ProgressMap.astro
 * renders as its no-JavaScript fallback. Villages are coloured by the metric the reader picks (stage at
 * the chosen month, funds band, main sector) and sized by funds; the village list under the map
 * follows the filters a page at a time (villageList.ts), and a live region says how many are shown.
 *
 * Two ways of drawing, chosen by how many villages the filters leave: up to DOM_MARKER_LIMIT (a
 * county, a town) each village is a focusable Leaflet marker; above it (a city, a province) all of
 * them are drawn on one canvas (villageCanvas.ts), and a focusable marker per city, county or town
 * under the place chosen says how many villages it holds and drills down to it when chosen — so the
 * reader goes province → city → county → town by click, keyboard or the filters alike.
 *
 * Everything from the data reaches the page as text nodes (textContent, setAttribute): a village
 * called `<img src=x onerror=alert(1)>` is shown as those characters and runs nothing. The only HTML
 * strings handed to Leaflet are attributions, built here from fixed text and escaped.
 *
 * Imports from src/derive are of pure code only, so none of the build-time code ships to the browser.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { fill } from '../i18n/fill.ts';
import type { ProgressMapLabels } from '../charts/mapLabels.ts';
import { codeOf, decodeVillages, fillDetails, NONE, villageAt, type ClientMapPayload as MapPayload, type VillageDetails } from '../derive/map/clientPayload.ts';
import { SECTOR_KEYS, STAGE_KEYS, type Sector } from '../model/vocabulary.ts';
import { spreadInPixels } from '../derive/map/sunflower.ts';
import { isWithin, LEVEL_LENGTHS } from '../model/divisionCode.ts';
import { withBase } from '../model/basePath.ts';
import { placePath } from '../derive/placePath.ts';
import { villageDisplayName } from '../format/villageDisplayName.ts';
import { VillageCanvas } from './villageCanvas.ts';
import { mountVillageList } from './villageList.ts';

/** Where the map opens when it has nothing of the region to fit (latitude, longitude). */
const CHINA_VIEW: { centre: [number, number]; zoom: number } = { centre: [35.9, 104.2], zoom: 4 };

/**
 * Up to this many villages shown, each is its own focusable marker; above it they are drawn on a
 * canvas with a marker per division. 500 markers appear in some 80 ms; 10,000 took 1.5 s.
 */
export const DOM_MARKER_LIMIT = 500;

/** The smallest side of anything the reader taps or clicks (WCAG 2.5.8): the marker's box, not its dot. */
const TARGET_PX = 24;

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

/**
 * Marker diameter in pixels for a village of `fundsScale` ninths: area grows with funds, from 10 px
 * (none) to 24 px (the most) when zoomed in; smaller when the whole region fits a phone screen, so
 * towns' clusters stay apart.
 */
const markerSize = (fundsScale: number, zoom: number): number => Math.round((10 + (fundsScale / 9) * 14) * (zoom >= 10 ? 1 : zoom >= 9 ? 0.8 : 0.6));

/** A dot's radius on the canvas: thousands share the screen, so smaller than a marker until zoomed in. */
const dotRadius = (fundsScale: number, zoom: number): number => (markerSize(fundsScale, zoom) / 2) * (zoom >= 10 ? 1 : zoom >= 8 ? 0.6 : 0.4);

/**
 * A point in Leaflet's pixels at zoom 0 (its default Web Mercator, EPSG:3857: at zoom z, 256 × 2^z
 * pixels around the world), computed here rather than by `map.project` for each of 15,000 villages.
 */
const worldPixel = (lon: number, lat: number): [number, number] => {
  const sin = Math.sin((Math.max(Math.min(lat, 85.0511287798), -85.0511287798) * Math.PI) / 180);
  return [256 * (0.5 + lon / 360), 256 * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))];
};

/** Runs `then` after the browser has drawn the next frame: the canvas is seen before what waits. */
const afterNextFrame = (then: () => void): void => {
  requestAnimationFrame(() => setTimeout(then, 0));
};

/** The division levels the filters drill through, and the length of their codes. */
const LEVELS = (['city', 'county', 'town'] as const).map((name) => ({ name, digits: LEVEL_LENGTHS[name] }));

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
  const { locale } = payload;
  const abort = new AbortController();
  const listen = <E extends Event>(target: EventTarget, type: string, handler: (event: E) => void) =>
    target.addEventListener(type, handler as EventListener, { signal: abort.signal });

  const villages = decodeVillages(payload);
  // A large region's names and popup details come apart from the page (clientPayload.ts), fetched the
  // first time the reader reaches for the map or the list; what needs them waits for them.
  let details: Promise<void> | undefined = payload.details === null ? undefined : Promise.resolve();
  let detailsReady = payload.details !== null;
  const detailsHref = root.querySelector<HTMLAnchorElement>('a[data-map-details]')?.href;
  const loadDetails = (): Promise<void> => {
    details ??=
      detailsHref === undefined
        ? Promise.resolve()
        : fetch(detailsHref)
            .then((response) => (response.ok ? (response.json() as Promise<VillageDetails>) : Promise.reject(new Error(`${response.status} ${detailsHref}`))))
            .then((fetched) => {
              fillDetails(villages, fetched);
              detailsReady = true;
            });
    return details;
  };
  /** Runs `then` now when the details are here, else once they are. */
  const withDetails = (then: () => void): void => {
    if (detailsReady) then();
    else void loadDetails().then(then, () => undefined);
  };
  const stageLabel = new Map(payload.legends.stage.map((entry) => [entry.key, entry.label ?? labels.noStage]));
  // Places' names as the filters write them (a province's thousand town names travel once, there).
  const namesIn = (name: string): [string, string][] =>
    [...((form.elements.namedItem(name) as HTMLSelectElement | null)?.options ?? [])]
      .filter((option) => option.value !== '')
      .map((option) => [option.value, (option.textContent ?? '').trim()]);
  const townName = new Map(namesIn('town'));
  const placeName = new Map([
    ...payload.areas.map((area): [string, string] => [area.code, locale === 'en' ? `${area.nameEn} ${area.name}` : area.name]),
    ...namesIn('city'),
    ...namesIn('county'),
    ...townName,
  ]);
  // Village links as the page wrote them (under the site's base path, inside an edition): the first
  // listed village's link, with another code in its place.
  const firstLink = list.querySelector<HTMLAnchorElement>('li[data-code] a');
  const firstCode = firstLink?.closest<HTMLElement>('li[data-code]')?.dataset.code;
  const firstHref = firstLink?.getAttribute('href');
  const hrefOf = (code: string): string =>
    firstHref != null && firstCode !== undefined && firstHref.includes(firstCode)
      ? firstHref.replace(firstCode, code)
      : withBase(`${locale === 'en' ? '/en' : ''}${placePath(code)}`, import.meta.env.BASE_URL.replace(/\/?$/, '/'));
  const fallbackList = root.querySelector<HTMLElement>('[data-list-fallback]');

  // The static map stays in the page until now: it is what readers without JavaScript see.
  const fallback = [...canvas.childNodes];
  canvas.replaceChildren();
  canvas.classList.add('progress-map-live');

  const map = L.map(canvas, { zoomControl: false, attributionControl: false, keyboard: true, zoomSnap: 0.25, minZoom: 4, maxZoom: 16 });
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
  const latLngOf = (index: number): L.LatLng => L.latLng(villages.lat[index]!, villages.lon[index]!);
  if (bounds === undefined && villages.count > 0) {
    // Corners by hand: extending a LatLngBounds 15,000 times cost more than drawing the villages.
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < villages.count; i += 1) {
      west = Math.min(west, villages.lon[i]!);
      east = Math.max(east, villages.lon[i]!);
      south = Math.min(south, villages.lat[i]!);
      north = Math.max(north, villages.lat[i]!);
    }
    bounds = L.latLngBounds([south, west], [north, east]);
  }
  // A region with neither an outline nor a located village: the whole country, not any one region.
  const fitAll = () => (bounds === undefined ? map.setView(CHINA_VIEW.centre, CHINA_VIEW.zoom) : map.fitBounds(bounds, { padding: [12, 12] }));
  fitAll();

  // Each village's drawn point in Leaflet's pixels at zoom 0: at zoom z a point is this times 2^z.
  const worldX = new Float64Array(villages.count);
  const worldY = new Float64Array(villages.count);
  for (let i = 0; i < villages.count; i += 1) [worldX[i], worldY[i]] = worldPixel(villages.lon[i]!, villages.lat[i]!);

  const stageSelect = form.elements.namedItem('stage') as HTMLSelectElement | null;
  const metricSelect = form.elements.namedItem('metric') as HTMLSelectElement | null;
  const monthInput = form.elements.namedItem('month') as HTMLInputElement | null;
  const monthOutput = form.querySelector('output');
  let monthIndex = payload.months.length - 1;
  const wantedMetric = (): Metric => (metricSelect?.value as Metric | undefined) ?? 'stage';
  // The funds and sector colourings read the details: until they are here, the map shows stages.
  let metric: Metric = detailsReady ? wantedMetric() : 'stage';

  /** The village's stage in the month shown: index into STAGE_KEYS, or NONE. */
  const stageAt = (index: number): number =>
    monthIndex === payload.months.length - 1 ? villages.latestStage[index]! : (villages.stageByMonth[monthIndex]?.[index] ?? NONE);

  // Class names looked up by index, not built: the canvas asks for 15,000 of them each time it draws.
  const classOf = (legend: readonly { key: string; className: string }[], keys: readonly string[], fallback: string) => {
    const byKey = new Map(legend.map((entry) => [entry.key, entry.className]));
    const classes = keys.map((key) => byKey.get(key) ?? fallback);
    const none = byKey.get('none') ?? fallback;
    return (index: number): string => (index === NONE ? none : (classes[index] ?? fallback));
  };
  const stageClass = classOf(payload.legends.stage, STAGE_KEYS, 'stage-none');
  const sectorClass = classOf(payload.legends.sector, SECTOR_KEYS, 'sector-none');
  /** The village's category under the metric: its stage, funds band or main sector as an index, or NONE. */
  const categoryOf = (index: number): number =>
    metric === 'funds' ? villages.fundsBin[index]! : metric === 'sector' ? villages.mainSector[index]! : stageAt(index);
  const classOfCategory = (category: number): string => {
    if (metric === 'funds') return payload.legends.funds[category]?.className ?? 'funds-0';
    if (metric === 'sector') return sectorClass(category);
    return stageClass(category);
  };
  const categoryClass = (index: number): string => classOfCategory(categoryOf(index));
  const colourOf = new Map([...payload.legends.stage, ...payload.legends.sector, ...payload.legends.funds].map((entry) => [entry.className, entry.color]));

  const monthLabel = () => payload.months[monthIndex]?.label ?? '';

  const buildPopup = (index: number): HTMLElement => {
    const village = villageAt(villages, index);
    const popup = element('div', 'map-popup');
    popup.tabIndex = -1;
    popup.append(element('p', 'map-popup-title', locale === 'en' ? village.nameEn : village.name));
    if (locale === 'en' && village.nameEn !== village.name) popup.append(element('p', 'map-popup-subtitle', village.name));
    const fields = element('dl');
    const field = (name: string, value: string) => fields.append(element('dt', undefined, name), element('dd', undefined, value));
    field(labels.popupTown, townName.get(village.townCode) ?? '');
    field(labels.popupFunds, village.fundsText);
    field(labels.popupProjects, String(village.projects));
    const stage = STAGE_KEYS[stageAt(index)];
    field(fill(labels.popupStage, { month: monthLabel() }), stage === undefined ? labels.noStage : (stageLabel.get(stage) ?? stage));
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
    link.href = hrefOf(village.code);
    popup.append(link);
    listen<KeyboardEvent>(popup, 'keydown', (event) => {
      if (event.key === 'Escape') map.closePopup();
    });
    return popup;
  };

  // ---------- What the filters leave ----------
  const shown = new Uint8Array(villages.count);
  let shownList: number[] = [];
  let domMode = true;
  let selected: number | undefined;
  let returnFocusTo: HTMLElement | null = null;

  // ---------- One marker per village (few villages) ----------
  type Entry = { marker: L.Marker; dot: HTMLElement; category: string; size: number };
  const entries = new Map<number, Entry>();
  const markers = L.layerGroup().addTo(map);
  const seatLayer = L.layerGroup().addTo(map);
  const iconOf = (dot: HTMLElement, size: number) => {
    const box = Math.max(size, TARGET_PX);
    dot.style.width = `${size}px`;
    dot.style.height = `${size}px`;
    return L.divIcon({ html: dot, className: 'village-marker-icon', iconSize: [box, box] });
  };
  const entryOf = (index: number): Entry => {
    const found = entries.get(index);
    if (found !== undefined) return found;
    const village = villageAt(villages, index);
    const name = villageDisplayName(village, locale);
    const dot = element('span', `village-marker${village.approximate ? ' approximate' : ''}`);
    dot.setAttribute('data-code', village.code);
    dot.append(element('span', 'map-visually-hidden', name));
    const size = markerSize(villages.fundsScale[index]!, map.getZoom());
    const marker = L.marker(latLngOf(index), { icon: iconOf(dot, size), keyboard: true, title: name, alt: name, riseOnHover: true });
    marker.bindPopup(() => buildPopup(index), { maxWidth: 300, autoPanPadding: [16, 16] });
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      if (event.originalEvent.key === ' ') {
        event.originalEvent.preventDefault();
        marker.openPopup();
      }
    });
    marker.on('popupopen', () => {
      if (returnFocusTo === null) returnFocusTo = marker.getElement() ?? null;
      select(index);
    });
    const entry: Entry = { marker, dot, category: '', size };
    entries.set(index, entry);
    return entry;
  };

  // Villages stored at one point — spread around a seat, or surveyed villages the source puts on one
  // point (as the static map, layOutMap.ts) —: at low zoom a seat's geographic spread is a few pixels,
  // and a shared point none, so the markers would pile up; they are spread further, in pixels, each
  // keeping a box a finger can tap.
  const groups: number[][] = Array.from({ length: villages.groupLon.length }, () => []);
  for (let i = 0; i < villages.count; i += 1) if (villages.group[i]! >= 0) groups[villages.group[i]!]!.push(i);

  const placeMarkers = () => {
    const zoom = map.getZoom();
    for (const [index, entry] of entries) {
      if (!markers.hasLayer(entry.marker)) continue;
      const size = markerSize(villages.fundsScale[index]!, zoom);
      if (entry.size === size) continue;
      entry.size = size;
      entry.dot.classList.toggle('small', size < 12);
      // Leaflet reuses the icon's element, so a focused marker keeps focus.
      entry.marker.setIcon(iconOf(entry.dot, size));
    }
    const done = new Set<number>();
    for (const [index, entry] of entries) {
      const groupIndex = villages.group[index]!;
      if (groupIndex === -1 || done.has(groupIndex) || !markers.hasLayer(entry.marker)) continue;
      done.add(groupIndex);
      const group = groups[groupIndex]!;
      if (group.length < 2) continue;
      const centre = map.project([villages.groupLat[groupIndex]!, villages.groupLon[groupIndex]!], zoom);
      const geographic = Math.max(...group.map((i) => centre.distanceTo(map.project(latLngOf(i), zoom))));
      const offsets = spreadInPixels(
        group.map((i) => Math.max(entries.get(i)?.size ?? markerSize(villages.fundsScale[i]!, zoom), TARGET_PX) / 2 + 1),
        geographic,
      );
      group.forEach((i, k) => {
        const [dx, dy] = offsets[k]!;
        entries.get(i)?.marker.setLatLng(map.unproject(centre.add([dx, dy]), zoom));
      });
    }
  };

  // ---------- Many villages: one canvas, and a marker per division ----------
  const paint = (context: CanvasRenderingContext2D, topLeft: L.Point, size: L.Point) => {
    const zoom = map.getZoom();
    const scale = 2 ** zoom;
    const origin = map.getPixelOrigin();
    const dx = -origin.x - topLeft.x;
    const dy = -origin.y - topLeft.y;
    // One path per category and kind (at category × 2, + 1 for those placed at a seat): a few fills
    // for thousands of dots, gathered by number rather than by class name.
    const batches: number[][] = [];
    const radius = Array.from({ length: 10 }, (_, ninths) => dotRadius(ninths, zoom));
    for (const i of shownList) {
      const x = worldX[i]! * scale + dx;
      const y = worldY[i]! * scale + dy;
      const r = radius[villages.fundsScale[i]!]!;
      if (x < -r || y < -r || x > size.x + r || y > size.y + r) continue;
      (batches[categoryOf(i) * 2 + (villages.precision[i] === 0 ? 0 : 1)] ??= []).push(x, y, r);
    }
    // Surveyed villages first, those placed at a seat over them.
    const order = [...batches.keys()].filter((key) => batches[key] !== undefined).sort((a, b) => (a % 2) - (b % 2) || a - b);
    for (const key of order) {
      const points = batches[key]!;
      const approximate = key % 2 === 1;
      const colour = colourOf.get(classOfCategory(key >> 1)) ?? '#6b7280';
      context.beginPath();
      for (let k = 0; k < points.length; k += 3) {
        context.moveTo(points[k]! + points[k + 2]!, points[k + 1]!);
        context.arc(points[k]!, points[k + 1]!, points[k + 2]!, 0, 2 * Math.PI);
      }
      // As the markers: surveyed villages filled, those placed at a seat a ring of their colour.
      context.fillStyle = approximate ? '#ffffff' : colour;
      context.fill();
      context.strokeStyle = approximate ? colour : '#1f2937';
      context.lineWidth = approximate ? 1.5 : 0.5;
      context.stroke();
    }
    if (selected !== undefined && shown[selected] === 1) {
      context.beginPath();
      context.arc(worldX[selected]! * scale + dx, worldY[selected]! * scale + dy, dotRadius(villages.fundsScale[selected]!, zoom) + 3, 0, 2 * Math.PI);
      context.strokeStyle = '#111827';
      context.lineWidth = 2;
      context.stroke();
    }
  };
  const villageUnder = (layerPoint: L.Point): number | undefined => {
    const zoom = map.getZoom();
    const scale = 2 ** zoom;
    const origin = map.getPixelOrigin();
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const i of shownList) {
      const d = Math.hypot(worldX[i]! * scale - origin.x - layerPoint.x, worldY[i]! * scale - origin.y - layerPoint.y);
      if (d <= Math.max(dotRadius(villages.fundsScale[i]!, zoom), TARGET_PX / 2) && d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  };
  const popup = L.popup({ maxWidth: 300, autoPanPadding: [16, 16] });
  const openCanvasPopup = (index: number) => {
    popup.setLatLng(latLngOf(index)).setContent(() => buildPopup(index));
    popup.openOn(map);
    select(index);
  };
  const dots = new VillageCanvas(paint, (layerPoint) => {
    if (domMode) return;
    const index = villageUnder(layerPoint);
    if (index === undefined) return;
    returnFocusTo = canvas;
    withDetails(() => openCanvasPopup(index));
  });

  const filterSelect = (name: string): HTMLSelectElement | null => form.elements.namedItem(name) as HTMLSelectElement | null;
  const filterValue = (name: string): string => filterSelect(name)?.value ?? '';

  // The divisions one level below the place chosen (a province's cities, a city's counties, a
  // county's towns): a marker each, at the middle of its shown villages, naming how many it holds.
  const divisionLayer = L.layerGroup().addTo(map);
  const drillTo = (level: string, code: string) => {
    const chosen = filterSelect(level);
    if (chosen === null) return;
    chosen.value = code;
    form.dispatchEvent(new Event('change', { bubbles: true }));
    canvas.focus({ preventScroll: true });
  };
  const placeDivisions = () => {
    divisionLayer.clearLayers();
    if (domMode) return;
    const level = LEVELS.find(({ name }) => filterSelect(name) !== null && filterValue(name) === '');
    if (level === undefined) return;
    const byDivision = new Map<string, { count: number; x: number; y: number }>();
    // Each town's division at this level, once: 15,000 villages share a thousand towns.
    const townKey = villages.townCodes.map((code) => code.slice(0, level.digits));
    for (const i of shownList) {
      const town = villages.town[i]!;
      const key = town === -1 ? codeOf(villages, i).slice(0, level.digits) : townKey[town]!;
      const found = byDivision.get(key) ?? { count: 0, x: 0, y: 0 };
      found.count += 1;
      found.x += worldX[i]!;
      found.y += worldY[i]!;
      byDivision.set(key, found);
    }
    const largest = Math.max(...[...byDivision.values()].map((d) => d.count));
    for (const [code, { count, x, y }] of byDivision) {
      const name = placeName.get(code) ?? code;
      const title = fill(labels.divisionMarker, { place: name, count: count.toLocaleString(locale) });
      const size = Math.round(TARGET_PX + 20 * Math.sqrt(count / largest));
      const bubble = element('span', 'map-division-marker');
      bubble.append(element('span', 'map-division-count', count.toLocaleString(locale)));
      bubble.setAttribute('aria-hidden', 'true');
      const marker = L.marker(map.unproject([x / count, y / count], 0), {
        icon: L.divIcon({ html: bubble, className: 'map-division-icon', iconSize: [size, size] }),
        keyboard: true,
        title,
        alt: title,
        zIndexOffset: 1000,
      });
      marker.on('click', () => drillTo(level.name, code));
      // A marker without a popup gets no Enter from Leaflet: Enter and Space choose it, as a button.
      marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key !== 'Enter' && event.originalEvent.key !== ' ') return;
        event.originalEvent.preventDefault();
        drillTo(level.name, code);
      });
      marker.addTo(divisionLayer);
      marker.getElement()?.setAttribute('aria-label', title);
      marker.getElement()?.setAttribute('role', 'button');
    }
  };

  // Town seats: a small square under the markers, as on the static map; decoration only. Drawn for
  // the towns of the villages shown as markers (a province's thousand seats would cost as much).
  const placeSeats = () => {
    seatLayer.clearLayers();
    if (!domMode) return;
    const towns = new Set(shownList.map((i) => villages.town[i]!));
    for (const [t, town] of payload.towns.entries()) {
      if (town.seat === null || !towns.has(t)) continue;
      const [lon, lat] = town.seat;
      const seat = L.marker([lat, lon], {
        icon: L.divIcon({ html: element('span', 'map-seat-marker'), className: 'map-seat-icon', iconSize: [8, 8] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -1000,
      }).addTo(seatLayer);
      seat.getElement()?.setAttribute('aria-hidden', 'true');
    }
  };

  const restyle = () => {
    if (domMode) {
      for (const [index, entry] of entries) {
        const next = categoryClass(index);
        if (next === entry.category) continue;
        if (entry.category !== '') entry.dot.classList.remove(entry.category);
        entry.dot.classList.add(next);
        entry.category = next;
      }
    } else dots.redraw();
    for (const group of root.querySelectorAll<HTMLElement>('[data-legend]')) group.hidden = group.dataset.legend !== metric;
    if (monthOutput !== null) monthOutput.textContent = monthLabel();
    if (monthInput !== null) monthInput.setAttribute('aria-valuetext', monthLabel());
    if (selected !== undefined) {
      if (domMode) entries.get(selected)?.marker.getPopup()?.update();
      else if (popup.isOpen()) popup.update();
    }
  };

  const villageList = mountVillageList({
    list,
    pager: root.querySelector<HTMLElement>('[data-list-pager]'),
    range: root.querySelector<HTMLElement>('[data-list-range]'),
    locale,
    labels,
    row: (index) => {
      const code = codeOf(villages, index);
      const townCode = villages.townCodes[villages.town[index]!] ?? '';
      const name = villages.details?.name[index] ?? '';
      const english = villages.details?.nameEn?.[index];
      const nameEn = english === undefined || english === '' ? name : english;
      return { code, townCode, name: villageDisplayName({ name, nameEn }, locale), town: townName.get(townCode) ?? '', href: hrefOf(code) };
    },
    onShow: (index, button) => {
      returnFocusTo = button;
      canvas.scrollIntoView({ block: 'nearest' });
      if (domMode) {
        const entry = entryOf(index);
        map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 11), { animate: false });
        entry.marker.openPopup();
      } else {
        map.setView(latLngOf(index), Math.max(map.getZoom(), 11), { animate: false });
        openCanvasPopup(index);
      }
    },
  });
  if (fallbackList !== null) fallbackList.hidden = true;

  // The filters follow the tree: a city's counties, a county's towns. An option outside the place
  // chosen above it is hidden, and a choice left outside is cleared.
  const narrow = () => {
    let within = '';
    for (const { name } of LEVELS) {
      const chosen = filterSelect(name);
      if (chosen === null) continue;
      for (const option of chosen.options) option.hidden = option.value !== '' && !isWithin(option.value, within);
      if (chosen.value !== '' && !isWithin(chosen.value, within)) chosen.value = '';
      if (chosen.value !== '') within = chosen.value;
    }
    return within;
  };
  let lastPlace: string | undefined;
  let listRendered = false;
  /**
   * `initial`: on opening, a large region keeps the list's first page as written until the reader
   * reaches for it, and places its division markers in the frame after the canvas is drawn.
   */
  const applyFilters = (announce: boolean, initial = false) => {
    const place = narrow();
    const town = filterValue('town');
    // The sectors come with the details: until they are here, the sector filter waits (the change handler).
    const sector = detailsReady ? (filterValue('sector') as Sector | '') : '';
    const stage = stageSelect?.value ?? '';
    // Each test by index, and the place by town: a thousand towns' codes are compared, not 15,000 villages'.
    const inPlace = place === '' ? undefined : Uint8Array.from(villages.townCodes, (code) => (isWithin(code, place) ? 1 : 0));
    const townIndex = town === '' ? -1 : villages.townCodes.indexOf(town);
    const sectorBit = sector === '' ? 0 : 1 << SECTOR_KEYS.indexOf(sector);
    const stageIndex = stage === '' ? undefined : stage === 'none' ? NONE : STAGE_KEYS.indexOf(stage as (typeof STAGE_KEYS)[number]);
    shownList = [];
    for (let i = 0; i < villages.count; i += 1) {
      const t = villages.town[i]!;
      const visible =
        (inPlace === undefined || (t === -1 ? isWithin(codeOf(villages, i), place) : inPlace[t] === 1)) &&
        (town === '' || (townIndex !== -1 && t === townIndex)) &&
        (sectorBit === 0 || (villages.sectors[i]! & sectorBit) !== 0) &&
        (stageIndex === undefined || stageAt(i) === stageIndex);
      shown[i] = visible ? 1 : 0;
      if (visible) shownList.push(i);
    }
    domMode = shownList.length <= DOM_MARKER_LIMIT;
    if (selected !== undefined && shown[selected] === 0) map.closePopup();
    // The view is set first and the canvas drawn once after: each move would redraw it.
    dots.hold(() => {
      if (domMode) {
        if (map.hasLayer(dots)) dots.remove();
        for (const [index, entry] of entries) if (shown[index] === 0) markers.removeLayer(entry.marker);
      } else {
        markers.clearLayers();
        if (!map.hasLayer(dots)) dots.addTo(map);
      }
      if (place !== lastPlace) {
        const first = lastPlace === undefined;
        lastPlace = place;
        const outlined = areaBounds.get(place);
        if (outlined !== undefined) map.fitBounds(outlined, { padding: [12, 12] });
        else if (place === '' || shownList.length === 0) {
          if (!first) fitAll();
        } else map.fitBounds(L.latLngBounds(shownList.map(latLngOf)), { padding: [24, 24], maxZoom: 12 });
      }
    });
    placeSeats();
    if (announce) status.textContent = fill(labels.showing, { count: String(shownList.length) });
    const wanted = shownList;
    const showList = () => {
      if (wanted !== shownList) return;
      if (domMode) {
        for (const index of shownList) {
          const entry = entryOf(index);
          if (!markers.hasLayer(entry.marker)) entry.marker.addTo(markers);
        }
        restyle();
        placeMarkers();
      }
      villageList.show(shownList);
      villageList.reveal(selected);
      listRendered = true;
    };
    if (initial && !domMode) {
      // The canvas is what the reader sees first (and what `progress-map-first-render` measures); the
      // division markers and, when the names are here, the list follow in the next frame. Without the
      // names the list keeps the page's first page until the reader reaches for the map (loadDetails).
      afterNextFrame(() => {
        if (wanted !== shownList) return;
        placeDivisions();
        performance.mark('progress-map-divisions');
        if (detailsReady) showList();
      });
      return;
    }
    placeDivisions();
    // Markers and list rows carry names: they wait for the details.
    withDetails(showList);
  };
  map.on('zoomend', () => {
    if (domMode) placeMarkers();
  });

  function select(index: number | undefined): void {
    if (selected !== undefined) entries.get(selected)?.dot.classList.remove('selected');
    selected = index;
    if (index !== undefined) entries.get(index)?.dot.classList.add('selected');
    villageList.reveal(index);
    if (!domMode) dots.redraw();
  }

  map.on('popupopen', (event: L.PopupEvent) => {
    const container = event.popup.getElement();
    container?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', labels.closePopup);
    (container?.querySelector('.map-popup') as HTMLElement | null)?.focus({ preventScroll: true });
  });
  map.on('popupclose', (event: L.PopupEvent) => {
    select(undefined);
    const active = document.activeElement;
    const focusWasInPopup = active === null || active === document.body || event.popup.getElement()?.contains(active) === true;
    if (focusWasInPopup && returnFocusTo?.isConnected === true) returnFocusTo.focus({ preventScroll: true });
    returnFocusTo = null;
  });

  listen(form, 'submit', (event) => event.preventDefault());
  const applyChoices = (announce: boolean) => {
    metric = wantedMetric();
    restyle();
    applyFilters(announce);
  };
  // The sector filter and the funds and sector colourings read the details (a large region fetches
  // them on first use): a choice of them waits for the details, as a popup does.
  const needsDetails = () => wantedMetric() !== 'stage' || filterValue('sector') !== '';
  listen(form, 'change', () => {
    if (!detailsReady && needsDetails()) withDetails(() => applyChoices(true));
    else applyChoices(true);
  });
  if (monthInput !== null) {
    listen(monthInput, 'input', () => {
      // Each month's stages come with the details (a large region fetches them on first use).
      if (!detailsReady) {
        withDetails(() => monthInput.dispatchEvent(new Event('input')));
        return;
      }
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
    for (const { name } of LEVELS) {
      const chosen = filterSelect(name);
      const option = chosen === null ? undefined : [...chosen.options].find((o) => o.value !== '' && isWithin(asked, o.value));
      if (chosen !== null && option !== undefined) chosen.value = option.value;
    }
  }

  form.hidden = false;
  restyle();
  applyFilters(false, true);
  // Choices the browser kept from an earlier visit (back and forward) that need the details.
  if (!detailsReady && needsDetails()) withDetails(() => applyChoices(false));
  if (!detailsReady) {
    const reachedFor = () =>
      void loadDetails().then(
        () => {
          if (listRendered) return;
          villageList.show(shownList);
          villageList.reveal(selected);
          listRendered = true;
        },
        () => undefined,
      );
    for (const type of ['pointerdown', 'focusin', 'keydown']) listen(root, type, reachedFor);
  }

  return () => {
    abort.abort();
    villageList.destroy();
    map.remove();
    canvas.classList.remove('progress-map-live');
    canvas.removeAttribute('role');
    canvas.removeAttribute('aria-label');
    canvas.replaceChildren(...fallback);
    form.hidden = true;
    if (fallbackList !== null) fallbackList.hidden = false;
    for (const group of root.querySelectorAll<HTMLElement>('[data-legend]')) group.hidden = group.dataset.legend !== 'stage';
    status.textContent = '';
  };
}
