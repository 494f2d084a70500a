/**
 * This build's addresses, for pages and the files routes publish: astro.config.mjs's `site` and
 * `base` (from region.json, SITE_URL, BASE_PATH). A root-relative path becomes absolute under the
 * base, so a canonical link, a citation, an image's address or a feed entry works where the site lives.
 * And the languages it publishes: zh-CN always, English unless region.json leaves it out.
 */
import { absoluteUrl, siteRoot } from '../model/basePath.ts';
import { PREVIEW_URL } from '../model/regionConfig.ts';
import type { Locale } from '../i18n/locale.ts';
import { readDeploySettings } from '../load/siteSettings.ts';

const deploy = readDeploySettings();

/**
 * The base path, `/` or `/xczx/sub/`: read as astro.config.mjs reads it, not from import.meta.env.BASE_URL,
 * which on the server side a BASE_URL in the environment (vitest sets one) would replace.
 */
export const BASE_PATH = deploy.base;

/** The site's root address with its base path, from Astro's `site` (`Astro.site`, or an endpoint's `site`). */
export const rootOf = (site: URL | undefined): URL => siteRoot(site ?? PREVIEW_URL, BASE_PATH);

/** A root-relative path as an absolute address on this site. */
export const pageUrl = (path: string, site: URL | undefined): string => absoluteUrl(path, rootOf(site));

/** The languages this build publishes, zh-CN first (region.json `languages`, as astro.config.mjs reads it). */
export const SITE_LANGUAGES: readonly Locale[] = deploy.languages;

/** Whether the site has pages in this language: without English there is no /en/, no switch and no hreflang to it. */
export const publishes = (locale: Locale): boolean => SITE_LANGUAGES.includes(locale);
