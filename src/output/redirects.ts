/**
 * Old URLs kept alive: Hugo's `Aliases`, the term and feed URLs a blog used before (`legacyUrls`), the redirect
 * pages written for them and the `_redirects` file static hosts read. Pure: plain values in, text out.
 */
import { escapeAttribute, escapeUTF8 } from "entities";
import { normalizeUrlKey } from "../urls/permalinks.js";
import { MAX_SLUG_BYTES } from "../urls/slugs.js";
import { effectivePageSize, fillPattern, termPageUrl, type Term, type TermKind } from "../site/taxonomy.js";
import { absolutePageUrl, encodePageUrl } from "../urls/urls.js";

/** One old URL and where it now lives, both root-relative and raw (not percent-encoded). */
export interface Redirect {
  from: string;
  to: string;
  /** Who asked for it, for messages: a post's file, or `legacyUrls.tags` and the like. */
  owner: string;
}

/**
 * Where an alias redirects from: as written when it starts with `/`; otherwise, as Hugo resolves it, beside the page
 * (`old` on `/2020/01/02/post/` → `/2020/01/02/old`, `../old` → `/2020/01/old`), never above the site's root.
 */
export function resolveAlias(alias: string, pageUrl: string): string {
  if (alias.startsWith("/")) return alias;
  const folder = pageUrl.replace(/\/+$/, "").split("/").slice(0, -1);
  for (const segment of alias.split("/")) {
    if (segment === "..") {
      if (folder.length > 1) folder.pop();
    } else if (segment !== "." && segment !== "") folder.push(segment);
  }
  return folder.join("/") || "/";
}

/**
 * An HTML page that sends a visitor (and a search engine) to `to`: an immediate meta refresh, the canonical link,
 * `noindex`, and a visible link for whoever has meta refresh turned off. `siteUrl` makes the target absolute
 * when known (feeds on); otherwise it stays root-relative.
 */
export function redirectPage(to: string, settings: { siteUrl: string | undefined; language: string }): string {
  const target = settings.siteUrl ? absolutePageUrl(to, settings.siteUrl) : encodePageUrl(to);
  const href = escapeAttribute(target);
  return `<!doctype html>
<html lang="${escapeAttribute(settings.language)}">
<head>
  <meta charset="utf-8">
  <title>Страница переехала</title>
  <meta name="robots" content="noindex">
  <link rel="canonical" href="${href}">
  <meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
  <p>Страница переехала: <a href="${href}">${escapeUTF8(decodeForDisplay(target))}</a></p>
</body>
</html>
`;
}

function decodeForDisplay(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The `_redirects` file of Netlify, Cloudflare Pages and the like: `/old/place/ /it/new-place/ 301` a line. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map((redirect) => `${encodePageUrl(redirect.from)} ${encodePageUrl(redirect.to)} 301\n`).join("");
}

/**
 * Old term URLs (every page of each term) that differ from the current ones. Each old page points to the current
 * page that holds its first post, so old page numbers keep working when the page size changed too.
 */
export function legacyTermRedirects<P>(
  terms: readonly Term<P>[],
  settings: {
    kind: TermKind;
    legacyPattern: string;
    currentPattern: string;
    legacySlugify: (name: string) => string;
    pageSize: number;
    legacyPageSize: number;
  },
): Redirect[] {
  const owner = `legacyUrls.${settings.kind === "tag" ? "tags" : "categories"}`;
  return terms.flatMap((term) => {
    const legacySlug = settings.legacySlugify(term.name) || term.slug;
    const pageSize = effectivePageSize(settings.pageSize, term.posts.length);
    const legacyPageSize = effectivePageSize(settings.legacyPageSize, term.posts.length);
    const legacyPages = Math.max(1, Math.ceil(term.posts.length / legacyPageSize));
    return Array.from({ length: legacyPages }, (_, index) => ({
      from: termPageUrl(settings.legacyPattern, legacySlug, index + 1),
      to: termPageUrl(settings.currentPattern, term.slug, Math.floor((index * legacyPageSize) / pageSize) + 1),
      owner,
    })).filter((redirect) => normalizeUrlKey(redirect.from) !== normalizeUrlKey(redirect.to));
  });
}

/**
 * The URLs a site's own templates link its terms to with a slugify of their own (Eleventy's `slugify` filter: the
 * official starter writes `/tags/{{ tag | slugify }}/`), redirected to each term's page where that slug is not the
 * term's (`Linux & BSD`: `linux-and-bsd` against `linux-bsd`). A slug that is no single path segment, or too long
 * for a file name (the plugin cuts its own, see MAX_SLUG_BYTES), gives none.
 */
export function siteSlugRedirects<P>(
  terms: readonly Term<P>[],
  settings: { kind: TermKind; pattern: string; siteSlugify: (name: string) => string },
): Redirect[] {
  const owner = `${settings.kind === "tag" ? "tagPages" : "categoryPages"} (the site's slugify links)`;
  return terms.flatMap((term) => {
    const siteSlug = settings.siteSlugify(term.name);
    const usable =
      /^[^/\\]+$/.test(siteSlug) &&
      siteSlug !== "." &&
      siteSlug !== ".." &&
      Buffer.byteLength(siteSlug) <= MAX_SLUG_BYTES;
    if (siteSlug === term.slug || !usable) return [];
    return [{ from: fillPattern(settings.pattern, siteSlug), to: fillPattern(settings.pattern, term.slug), owner }];
  });
}

/**
 * Hugo's `/page/1/` of every term's list (`/tags/x/page/1/` → `/tags/x/`), which Hugo writes as a redirect page for
 * each term, however few posts it has. Only a page pattern ending in `/` has a `page/N/` form to keep.
 */
export function pageOneRedirects<P>(terms: readonly Term<P>[], pagePattern: string): Redirect[] {
  if (!pagePattern.endsWith("/")) return [];
  return terms.map((term) => {
    const first = termPageUrl(pagePattern, term.slug, 1);
    return { from: `${first}page/1/`, to: first, owner: "pageOneRedirects" };
  });
}

/** The old path of a term's feed, or undefined when it is the current one. */
export function legacyFeedPath<P>(
  term: Term<P>,
  legacyPattern: string,
  legacySlugify: (name: string) => string,
): string {
  return fillPattern(legacyPattern, legacySlugify(term.name) || term.slug);
}
