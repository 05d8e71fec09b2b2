/** The sitemap (`sitemap` option): every listed page and term page, from the site model, written by the plugin. */
import { sitemapPages, sitemapXml } from "../output/sitemap.js";
import type { PluginContext } from "./context.js";
import { addUnlistedCollection } from "./existing-site.js";
import type { CollectionItem } from "./types.js";

export function registerSitemap({ config, options, currentSite, pluginFiles }: PluginContext): void {
  const { sitemap, siteUrl } = options;
  // resolveOptions refuses a sitemap without siteUrl.
  if (!sitemap || !siteUrl) return;
  // Every page in collections, as `collections.all` lists them.
  let all: CollectionItem[] = [];
  addUnlistedCollection(config, "_ruBlogSitemapPages", (api) => {
    all = api.getAllSorted();
    return [];
  });
  pluginFiles.add(() => {
    const model = currentSite();
    if (!model) return [];
    return [
      {
        url: sitemap,
        name: "the plugin's sitemap",
        movedBy: "the option sitemap",
        write: true,
        parts: () => [sitemapXml(sitemapPages(model, all), { siteUrl, zone: options.timezone })],
      },
    ];
  });
}
