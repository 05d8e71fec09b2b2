/** The sitemap (`sitemap` option): every listed page and term page, from the site model, in one template. */
import { sitemapPages, sitemapXml } from "../sitemap.js";
import type { PluginContext } from "./context.js";
import type { CollectionItem } from "./types.js";

export function registerSitemap({ config, options, currentSite }: PluginContext): void {
  const { sitemap, siteUrl } = options;
  // resolveOptions refuses a sitemap without siteUrl.
  if (!sitemap || !siteUrl) return;
  config.addTemplate(
    "ru-blog/sitemap.11ty.js",
    {
      // Rendered after the collections, so the site model is there; `collections.all` holds every page.
      render: (data: { collections: { all: CollectionItem[] } }) => {
        const model = currentSite();
        return model ? sitemapXml(sitemapPages(model, data.collections.all), { siteUrl, zone: options.timezone }) : "";
      },
    },
    {
      permalink: sitemap,
      layout: false,
      eleventyExcludeFromCollections: true,
      eleventyImport: { collections: ["all"] },
    },
  );
}
