/**
 * The plugin in a site that already has pages, such as one made from the official starter: the site's own pages
 * win over the plugin's at one URL, and the plugin's collections stay out of the site's loops over `collections`.
 */
import type { PluginContext } from "./context.js";

/**
 * The collections the plugin adds that a site made before it did not have. They are there by name
 * (`collections.tagList`) but not among the keys a template that iterates `collections` sees (the starter's tag
 * pages and tag list do): a site would otherwise get a "tagList" tag page made of term objects.
 */
const UNLISTED_COLLECTIONS = ["tagList", "categoryList", "listPages", "_ruBlogAttachmentPosts"];

export function registerExistingSite({ config, siteWrites }: PluginContext): void {
  // Eleventy works out every page's URL through the URL transforms, those of templates kept out of collections
  // too (the starter's tag pages and feed). The plugin's own term pages and feeds come after every other template
  // (see context.written), so by then every URL of the site has been seen. Returning nothing keeps the URL.
  config.addUrlTransform?.(({ url }) => {
    siteWrites(url);
    return undefined;
  });

  // `collections` is one object per build, handed to every template before Eleventy fills it; a property that is
  // already there, but not enumerable, stays so when Eleventy assigns the collection to it.
  const prepared = new WeakSet<object>();
  config.addPreprocessor?.("ru-blog-unlisted-collections", "*", (data: { collections?: object }) => {
    const collections = data.collections;
    if (!collections || prepared.has(collections)) return;
    prepared.add(collections);
    for (const name of UNLISTED_COLLECTIONS) {
      if (Object.prototype.hasOwnProperty.call(collections, name)) continue;
      Object.defineProperty(collections, name, {
        value: undefined,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  });
}
