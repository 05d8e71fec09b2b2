/** The sitemap (`sitemap` option): one collection of its pages, computed with the site model, and one template. */
import { sitemapPages, sitemapXml, type SitemapPage } from "../sitemap.js";
import type { PluginContext } from "./context.js";

export function registerSitemap({ config, options, site }: PluginContext): void {
  const { sitemap, siteUrl } = options;
  // resolveOptions refuses a sitemap without siteUrl.
  if (!sitemap || !siteUrl) return;
  config.addCollection("_ruBlogSitemap", (api) => sitemapPages(site(api), api.getAll()));
  config.addTemplate(
    "ru-blog/sitemap.11ty.js",
    {
      render: (data: { collections: { _ruBlogSitemap: SitemapPage[] } }) =>
        sitemapXml(data.collections._ruBlogSitemap, { siteUrl, zone: options.timezone }),
    },
    {
      permalink: sitemap,
      eleventyExcludeFromCollections: true,
      eleventyImport: { collections: ["_ruBlogSitemap"] },
    },
  );
}
