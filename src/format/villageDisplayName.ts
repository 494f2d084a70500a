/** A village's name as pages and the map show it; no dependencies, so the map's script carries no more than this. */
import type { Locale } from '../i18n/locale.ts';

/** How a village is named on a page: Chinese on Chinese pages; pinyin then Chinese on English ones. */
export function villageDisplayName(village: { name: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && village.nameEn !== village.name ? `${village.nameEn} ${village.name}` : village.name;
}
