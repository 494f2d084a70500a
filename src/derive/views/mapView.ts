/** What the progress map page shows: the map payload in the page's language. */
import type { Site } from '../buildSite.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { MapPayload } from '../map/buildMapPayload.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';

export type MapView = { frame: PageFrame; illustrative: boolean; map: MapPayload };

export function buildMapView(site: Site, locale: Locale): MapView {
  return { frame: buildPageFrame(site), illustrative: site.illustrative(site.region.code), map: site.mapPayload(locale) };
}
