/** The collections the contract names: `posts`, `tagList`, `categoryList`, all from the one site model. */
import { eleventyTagNames, itemsByTag } from "../site/tag-collections.js";
import type { PluginContext } from "./context.js";
import { addUnlistedCollection } from "./existing-site.js";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./types.js";

export function registerCollections({ config, site }: PluginContext): void {
  config.addCollection("posts", (api) => site(api).posts);
  addUnlistedCollection(config, "tagList", (api) => site(api).tags);
  addUnlistedCollection(config, "categoryList", (api) => site(api).categories);
}

const tagCollectionsOfConfig = new WeakMap<EleventyConfig, (data: Record<string, unknown>) => void>();

/**
 * Eleventy's own `collections.<tag>` of the posts' tags (`tagCollections`), all made in one pass over the pages
 * instead of one sort of every page per tag (see tag-collections.ts). Each tag a post puts in Eleventy's
 * collections is registered, as the post's front matter is read, as a config collection of that name: Eleventy
 * then asks the plugin for it where it would have filtered the pages itself, and still processes a template that
 * paginates over it (or imports it) after the posts. The lists are Eleventy's: the same items in the same order,
 * pages that are not posts included. Returns what the front matter calls with each post's data.
 */
export function tagCollectionsOf(config: EleventyConfig): (data: Record<string, unknown>) => void {
  const known = tagCollectionsOfConfig.get(config);
  if (known) return known;
  const registered = config.getCollections?.();
  // The lists of one build: remade when pages were added since (Eleventy 3.0 asks for some before every page is in).
  const lists = new WeakMap<CollectionApi, { pages: number; byTag: Map<string, CollectionItem[]> }>();
  const listOf = (api: CollectionApi, tag: string): CollectionItem[] => {
    const pages = api.getAll().length;
    let built = lists.get(api);
    if (built?.pages !== pages) {
      built = { pages, byTag: itemsByTag(api.getAllSorted()) };
      lists.set(api, built);
    }
    return [...(built.byTag.get(tag) ?? [])];
  };
  const register = (data: Record<string, unknown>): void => {
    if (!registered) return;
    for (const tag of eleventyTagNames(data)) {
      // A collection of that name already (the site's own, the plugin's, or this tag's from another post) wins, as
      // a config collection wins over a tag in Eleventy.
      if (Object.prototype.hasOwnProperty.call(registered, tag)) continue;
      // `[name]` is Eleventy's own notation for its build stages (`[keys]`): such a tag stays Eleventy's to handle.
      if (tag.startsWith("[") && tag.endsWith("]")) continue;
      // Defined, not assigned: a tag named `__proto__` is a collection too, not the registry's prototype.
      Object.defineProperty(registered, tag, {
        value: (api: CollectionApi) => listOf(api, tag),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  };
  tagCollectionsOfConfig.set(config, register);
  return register;
}
