/**
 * The place filters of a topic page's table, following the division tree: a province's cities, then
 * counties, then towns (a county: towns only). Every row carries its town's code in `data-town`; a
 * city or county filter matches the rows whose town lies within it (a prefix of the code).
 */
import { placeText, t, type Locale } from '../i18n/index.ts';
import type { Place } from '../derive/aggregate.ts';

export type TableFilter = {
  key: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** `prefix`: a row matches when its value starts with the chosen one (a town within a county). */
  match?: 'prefix';
};

export function placeFilters(towns: readonly Place[], areas: readonly Place[], locale: Locale): TableFilter[] {
  const text = t(locale);
  const options = (places: readonly Place[]) => places.map((place) => ({ value: place.code, label: placeText(place, locale) }));
  const cities = areas.filter((area) => area.level === 'city');
  const counties = areas.filter((area) => area.level === 'county');
  return [
    ...(cities.length > 1 ? [{ key: 'town', label: text.mapLabelCity, options: options(cities), match: 'prefix' as const }] : []),
    ...(counties.length > 1 ? [{ key: 'town', label: text.mapLabelCounty, options: options(counties), match: 'prefix' as const }] : []),
    ...(towns.length === 0 ? [] : [{ key: 'town', label: text.colTown, options: options(towns) }]),
  ];
}
