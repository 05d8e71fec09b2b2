import { escapeAttribute, escapeUTF8 } from "entities";
import { Feed, type Author, type Item } from "feed";
import { QuoteType, Tokenizer } from "htmlparser2";
import { isoDate, toDateTime } from "../posts/dates.js";
import { InvalidValueError } from "../errors.js";
import { absolutePageUrl, absoluteUrl, hasScheme } from "../urls/urls.js";

/*
 * Atom feeds are built with the `feed` package (`new Feed`, `addItem`, `atom1()`; v6, writing XML with xml-js).
 * What it gets wrong by default is fixed here, at the boundary: the values handed to it are made so that its
 * output is right, and its output is edited only where it has no option at all (`xml:lang`) or where its own
 * escaping leaves no way to hand the right value over (`<` in an attribute).
 * test/output/feeds.test.ts has a test for each, named after the defect.
 *
 * 1. Dates are `Date#toISOString()`: UTC with milliseconds, `2015-07-28T21:00:00.000Z`. `feed` is handed Dates
 *    whose `toISOString()` returns RFC 3339 with the site zone's offset, `2015-07-29T00:00:00+03:00` (zonedDate).
 * 2. A feed without `updated` gets the build time, so an unchanged site would publish a changed feed. `updated`
 *    is always given: the newest entry's updated-or-published, or 1970-01-01 in the site zone for an empty feed.
 * 3. There is no `xml:lang` (`language` is read by the RSS writer only). The root start tag `feed` writes is a
 *    fixed literal; that literal is replaced, once, by one with `xml:lang`, and a `feed` that writes something
 *    else makes rendering throw instead of silently losing the language (withLanguage). An entry in another
 *    language than the feed's gets `xml:lang` on its `<entry>` start tag the same way (entryXml), as each feed
 *    is put together.
 * 4. Titles and summaries are `type="html"` CDATA: a title `<script>alert(1)</script>` would be markup to a
 *    reader. They are handed over HTML-escaped (entities' `escapeUTF8`), so the HTML is the plain text, and
 *    `]]>`, which xml-js would not split properly (5), cannot occur in them.
 * 5. Content is CDATA too, and xml-js splits only the first `]]>` of a CDATA section: a second one ends the
 *    section and breaks the XML. Every `]]>` in the HTML becomes `]]&gt;` first, which means the same in HTML
 *    text and attribute values.
 * 6. Attribute values (`<category term>`) are written escaping `&` (`feed` 6) and `"` (xml-js) only: a tag
 *    `a<b` breaks the XML, and a tab or line break in one is read back as a space. An escape handed over would
 *    be escaped again (`&lt;` → `&amp;lt;`), so `<`, tab, LF and CR are handed over as markers (attributeValue)
 *    that become their character references in the written XML (withAttributeEscapes); a test pins the exact
 *    output, so a `feed` that starts escaping them shows up as double escaping. (`feed` 5 escaped no `&`
 *    either; that part of the fix is gone with v6.)
 * 7. Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates) pass
 *    through and make the document ill-formed. They are removed from every string handed to `feed`.
 * 8. Relative URLs: `feed` 6 reads every URL with `new URL()`, so a relative one throws `Invalid URL` from
 *    deep inside, and a relative id or link means nothing to a reader anyway. Only absolute URLs are handed
 *    over, for ids, links, self, alternate and people's `uri`.
 * 9. Entry links are written without `rel` and `type`; RFC 4287 §4.2.7.2 makes a link without `rel` the
 *    `alternate` one, which it is, so this needs no fix.
 * 10. The generator is text only, without `uri` and `version`: the name alone (`eleventy-plugin-ru-blog`) is
 *    given. Without a generator in FeedSite `feed` names itself (its GitHub URL), which is true.
 * 11. Text elements have `&amp;` turned back into `&` before escaping (xml-js's guard against double escaping),
 *    so a literal `&amp;` in a name or a title would lose its `amp;`. Text `feed` writes as it is gets each `&`
 *    as `&amp;` beforehand (textValue), which that step turns back into the `&` it was; URLs need no such care,
 *    as `feed` itself writes their `&` as `&amp;` for that step to undo.
 *
 * And two for speed, with the same output byte for byte. A post is in the site feed and in the feed of each of
 * its terms, so each entry's `<entry>` element is written by `feed` once per build, in the first feed that has
 * it, and copied into the others (writtenEntries). And xml-js copies each string once per level of nesting as it
 * joins the document, which made the posts' HTML most of that writing: `feed` is handed a marker for an entry's
 * content, and the content, made once per post (contentValue), is put in place of the marker afterwards.
 */

/** A person of the feed or of an entry (RFC 4287 §3.2). */
export interface FeedPerson {
  name: string;
  email?: string;
  /** Absolute, or a site path made absolute against `siteUrl`. */
  uri?: string;
}

/** One post as a feed shows it. */
export interface FeedEntry {
  /** Root-relative URL of the post as Eleventy's `page.url` gives it, raw or encoded: `/it/Личный-vps/`. */
  url: string;
  /** The entry's `<id>` (an IRI with no `<`, `>`, `"` or white space); without it, the post's absolute URL. */
  id?: string;
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
  /** The post's language; an entry in another language than the feed's carries it as `xml:lang`. */
  language?: string;
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
  /** Only `name` is written: `feed` writes the generator as text, without `uri` and `version`. */
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
  /** The feed's language, when it is not the site's (a feed of one language's posts). */
  language?: string;
  /** Already chosen and ordered, newest first. */
  entries: FeedEntry[];
  /** The XSL stylesheet a browser shows the feed with: a root-relative path or an absolute URL. */
  stylesheet?: string;
}

/** RFC 4287's `atomLanguageTag`; the schema refuses anything else in `xml:lang`. */
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** What `feed`'s `atom1()` starts with, always: the declaration and the root's start tag (fix 3). */
const FEED_START = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * Characters XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; and, with the `u` flag, a
 * surrogate only when it is unpaired (a pair is one code point outside the range).
 */
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/**
 * Stands for an entry's content while `feed` writes it. Fix 7 removes U+0001 from every string handed to `feed`,
 * so the marker cannot occur anywhere else.
 */
const CONTENT_MARKER = "\u0001content\u0001";

/** The marker as xml-js writes content: a CDATA section, unchanged as it holds no `]]>`. */
const WRITTEN_CONTENT_MARKER = `<![CDATA[${CONTENT_MARKER}]]>`;

/**
 * How xml-js starts each `<entry>`: a new line, indented one level. Nothing else in a document written with a
 * marker for each content can look like it: every other `<` in it starts a tag (fixes 4 and 6 escape the rest).
 */
const ENTRY_START = "\n    <entry>";

/** How the document ends: `feed` writes the entries last. */
const FEED_END = "\n</feed>";

/** What `feed` and xml-js leave unescaped in an attribute value and must not be there as it is (fix 6). */
const ATTRIBUTE_SPECIAL = /[&<\t\n\r]/g;

/**
 * The marker each of them is handed over as: U+0001, which fix 7 removes from every string handed to `feed`,
 * around the name of its character reference, so that nothing else in the written XML can look like one.
 */
const ATTRIBUTE_MARKERS: Record<string, string> = {
  "&": "\u0001amp\u0001",
  "<": "\u0001lt\u0001",
  "\t": "\u0001#9\u0001",
  "\n": "\u0001#10\u0001",
  "\r": "\u0001#13\u0001",
};

const WRITTEN_ATTRIBUTE_MARKER = /\u0001(amp|lt|#9|#10|#13)\u0001/g;

/** Any string for `feed`, without the characters XML 1.0 forbids (fix 7). */
function xmlChars(value: string): string {
  return value.replace(XML_FORBIDDEN, "");
}

/**
 * Text `feed` hands to xml-js as it is (not through its own `sanitize`): each `&` as `&amp;`, which xml-js first
 * turns back into `&` and then escapes once (fix 11).
 */
function textValue(value: string): string {
  return xmlChars(value).replaceAll("&", "&amp;");
}

/**
 * An absolute URL for `feed`: it writes `&` as `&amp;` itself (`sanitize`), in text and attributes alike, and
 * a URL serialised by `URL` or {@link absoluteUrl} has no `<` or `"` left to escape.
 */
function urlValue(value: string): string {
  return xmlChars(value);
}

/** Plain text for a `type="html"` CDATA element: escaped as HTML, so it is text to a reader (fix 4). */
function htmlValue(value: string): string {
  return escapeUTF8(xmlChars(value));
}

/** HTML for the content CDATA section, with no `]]>` for xml-js to mishandle (fix 5). */
function contentValue(html: string): string {
  return xmlChars(html).replaceAll("]]>", "]]&gt;");
}

/** An attribute value for `feed`, which escapes `&` and `"` and nothing else: the rest as markers (fix 6). */
function attributeValue(value: string): string {
  return xmlChars(value).replace(ATTRIBUTE_SPECIAL, (char) => ATTRIBUTE_MARKERS[char]!);
}

/** `feed`'s output with each attribute marker replaced by its character reference (fix 6). */
function withAttributeEscapes(xml: string): string {
  return xml.replace(WRITTEN_ATTRIBUTE_MARKER, "&$1;");
}

/**
 * A copy of `date` for `feed`, which writes every date with `toISOString()` (fix 1): that method of the copy
 * returns the date in RFC 3339 with the offset `zone` has at that moment (`2015-07-29T00:00:00+03:00`) instead of
 * UTC with milliseconds. It is formatted here, once, so that a bad date fails here and names the post.
 */
function zonedDate(date: Date, zone: string, what: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidValueError(`${what} is not a valid date`);
  }
  const text = isoDate(date, zone);
  const copy = new Date(date.getTime());
  copy.toISOString = () => text;
  return copy;
}

function checkedLanguage(value: string): string {
  const language = value.replaceAll("_", "-");
  if (!LANGUAGE_TAG.test(language)) {
    throw new InvalidValueError(`language must be a language tag like "ru" or "ru-RU", not ${JSON.stringify(value)}`);
  }
  return language;
}

function person(who: FeedPerson, siteUrl: string): Author {
  return {
    name: textValue(who.name),
    ...(who.email ? { email: textValue(who.email) } : {}),
    ...(who.uri ? { link: urlValue(absoluteUrl(who.uri, siteUrl)) } : {}),
  };
}

/** An entry's `feed` item and, once a feed has it, its `<entry>` element. */
interface EntryParts {
  item: Item;
  /** An id of the post's own (`feeds.entryId`), written as it is. */
  id?: string;
  /**
   * The element as `feed` writes it, without its content: what comes before and after the content's CDATA
   * section. The content is put between them as each feed is written, so that no copy of it is kept.
   */
  xml?: { before: string; after: string };
}

/**
 * Each entry's parts, kept per entry object: a post is in the site feed and in the feed of each of its terms, and
 * its dates (luxon), URL, escaped content and XML are worked out once per build, not once per feed. Valid while
 * the site URL and zone are the same; a new build passes new entry objects.
 */
const partsByEntry = new WeakMap<FeedEntry, { siteUrl: string; zone: string; parts: EntryParts }>();

function entryParts(entry: FeedEntry, site: FeedSite): EntryParts {
  const cached = partsByEntry.get(entry);
  if (cached && cached.siteUrl === site.siteUrl && cached.zone === site.zone) return cached.parts;
  const parts: EntryParts = {
    item: feedItem(entry, site),
    ...(entry.id === undefined ? {} : { id: xmlChars(entry.id) }),
  };
  partsByEntry.set(entry, { siteUrl: site.siteUrl, zone: site.zone, parts });
  return parts;
}

function feedItem(entry: FeedEntry, site: FeedSite): Item {
  // The post's absolute URL is its id: the same on every build, and unique because no two posts share a URL.
  const url = urlValue(absolutePageUrl(entry.url, site.siteUrl));
  const published = zonedDate(entry.published, site.zone, `the date of ${entry.url}`);
  const updated = entry.updated ? zonedDate(entry.updated, site.zone, `the Modified date of ${entry.url}`) : published;
  return {
    id: entry.id === undefined ? url : urlValue(entry.id),
    // Written as `<link href>` without `rel`, which RFC 4287 reads as `alternate` (fix 9).
    link: url,
    title: htmlValue(entry.title),
    date: updated,
    published,
    ...(entry.summary ? { description: htmlValue(entry.summary) } : {}),
    content: contentValue(entry.html),
    category: entry.categories.map((term) => ({ term: attributeValue(term) })),
    ...(entry.authors?.length ? { author: entry.authors.map((who) => person(who, site.siteUrl)) } : {}),
  };
}

/** `feed`'s output with `xml:lang` on the root element (fix 3). */
function withLanguage(xml: string, language: string): string {
  if (!xml.startsWith(FEED_START)) {
    throw new Error(
      `internal error: the feed package's Atom output no longer starts with ${JSON.stringify(FEED_START)}, ` +
        `so xml:lang cannot be added; src/output/feeds.ts needs updating for this version of feed`,
    );
  }
  return `${FEED_START.slice(0, -1)} xml:lang="${language}">${xml.slice(FEED_START.length)}`;
}

/**
 * Keeps the `<entry>` elements of `xml`, a document `feed` wrote with `unwritten` as its entries (each with the
 * content marker), in their parts; returns the rest of the document before them, its head.
 */
function writtenEntries(xml: string, unwritten: readonly EntryParts[]): string {
  const [head, ...written] = xml.endsWith(FEED_END) ? xml.slice(0, -FEED_END.length).split(ENTRY_START) : [];
  const entries = written.map((entry, index) => withOwnId(entry, unwritten[index]?.id));
  const markers = entries.map((entry, index) =>
    unwritten[index]?.item.content ? entry.indexOf(WRITTEN_CONTENT_MARKER) : undefined,
  );
  if (head === undefined || entries.length !== unwritten.length || markers.includes(-1)) {
    throw new Error(
      "internal error: the feed package no longer writes entries and their content as src/output/feeds.ts expects, " +
        "so they cannot be kept; src/output/feeds.ts needs updating for this version of feed",
    );
  }
  entries.forEach((entry, index) => {
    const at = markers[index];
    unwritten[index]!.xml =
      at === undefined
        ? { before: ENTRY_START + entry, after: "" }
        : { before: ENTRY_START + entry.slice(0, at), after: entry.slice(at + WRITTEN_CONTENT_MARKER.length) };
  });
  return head;
}

/**
 * An entry with its id as given: `feed` 6 passes every id through `new URL()`, which percent-encodes the Cyrillic
 * of a `tag:` id (`tag:example.ru,2016-04-01:/кириллица.html`), and a reader that knew the post by Pelican's id
 * would show it again. The entry's first `<id>` is its id: its title and summary come escaped, with no `<` left.
 */
function withOwnId(entry: string, id: string | undefined): string {
  return id === undefined ? entry : entry.replace(/<id>[^<]*<\/id>/, () => `<id>${textValue(id)}</id>`);
}

/** An entry's element, with `xml:lang` on its start tag when its language is not the feed's. */
function entryXml({ item, xml }: EntryParts, language: string | undefined): string {
  const before = language
    ? `${ENTRY_START.slice(0, -1)} xml:lang="${language}">${xml!.before.slice(ENTRY_START.length)}`
    : xml!.before;
  return item.content ? `${before}<![CDATA[${item.content}]]>${xml!.after}` : before;
}

/** The `xml:lang` an entry needs in a feed of `feedLanguage`: its own language when that differs, else none. */
function entryLanguage(entry: FeedEntry, feedLanguage: string): string | undefined {
  if (entry.language === undefined) return undefined;
  const language = checkedLanguage(entry.language);
  return language.toLowerCase() === feedLanguage.toLowerCase() ? undefined : language;
}

/**
 * Writes an Atom 1.0 (RFC 4287) feed document with the `feed` package, its defects fixed (see the top of this
 * file).
 *
 * - The feed's `id` is the absolute URL of `selfPath`: unique among a site's feeds by construction (two feeds
 *   cannot share a file, while a tag feed without a tag page may well share its `alternatePath` with another)
 *   and the same on every build. Old feed paths served as copies carry the same document, and so the same id.
 *   `link rel="self"` has the same URL, `link rel="alternate"` the absolute URL of `alternatePath`.
 * - `updated` is the latest `updated`-or-published of the entries; a feed without entries has the fixed date
 *   1970-01-01T00:00:00 in the site zone, so an empty feed does not change between builds.
 * - The feed always has an `author` (the site's, or one named after the site's title), so every entry has one
 *   as RFC 4287 §4.1.1 requires; an entry with `authors` has those.
 * - An entry's `id` and `link` are the post's absolute, percent-encoded URL; each tag is a `category term`;
 *   `summary` is written when set; `content` is the entry's `html` (links already absolute).
 *
 * @throws InvalidValueError for a date that is not a valid `Date` or a `language` that is not a language tag.
 */
export function renderAtomFeed(doc: FeedDocument, site: FeedSite): string {
  return atomFeedParts(doc, site).join("");
}

/**
 * {@link renderAtomFeed}'s document in the order it is written: its head, each entry's element, its end. Each entry's
 * content is put into its element only here, so a feed written part by part is never whole in memory.
 */
export function atomFeedParts(doc: FeedDocument, site: FeedSite): string[] {
  const language = checkedLanguage(doc.language ?? site.language);
  // Entries first: they check their dates and say which post has a bad one.
  const entries = doc.entries.map((entry) => entryParts(entry, site));
  let newest: Date | undefined;
  for (const { item } of entries) {
    if (newest === undefined || item.date.getTime() > newest.getTime()) newest = item.date;
  }
  const selfUrl = urlValue(absolutePageUrl(doc.selfPath, site.siteUrl));
  const feed = new Feed({
    // `feed` writes the feed's id as text without its URL `sanitize`, hence textValue (fix 11).
    id: textValue(selfUrl),
    title: textValue(doc.title),
    updated: newest ?? zonedDate(toDateTime("1970-01-01", site.zone).toJSDate(), site.zone, "1970-01-01"),
    link: urlValue(absolutePageUrl(doc.alternatePath, site.siteUrl)),
    feedLinks: { atom: selfUrl },
    author: person(site.author ?? { name: site.title }, site.siteUrl),
    ...(site.subtitle ? { description: textValue(site.subtitle) } : {}),
    ...(site.generator ? { generator: urlValue(site.generator.name) } : {}),
  });
  const unwritten = entries.filter((entry) => entry.xml === undefined);
  // An empty content is not written at all, so it needs no marker.
  for (const { item } of unwritten) feed.addItem(item.content ? { ...item, content: CONTENT_MARKER } : item);
  const written = writtenEntries(withLanguage(withAttributeEscapes(feed.atom1()), language), unwritten);
  // The stylesheet goes into the head, before the entries: not a second copy of the whole feed.
  const head = doc.stylesheet === undefined ? written : withStylesheet(written, doc.stylesheet, site.siteUrl);
  return [
    head,
    ...entries.map((parts, index) => entryXml(parts, entryLanguage(doc.entries[index]!, language))),
    FEED_END,
  ];
}

/**
 * The document with an `<?xml-stylesheet?>` processing instruction right after its XML declaration, where a
 * browser looks for it. `feed` has no option for it; the declaration is the document's first line whatever `feed`
 * writes after it. A site path is taken inside `siteUrl` (`/feed.xsl` → `/blog/feed.xsl`). The href goes through
 * `URL`, which percent-encodes `"`, `<` and `>`, so nothing in it can end the instruction; a URL on the site's own
 * host is written root-relative, as browsers load an XSL stylesheet only from the feed's own origin and the same
 * feed is then styled wherever it is served from.
 */
function withStylesheet(xml: string, href: string, siteUrl: string): string {
  const declarationEnd = xml.startsWith("<?xml ") ? xml.indexOf("?>") + 2 : 0;
  const url = new URL(absoluteUrl(href, siteUrl));
  const sameHost = url.origin === new URL(siteUrl).origin;
  const value = escapeAttribute(sameHost ? url.pathname + url.search : url.href);
  const instruction = `<?xml-stylesheet href="${value}" type="text/xsl"?>`;
  return declarationEnd === 0
    ? `${instruction}\n${xml}`
    : `${xml.slice(0, declarationEnd)}\n${instruction}${xml.slice(declarationEnd)}`;
}

/* ---------------------------------------------------------------------------------------------------------
 * Absolute links. A feed reader shows a post away from its page, where `../img/a.png` or `#note-1` mean
 * nothing, and `xml:base` is honoured by too few readers to rely on. The HTML is read once with htmlparser2's
 * tokenizer, which reports where each attribute's value is; a URL that changes is written over its value and
 * every other character of the HTML is kept as it was.
 * ------------------------------------------------------------------------------------------------------- */

/** Attributes holding one URL (`href`, `src`, `poster`) or a list of them (`srcset`), by lower-case name. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "srcset"]);

/** Without any of these the HTML has no URL attribute, and is returned without being read. */
const MAY_HAVE_URL_ATTRIBUTES = /href|src|poster/i;

/** ASCII whitespace, which HTML allows around an attribute's `=`. */
const HTML_SPACE = /[\t\n\f\r ]/;

const SRCSET_SEPARATORS = /[\t\n\f\r ,]*/y;
const SRCSET_URL = /[^\t\n\f\r ]+/y;

/**
 * One URL made absolute, a protocol-relative one (`//host/x`) with the page's scheme too; returned as it is when
 * it has a scheme already, is empty, or is no URL at all.
 */
function resolveUrl(value: string, base: URL): string {
  // Browsers strip surrounding ASCII whitespace from a URL attribute before reading it.
  const url = value.trim();
  if (url === "" || hasScheme(url)) return value;
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

/**
 * Makes every relative URL in `html` absolute against the page's URL: `href`, `src` and `poster` values and
 * each candidate of a `srcset`. `../img/a.png`, `img/a.png` and `/img/a.png` resolve as a browser on the page
 * would resolve them, `#anchor` becomes the page URL with `#anchor`, and non-ASCII characters come out
 * percent-encoded (existing escapes are kept). A protocol-relative `//host/x` gets the page's scheme
 * (`https://host/x`): a reader showing the entry away from the site (an e-mail digest) has no scheme to complete
 * it with. URLs with a scheme (`https:`, `mailto:`, `data:`) and empty values are left alone, as are comments
 * and the text of the raw text elements (`<script>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`,
 * `<noembed>`, `<noframes>`).
 * `<pre>` and `<noscript>` are read as HTML reads them (a feed reader runs no scripts, so it shows what is in
 * `<noscript>`): their links are links.
 *
 * Only the values that change are rewritten, each as a double-quoted, escaped value in place of the old one
 * (`HREF=x` → `HREF="https://…/x"`); everything else, broken markup included, is copied as it is, and when no
 * URL changes `html` itself is returned.
 *
 * @param pageUrl the absolute URL of the page the HTML belongs to, raw or percent-encoded.
 * @example absolutizeHtml('<img src="../img/a.png">', "https://example.ru/it/x/")
 *   // '<img src="https://example.ru/it/img/a.png">'
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  if (!MAY_HAVE_URL_ATTRIBUTES.test(html)) return html;
  const base = new URL(pageUrl);
  let result = "";
  let copiedUpTo = 0;
  // The attribute being read: its lower-case name when it holds URLs, where its name ends, its decoded value.
  let urlAttribute: string | undefined;
  let nameEnd = 0;
  let value = "";
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onattribname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        urlAttribute = URL_ATTRIBUTES.has(name) ? name : undefined;
        nameEnd = end;
        value = "";
      },
      onattribdata(start, end) {
        if (urlAttribute) value += html.slice(start, end);
      },
      onattribentity(codePoint) {
        if (urlAttribute) value += String.fromCodePoint(codePoint);
      },
      onattribend(quote, end) {
        if (!urlAttribute || quote === QuoteType.NoValue) return;
        const resolved = urlAttribute === "srcset" ? resolveSrcset(value, base) : resolveUrl(value, base);
        if (resolved === value) return;
        // The value starts at its quote, or its first character, after the `=` and any whitespace around it;
        // `end` is past the closing quote, or past the last character of an unquoted value.
        let start = html.indexOf("=", nameEnd) + 1;
        while (HTML_SPACE.test(html[start]!)) start++;
        result += `${html.slice(copiedUpTo, start)}"${escapeAttribute(resolved)}"`;
        copiedUpTo = end;
      },
      oncdata: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return copiedUpTo === 0 ? html : result + html.slice(copiedUpTo);
}

/**
 * The most `<category>` elements one feed entry carries. A post is in the feed of each of its tags, so a post with
 * n tags wrote n² categories (2,000 tags: 181 MB; 10,000: out of memory); with the cap, the feeds grow with the
 * number of tags, not its square. A hundred is more than any feed reader shows.
 */
export const MAX_FEED_CATEGORIES = 100;

/** A post's tags as its feed entries' categories: the first {@link MAX_FEED_CATEGORIES}, with a warning past them. */
export function feedCategories(tags: string[], file: string, warn: (message: string) => void): string[] {
  if (tags.length <= MAX_FEED_CATEGORIES) return tags;
  warn(
    `${file}: the post has ${tags.length} tags; its feed entries list the first ${MAX_FEED_CATEGORIES} as categories (its tag pages and feeds are all kept).`,
  );
  return tags.slice(0, MAX_FEED_CATEGORIES);
}
