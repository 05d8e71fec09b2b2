/** The sitemap (`sitemap` option): every listed page and term page, from the site model, in one template. */
import { sitemapPages, sitemapXml, type SitemapPage } from "../output/sitemap.js";
import { onePageOf, type PluginContext } from "./context.js";

export function registerSitemap({ config, options, currentSite }: PluginContext): void {
  const { sitemap, siteUrl } = options;
  // resolveOptions refuses a sitemap without siteUrl.
  if (!sitemap || !siteUrl) return;
  config.addTemplate(
    "ru-blog/sitemap.11ty.js",
    {
      render: (data: { sitemapPages: SitemapPage[] }) =>
        sitemapXml(data.sitemapPages, { siteUrl, zone: options.timezone }),
    },
    {
      pagination: onePageOf("sitemapPages", (all) => {
        const model = currentSite();
        return model ? sitemapPages(model, all) : [];
      }),
      permalink: sitemap,
      layout: false,
      eleventyExcludeFromCollections: true,
    },
  );
}
