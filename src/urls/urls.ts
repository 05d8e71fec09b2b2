import { InvalidValueError } from "../errors.js";

/** `%` followed by two hex digits: an escape already made, kept as it is. */
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/y;

/** A surrogate without its pair: `encodeURI` throws a URIError on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `https:`, `mailto:`, `data:`, `javascript:`: a URL scheme (RFC 3986 §3.1). */
const SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:/;

/** Whether a URL reference has a scheme (`https:`, `mailto:`, `data:`), and so needs no base at all. */
export function hasScheme(url: string): boolean {
  return SCHEME.test(url);
}

/**
 * The URL path of a file by its name on disk: every character that is not plain in a URL is percent-encoded, `%`,
 * `#` and `?` among them, since a file's name is never already encoded (a file named `%D0%B9.txt` is at
 * `%25D0%25B9.txt`). `/` separates folders.
 *
 * @example encodeFilePath("/files/c#.txt") // "/files/c%23.txt"
 */
export function encodeFilePath(path: string): string {
  return path
    .replace(LONE_SURROGATE, "\uFFFD")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/**
 * Percent-encodes a URL path the way `encodeURI` does (`/it/Личный-vps/` → `/it/%D0%9B%D0%B8…-vps/`), except that
 * an escape already present (`%D0%9B`) is kept rather than encoded again to `%25D0%259B`, so raw and encoded
 * spellings of one path give one URL. A `%` that starts no escape becomes `%25`; `?`, `#`, `&` and `/` are kept.
 * A lone surrogate, which no URL can hold, becomes U+FFFD.
 *
 * @example encodePath("/it/Личный-vps/") // "/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/"
 * @example encodePath("/it/%D0%9B/") // "/it/%D0%9B/"
 */
export function encodePath(path: string): string {
  const text = path.replace(LONE_SURROGATE, "\uFFFD");
  let encoded = "";
  let start = 0;
  // Encode the runs between escapes; `encodeURI` alone would turn each `%` of an escape into `%25`.
  for (let at = text.indexOf("%"); at !== -1; at = text.indexOf("%", at + 1)) {
    PERCENT_ESCAPE.lastIndex = at;
    if (!PERCENT_ESCAPE.test(text)) continue;
    encoded += encodeURI(text.slice(start, at)) + text.slice(at, at + 3);
    start = at + 3;
    at += 2;
  }
  return encoded + encodeURI(text.slice(start));
}

/**
 * A page's own URL percent-encoded, as {@link encodePath} does, and `#` and `?` too: a page URL (`page.url`, a
 * permalink) has no fragment and no query, so a `#` in it is part of the path (Jekyll's category `C#` gives
 * `/linux/c#/…`, a file under `c#/`), and a link to that page must spell it `%23`, else it ends at `/linux/c`.
 * A link that may carry a fragment (`/about/#me`) goes through {@link encodePath} instead.
 *
 * @example encodePageUrl("/linux/c#/x.html") // "/linux/c%23/x.html"
 */
export function encodePageUrl(url: string): string {
  return encodePath(url).replace(/[#?]/g, (character) => encodeURIComponent(character));
}

/**
 * The absolute URL of a site path: `siteUrl` joined with the percent-encoded path. `siteUrl` may have a path
 * of its own (`https://example.ru/blog`), which is kept: `/it/x/` becomes `https://example.ru/blog/it/x/`
 * (the `URL` constructor would drop `/blog`). A path without a leading slash is taken from the site's root
 * too. A value with a scheme (`https://…`) is returned unchanged; a protocol-relative one (`//host/x`) gets the
 * site URL's scheme (`https://host/x`), as a reader away from the site has no page scheme to complete it with.
 *
 * @param path a root-relative link, raw or encoded, which may end in a query or a fragment (`/it/Личный-vps/#x`);
 *   a page's own URL goes through {@link absolutePageUrl}.
 * @param siteUrl the site's URL, with or without a trailing slash (see {@link checkSiteUrl}).
 * @example absoluteUrl("/it/Личный-vps/", "https://example.ru") // "https://example.ru/it/%D0%9B%D0%B8…-vps/"
 */
export function absoluteUrl(path: string, siteUrl: string): string {
  return joinSiteUrl(path, siteUrl, encodePath);
}

/** {@link absoluteUrl} of a page's own URL, encoded by {@link encodePageUrl}: `#` and `?` are part of its path. */
export function absolutePageUrl(url: string, siteUrl: string): string {
  return joinSiteUrl(url, siteUrl, encodePageUrl);
}

function joinSiteUrl(path: string, siteUrl: string, encode: (path: string) => string): string {
  if (hasScheme(path)) return path;
  if (path.startsWith("//")) return siteUrl.slice(0, siteUrl.indexOf(":") + 1) + path;
  const base = siteUrl.endsWith("/") ? siteUrl.slice(0, -1) : siteUrl;
  return base + encode(path.startsWith("/") ? path : `/${path}`);
}

/**
 * Checks the `siteUrl` option and returns it normalised: scheme and host lower-cased, an international host in
 * its ASCII (punycode) form, the path percent-encoded, and never a trailing slash (`https://example.ru`,
 * `https://example.ru/blog`), so that a root-relative path can be appended as it is. Every URL the feeds
 * write starts with this value, so normalising it once keeps entry ids the same from build to build however
 * the option is spelled.
 *
 * @throws InvalidValueError when the value is not an absolute http(s) URL, or has a query, a fragment or a
 *   user name, which no page URL could be built on.
 */
export function checkSiteUrl(value: unknown): string {
  const expected = `siteUrl must be an absolute http(s) URL like "https://example.ru"`;
  if (typeof value !== "string") {
    throw new InvalidValueError(`${expected}, not ${value === undefined ? "undefined" : typeof value}`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InvalidValueError(`${expected}, not ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.host === "") {
    throw new InvalidValueError(`${expected}, not ${JSON.stringify(value)}`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new InvalidValueError(
      `${expected}, without a query, a fragment or a user name, not ${JSON.stringify(value)}`,
    );
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}
