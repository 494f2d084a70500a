/** The site's search index, split when large (src/client/searchShards.ts), built once per loaded site. */
import { getSite } from '../load/site.ts';
import { buildSearchIndex } from '../derive/searchIndex.ts';
import { splitSearchIndex, shardName, type SplitIndex } from '../client/searchShards.ts';
import { localizePath } from '../i18n/index.ts';
import { withBase } from '../model/basePath.ts';
import { BASE_PATH } from './siteAddress.ts';

/** A place's page in each language, under the site's base path. */
const address = (path: string) => ({ zh: withBase(localizePath(path, 'zh-CN'), BASE_PATH), en: withBase(localizePath(path, 'en'), BASE_PATH) });

const built = new WeakMap<object, SplitIndex & { byName: Map<string, string> }>();

/** The manifest and each shard by file name (without .json), for /search-index.json and /search-index/<name>.json. */
export function searchShards(): SplitIndex & { byName: Map<string, string> } {
  const site = getSite();
  let split = built.get(site);
  if (split === undefined) {
    const index = splitSearchIndex(buildSearchIndex(site.places, site.tree.places, address));
    const byName = new Map([...index.shards].map(([prefix, entries]) => [shardName(prefix), JSON.stringify(entries)]));
    split = { ...index, byName };
    built.set(site, split);
  }
  return split;
}
