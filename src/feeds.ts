import { decodeHTMLAttribute } from "entities";
import { isoDate } from "./dates.js";
import { InvalidValueError } from "./errors.js";
import { absoluteUrl, isAbsoluteReference } from "./urls.js";

/*
 * Atom is written here rather than with the `feed` package. Its Atom writer (feed@5 on xml-js) gets the
 * following wrong, and each could only be patched by leaning on xml-js's escaping quirks or by editing its
 * output with regular expressions:
 * - dates are `Date#toISOString()`, always UTC with milliseconds, never the site zone's offset;
 * - a feed without `updated` gets the build time, so an unchanged site publishes a changed feed;
 * - `language` is ignored: no `xml:lang`; the generator is bare text, without `uri` and `version`;
 * - titles are `type="html"` CDATA, so a title `<script>…` is markup to a reader;
 * - only the first `]]>` of a CDATA section is split, so a second one ends it and breaks the XML;
 * - attribute values are written without escaping `&` and `<` (a tag `a&b` breaks the XML), and text has
 *   `&amp;` turned back into `&` before escaping, so a literal `&amp;` loses its `amp;`;
 * - characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates) pass through;
 * - relative image or enclosure URLs throw `Invalid URL` from deep inside.
 * The test file pins each of these behaviours on this module's output.
 */

/** A person of the feed or of an entry (RFC 4287 §3.2). */
export interface FeedPerson {
  name: string;
  email?: string;
  /** Absolute, or a site path made absolute against `siteUrl`. */
  uri?: string;
}

/** One post as a feed shows it. Treated as immutable: see {@link renderAtomFeed}. */
export interface FeedEntry {
  /** Root-relative URL of the post as Eleventy's `page.url` gives it, raw or encoded: `/it/Личный-vps/`. */
  url: string;
  /** Plain text; markup in it is shown as text. */
  title: string;
  published: Date;
  /** The `Modified` date; without it `updated` is `published`. */
  updated?: Date;
  /** Plain text. */
  summary?: string;
  /**
   * The post's full HTML with absolute links, as {@link absolutizeHtml} returns it for the post's absolute URL.
   * Making links absolute is left to the caller so that it happens once per post, not once per feed.
   */
  html: string;
  /** Tag names, one `<category term>` each. */
  categories: string[];
  /** When absent the entry has the feed's author. */
  authors?: FeedPerson[];
}

/** What every feed of a site shares. */
export interface FeedSite {
  /** Absolute site URL, as `checkSiteUrl` returns it: `https://example.ru` or `https://example.ru/blog`. */
  siteUrl: string;
  title: string;
  subtitle?: string;
  /** The feed's author; without it the site's title is named as the author, as RFC 4287 needs one. */
  author?: FeedPerson;
  /** Language tag for `xml:lang`: `ru`, `ru-RU` (`ru_RU` is taken as `ru-RU`). */
  language: string;
  /** IANA zone whose offset the dates are written with: `Europe/Moscow`. */
  zone: string;
  generator?: { name: string; version?: string; uri?: string };
}

/** One feed file. */
export interface FeedDocument {
  /** Root-relative path the feed is written to: `/feed.xml`, `/tags/mnenie/feed.xml`. */
  selfPath: string;
  /** Root-relative path of the page the feed belongs to: `/`, `/tags/mnenie/`. */
  alternatePath: string;
  /** `Заметки`, `Мнение — Заметки`. */
  title: string;
  /** Already chosen and ordered, newest first. */
  entries: FeedEntry[];
}

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** RFC 4287's `atomLanguageTag`; the schema refuses anything else in `xml:lang`. */
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * `updated` of a feed without entries. It must be some date; a fixed one keeps the file the same from build to
 * build, which the build time (what the `feed` package writes) would not.
 */
const EMPTY_FEED_UPDATED = new Date(0);

/**
 * Characters to escape in XML text, and the ones XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE,
 * U+FFFF; with the `u` flag a surrogate matches only when it is unpaired). Escaping `>` as well keeps `]]>` out.
 */
const XML_TEXT_SPECIAL = /[&<>\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** The same for attribute values: quotes too, and tab, LF and CR, which a parser would turn into spaces. */
const XML_ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Text as XML character data: escaped, with forbidden characters dropped. */
function xmlText(text: string): string {
  return text.replace(XML_TEXT_SPECIAL, (char) => XML_ESCAPES[char] ?? "");
}

/** Text as a double-quoted XML attribute value. */
function xmlAttribute(text: string): string {
  return text.replace(XML_ATTRIBUTE_SPECIAL, (char) => XML_ESCAPES[char] ?? "");
}

/** Dates are written in the site's zone with its offset (`+03:00`), as on the site's own pages. */
function atomDate(date: Date, zone: string, what: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidValueError(`${what} is not a valid date`);
  }
  return isoDate(date, zone);
}

function authorXml(person: FeedPerson, siteUrl: string, indent: string): string {
  const lines = [`${indent}<author>`, `${indent}  <name>${xmlText(person.name)}</name>`];
  if (person.email) lines.push(`${indent}  <email>${xmlText(person.email)}</email>`);
  if (person.uri) lines.push(`${indent}  <uri>${xmlText(absoluteUrl(person.uri, siteUrl))}</uri>`);
  lines.push(`${indent}</author>`);
  return lines.join("\n");
}

function entryXml(entry: FeedEntry, site: FeedSite): string {
  const url = absoluteUrl(entry.url, site.siteUrl);
  const published = atomDate(entry.published, site.zone, `the date of ${entry.url}`);
  const updated = entry.updated ? atomDate(entry.updated, site.zone, `the Modified date of ${entry.url}`) : published;
  const lines = [
    "  <entry>",
    // The post's URL is its id: the same on every build, and unique because no two posts share a URL.
    `    <id>${xmlText(url)}</id>`,
    `    <title>${xmlText(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlAttribute(url)}"/>`,
    `    <published>${published}</published>`,
    `    <updated>${updated}</updated>`,
  ];
  for (const author of entry.authors ?? []) lines.push(authorXml(author, site.siteUrl, "    "));
  for (const term of entry.categories) lines.push(`    <category term="${xmlAttribute(term)}"/>`);
  if (entry.summary) lines.push(`    <summary>${xmlText(entry.summary)}</summary>`);
  lines.push(`    <content type="html">${xmlText(entry.html)}</content>`, "  </entry>");
  return lines.join("\n");
}

/**
 * Each entry's `<entry>` element, kept per entry object: a post is in the site feed and in the feed of each of
 * its tags and categories, and escaping its whole HTML for each of them costs more than all the rest of a feed.
 * The element depends on the entry and on the site's URL and zone only; those are compared on every use.
 */
const renderedEntries = new WeakMap<FeedEntry, { siteUrl: string; zone: string; xml: string }>();

function cachedEntryXml(entry: FeedEntry, site: FeedSite): string {
  const cached = renderedEntries.get(entry);
  if (cached && cached.siteUrl === site.siteUrl && cached.zone === site.zone) return cached.xml;
  const xml = entryXml(entry, site);
  renderedEntries.set(entry, { siteUrl: site.siteUrl, zone: site.zone, xml });
  return xml;
}

/**
 * Writes an Atom 1.0 (RFC 4287) feed document.
 *
 * - The feed's `id` is the absolute URL of `selfPath`: unique among a site's feeds by construction (two feeds
 *   cannot share a file, while a tag feed without a tag page may well share its `alternatePath` with another)
 *   and the same on every build. Old feed paths served as copies carry the same document, and so the same id.
 * - `updated` is the latest `updated`-or-`published` of the entries; a feed without entries has the fixed date
 *   1970-01-01T00:00:00Z (written in the site zone), so an empty feed does not change between builds.
 * - The feed always has an `author` (the site's, or one named after the site's title), so every entry has one
 *   as RFC 4287 §4.1.1 requires.
 * - An entry's `id` and `link` are the post's absolute, percent-encoded URL; `content` is the entry's `html`
 *   (links already absolute) escaped as text, never CDATA.
 *
 * An entry's XML is kept per entry object (and site URL and zone): passing one object per post to all the feeds
 * of a build escapes its HTML once. Do not change an entry object once rendered; a new build makes new ones.
 *
 * @throws InvalidValueError for a date that is not a valid `Date` or a `language` that is not a language tag.
 */
export function renderAtomFeed(doc: FeedDocument, site: FeedSite): string {
  const language = site.language.replaceAll("_", "-");
  if (!LANGUAGE_TAG.test(language)) {
    throw new InvalidValueError(
      `language must be a language tag like "ru" or "ru-RU", not ${JSON.stringify(site.language)}`,
    );
  }
  // Entries first: they check their dates and say which post has a bad one.
  const entryElements = doc.entries.map((entry) => cachedEntryXml(entry, site));
  let newest: Date | undefined;
  for (const entry of doc.entries) {
    const changed = entry.updated ?? entry.published;
    if (newest === undefined || changed.getTime() > newest.getTime()) newest = changed;
  }
  const selfUrl = absoluteUrl(doc.selfPath, site.siteUrl);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${xmlAttribute(language)}">`,
    `  <id>${xmlText(selfUrl)}</id>`,
    `  <title>${xmlText(doc.title)}</title>`,
  ];
  if (site.subtitle) lines.push(`  <subtitle>${xmlText(site.subtitle)}</subtitle>`);
  lines.push(
    `  <updated>${atomDate(newest ?? EMPTY_FEED_UPDATED, site.zone, `the newest date of ${doc.selfPath}`)}</updated>`,
    authorXml(site.author ?? { name: site.title }, site.siteUrl, "  "),
    `  <link rel="self" type="application/atom+xml" href="${xmlAttribute(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttribute(absoluteUrl(doc.alternatePath, site.siteUrl))}"/>`,
  );
  if (site.generator) {
    const { name, version, uri } = site.generator;
    const uriAttribute = uri ? ` uri="${xmlAttribute(uri)}"` : "";
    const versionAttribute = version ? ` version="${xmlAttribute(version)}"` : "";
    lines.push(`  <generator${uriAttribute}${versionAttribute}>${xmlText(name)}</generator>`);
  }
  return [...lines, ...entryElements, "</feed>", ""].join("\n");
}

/* ---------------------------------------------------------------------------------------------------------
 * Absolute links. A feed reader shows a post away from its page, where `../img/a.png` or `#note-1` mean
 * nothing, and `xml:base` is honoured by too few readers to rely on. The HTML is scanned once, tag by tag, as
 * an HTML tokenizer would (comments, doctypes and the text of <script>, <style>, <textarea>… are skipped), and
 * only the values of URL attributes are replaced: the rest is copied byte for byte, with no parse tree to build
 * and serialise again.
 * ------------------------------------------------------------------------------------------------------- */

/** Attributes whose whole value is one URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster"]);

/** Elements whose content is text up to their end tag, where a `<a href>` is not a tag. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);

const HTML_SPACE = "[\\t\\n\\f\\r ]";
const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;
/** What may come between attributes; `/` is skipped as the HTML tokenizer skips it. */
const BETWEEN_ATTRIBUTES = /[\t\n\f\r /]*/y;
/** An attribute name; HTML lets it start with `=`. */
const ATTRIBUTE_NAME = /[^\t\n\f\r />][^\t\n\f\r />=]*/y;
/** `= value` after a name: double-quoted, single-quoted (either possibly cut off by the end), or unquoted. */
const ATTRIBUTE_VALUE = new RegExp(`${HTML_SPACE}*=${HTML_SPACE}*("[^"]*"?|'[^']*'?|[^\\t\\n\\f\\r >]*)`, "y");

const SRCSET_SEPARATORS = /[\t\n\f\r ,]*/y;
const SRCSET_URL = /[^\t\n\f\r ]+/y;

const rawTextEnds = new Map<string, RegExp>();

/** Where the raw text of `<name>` opened before `from` ends: the `<` of its end tag, or the end of the HTML. */
function rawTextEnd(html: string, name: string, from: number): number {
  let end = rawTextEnds.get(name);
  if (!end) {
    end = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "gi");
    rawTextEnds.set(name, end);
  }
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

/** One URL made absolute, or returned as it is when it is absolute already, empty, or no URL at all. */
function resolveUrl(value: string, base: URL): string {
  // Browsers strip surrounding ASCII whitespace from a URL attribute before reading it.
  const url = value.trim();
  if (url === "" || isAbsoluteReference(url)) return value;
  try {
    return new URL(url, base).href;
  } catch {
    return value;
  }
}

/**
 * Each candidate URL of a `srcset` made absolute, separators and descriptors kept, read as the HTML standard's
 * srcset parser does: a URL is a run of non-space characters (so a `data:` URL keeps its comma), commas ending
 * it are separators, and its descriptors run to the next comma outside parentheses.
 */
function resolveSrcset(value: string, base: URL): string {
  let result = "";
  let at = 0;
  while (at < value.length) {
    SRCSET_SEPARATORS.lastIndex = at;
    SRCSET_SEPARATORS.test(value);
    result += value.slice(at, SRCSET_SEPARATORS.lastIndex);
    at = SRCSET_SEPARATORS.lastIndex;
    if (at >= value.length) break;
    SRCSET_URL.lastIndex = at;
    SRCSET_URL.test(value);
    const run = value.slice(at, SRCSET_URL.lastIndex);
    const url = run.replace(/,+$/, "");
    result += resolveUrl(url, base) + run.slice(url.length);
    at = SRCSET_URL.lastIndex;
    if (url.length < run.length) continue;
    let depth = 0;
    let end = at;
    for (; end < value.length; end++) {
      const char = value[end];
      if (char === "(") depth++;
      else if (char === ")") depth = Math.max(0, depth - 1);
      else if (char === "," && depth === 0) break;
    }
    result += value.slice(at, end);
    at = end;
  }
  return result;
}

/** The new attribute value token for a URL attribute, or `undefined` when nothing in it changes. */
function rewrittenValue(name: string, token: string, base: URL): string | undefined {
  const quote = token[0];
  const quoted = quote === '"' || quote === "'";
  const inner = quoted ? token.slice(1, token.endsWith(quote) && token.length > 1 ? -1 : undefined) : token;
  const value = inner.includes("&") ? decodeHTMLAttribute(inner) : inner;
  const resolved = name === "srcset" ? resolveSrcset(value, base) : resolveUrl(value, base);
  if (resolved === value) return undefined;
  return `"${resolved.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`;
}

/**
 * Makes every relative URL in `html` absolute against the page's URL: `href`, `src` and `poster` values and
 * each candidate of a `srcset`. `../img/a.png`, `img/a.png` and `/img/a.png` resolve as a browser on the page
 * would resolve them, `#anchor` becomes the page URL with `#anchor`, and non-ASCII characters come out
 * percent-encoded (existing escapes are kept). URLs with a scheme (`https:`, `mailto:`, `data:`), protocol-
 * relative ones (`//host/…`) and empty values are left alone. Only the changed values are rewritten (in double
 * quotes, HTML-escaped); everything else is returned exactly as it was. Linear in the length of `html`.
 *
 * @param pageUrl the absolute URL of the page the HTML belongs to, raw or percent-encoded.
 * @example absolutizeHtml('<img src="../img/a.png">', "https://example.ru/it/x/")
 *   // '<img src="https://example.ru/it/img/a.png">'
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const base = new URL(pageUrl);
  const parts: string[] = [];
  let copied = 0;
  let at = html.indexOf("<");
  while (at !== -1) {
    const next = html[at + 1] ?? "";
    if (html.startsWith("<!--", at)) {
      // Searching from the first `-` also ends the abrupt comments `<!-->` and `<!--->`, as HTML does.
      const end = html.indexOf("-->", at + 2);
      at = end === -1 ? html.length : end + 3;
    } else if (next === "!" || next === "?" || next === "/") {
      // Doctypes, processing instructions and end tags: nothing to rewrite up to their `>`.
      const end = html.indexOf(">", at + 2);
      at = end === -1 ? html.length : end + 1;
    } else if (/[A-Za-z]/.test(next)) {
      TAG_NAME.lastIndex = at + 1;
      TAG_NAME.test(html);
      const tagName = html.slice(at + 1, TAG_NAME.lastIndex).toLowerCase();
      let position = TAG_NAME.lastIndex;
      for (;;) {
        BETWEEN_ATTRIBUTES.lastIndex = position;
        BETWEEN_ATTRIBUTES.test(html);
        position = BETWEEN_ATTRIBUTES.lastIndex;
        if (position >= html.length || html[position] === ">") break;
        ATTRIBUTE_NAME.lastIndex = position;
        ATTRIBUTE_NAME.test(html);
        const name = html.slice(position, ATTRIBUTE_NAME.lastIndex).toLowerCase();
        position = ATTRIBUTE_NAME.lastIndex;
        ATTRIBUTE_VALUE.lastIndex = position;
        const value = ATTRIBUTE_VALUE.exec(html);
        if (!value) continue;
        position = ATTRIBUTE_VALUE.lastIndex;
        if (!URL_ATTRIBUTES.has(name) && name !== "srcset") continue;
        const token = value[1]!;
        const replacement = rewrittenValue(name, token, base);
        if (replacement === undefined) continue;
        const tokenStart = position - token.length;
        parts.push(html.slice(copied, tokenStart), replacement);
        copied = position;
      }
      at = position + 1;
      if (RAW_TEXT_ELEMENTS.has(tagName)) at = rawTextEnd(html, tagName, at);
    } else {
      at += 1;
    }
    at = html.indexOf("<", at);
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join("");
}
