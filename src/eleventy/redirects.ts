/** Redirect pages for aliases and old term URLs, and the redirects file for static hosts (`redirects` option). */
import { redirectPage, redirectsFile, type Redirect } from "../output/redirects.js";
import type { SiteModel } from "../site/site.js";
import type { PluginContext } from "./context.js";
import type { CollectionItem } from "./types.js";

export function registerRedirects({
  options,
  currentSite,
  written,
  rendersPageListing,
  pluginFiles,
}: PluginContext): void {
  pluginFiles.add(() => {
    const model = currentSite();
    if (!model) return [];
    const linkRedirects = written().linkRedirects;
    // A redirect page lists no post: it changes only with the lists (a URL, an alias), when every page is rendered.
    const pages = rendersPageListing([]);
    return [
      ...[...model.redirects, ...linkRedirects].map((redirect) => ({
        url: redirect.from,
        name: "the plugin's redirect page",
        movedBy: "the Aliases or legacyUrls it comes from",
        write: pages,
        parts: () => [redirectPage(redirect.to, { siteUrl: options.siteUrl, language: options.language })],
      })),
      ...(options.redirects
        ? [
            {
              url: options.redirects,
              name: "the plugin's redirects file",
              movedBy: "the option redirects",
              write: true,
              parts: () => [redirectsFile(allRedirects(model, linkRedirects))],
            },
          ]
        : []),
    ];
  });
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
