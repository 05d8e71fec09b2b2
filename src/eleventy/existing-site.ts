/**
 * The plugin in a site that already has pages, such as one made from the official starter: the site's own pages
 * win over the plugin's at one URL, and the plugin's collections stay out of the site's loops over `collections`.
 */
import type { PluginContext } from "./context.js";
import type { CollectionApi, EleventyConfig } from "./types.js";

/**
 * Adds a collection the plugin makes that a site made before it did not have (`tagList`, `categoryList`,
 * `listPages`, its internal ones). It is there by name (`collections.tagList`) but not among the keys a template
 * that iterates `collections` sees (the starter's tag pages and tag list do): a site would otherwise get a "tagList"
 * tag page made of term objects.
 */
export function addUnlistedCollection(
  config: EleventyConfig,
  name: string,
  build: (api: CollectionApi) => unknown,
): void {
  config.addCollection(name, (api) => {
    // Every template's `collections` is one object per build, which Eleventy fills in as each collection is made
    // (Eleventy 3 and 4 alike; a preprocessor sees an earlier object in Eleventy 4). A property already there and
    // not enumerable stays so when Eleventy assigns this collection to it, right after this returns.
    const collections = api.getAll()[0]?.data.collections;
    if (collections && typeof collections === "object" && !Object.prototype.hasOwnProperty.call(collections, name)) {
      Object.defineProperty(collections, name, {
        value: undefined,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    return build(api);
  });
}

export function registerExistingSite({ config, siteWrites }: PluginContext): void {
  // Eleventy works out every page's URL through the URL transforms, those of templates kept out of collections
  // too (the starter's tag pages and feed). The plugin's own term pages and feeds come after every other template
  // (see context.written), so by then every URL of the site has been seen. Returning nothing keeps the URL.
  config.addUrlTransform?.(({ url }) => {
    siteWrites(url);
    return undefined;
  });
}
