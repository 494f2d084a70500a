/**
 * /data/map/villages.<locale>.json: the names, funds as text, projects and pairing of every village
 * on the progress map, for a region too large to inline them in the map page (more than
 * DETAILS_INLINE_MAX villages; src/derive/map/clientPayload.ts). The map fetches it when the reader
 * first uses the map or its list. No file for a smaller region: its map page carries them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../load/site.ts';
import { LOCALES, type Locale } from '../../../i18n/locale.ts';
import { DETAILS_INLINE_MAX, toVillageDetails, villageDetailsPath } from '../../../derive/map/clientPayload.ts';

export const getStaticPaths = (() =>
  getSite().mapPayload('zh-CN').villages.length <= DETAILS_INLINE_MAX
    ? []
    : LOCALES.map((locale) => ({ params: { file: villageDetailsPath(locale).split('/').pop()! }, props: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(toVillageDetails(getSite().mapPayload((props as { locale: Locale }).locale))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
