/**
 * /editions/<id>/data/map/villages.<locale>.json: as /data/map/ (src/pages/data/map/[file].ts), made
 * from the edition's frozen data for its own map page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEditionSite } from '../../../../../load/site.ts';
import { editionsToRender } from '../../../../../load/editions.ts';
import { LOCALES, type Locale } from '../../../../../i18n/locale.ts';
import { DETAILS_INLINE_MAX, toVillageDetails, villageDetailsPath } from '../../../../../derive/map/clientPayload.ts';

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) =>
    getEditionSite(id).mapPayload('zh-CN').villages.length <= DETAILS_INLINE_MAX
      ? []
      : LOCALES.map((locale) => ({ params: { id, file: villageDetailsPath(locale).split('/').pop()! }, props: { locale } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(JSON.stringify(toVillageDetails(getEditionSite(params.id ?? '').mapPayload((props as { locale: Locale }).locale))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
