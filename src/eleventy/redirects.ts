/** Redirect pages for aliases and old term URLs, and the redirects file for static hosts (`redirects` option). */
import { redirectPage, redirectsFile, type Redirect } from "../output/redirects.js";
import type { SiteModel } from "../site/site.js";
import { onePageOf, pagesOf, type PluginContext } from "./context.js";
import type { CollectionItem } from "./types.js";

export function registerRedirects({ config, options, currentSite, written, rendersPageListing }: PluginContext): void {
  config.addTemplate(
    "ru-blog/redirects.11ty.js",
    {
      render: (data: { redirect: Redirect }) =>
        redirectPage(data.redirect.to, { siteUrl: options.siteUrl, language: options.language }),
    },
    {
      // A redirect page lists no post: it changes only with the lists (a URL, an alias), when every page is rendered.
      pagination: pagesOf("redirect", () => {
        const model = currentSite();
        return model && rendersPageListing([]) ? [...model.redirects, ...written().linkRedirects] : [];
      }),
      permalink: (data: { redirect: Redirect }) => data.redirect.from,
      // Pages and files the plugin renders whole, whatever layout the site's directory or global data sets.
      layout: false,
      eleventyExcludeFromCollections: true,
    },
  );
  if (options.redirects) {
    config.addTemplate(
      "ru-blog/redirects-file.11ty.js",
      {
        render: (data: { redirects: Redirect[] }) => redirectsFile(data.redirects),
      },
      {
        pagination: onePageOf("redirects", () => {
          const model = currentSite();
          return model ? allRedirects(model, written().linkRedirects) : [];
        }),
        permalink: options.redirects,
        layout: false,
        eleventyExcludeFromCollections: true,
      },
    );
  }
}

/**
 * What `_redirects` lists: every alias, old term URL and site's term link that has a redirect page, and every old
 * feed path (served as a copy too).
 */
function allRedirects(model: SiteModel<CollectionItem>, linkRedirects: readonly Redirect[]): Redirect[] {
  const feedCopies = model.feeds
    .filter((feed) => feed.path !== feed.selfPath)
    .map((feed) => ({ from: feed.path, to: feed.selfPath, owner: "legacyUrls.feeds" }));
  return [...model.redirects, ...linkRedirects, ...feedCopies];
}
