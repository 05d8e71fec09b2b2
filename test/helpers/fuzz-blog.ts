/**
 * Whole small blogs for the property-based test (test/fuzz.test.ts): a generator of front matter as users write it
 * (YAML text, or Pelican's own header), an oracle saying from the README what each post must become, a build in a
 * fresh folder, and the checks of either outcome. Everything here is plain data so that a failing case can be
 * printed, replayed by seed and copied into a regression test.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import fc from "fast-check";
import { DateTime } from "luxon";
import { CORE_SCHEMA, load } from "js-yaml";
import { validateXML } from "xmllint-wasm";
import ruBlog, { type RuBlogOptions } from "../../src/index.js";
import { redirectTarget } from "../../src/cli/check-urls.js";
import { dateFromFileName, parseFrontMatterDate } from "../../src/posts/dates.js";
import { checkSitePath, postPermalink } from "../../src/urls/permalinks.js";
import { createPostSlugger, createSlugger } from "../../src/urls/slugs.js";
import { parseFeed } from "./feed-validation.js";
import { pluginError, siteEleventy } from "./site.js";

// ---------------------------------------------------------------------------------------------------------------
// The blog as data
// ---------------------------------------------------------------------------------------------------------------

/** A YAML value as a tree, rendered to text later: the same string is written plain, quoted or escaped. */
export type Y =
  | { t: "str"; s: string; style: Style }
  | { t: "raw"; text: string; value: unknown }
  | { t: "seq"; flow: boolean; items: Y[] }
  | { t: "map"; flow: boolean; entries: Array<[string, Y]> };

type Style = "plain" | "single" | "double" | "doubleHex";

export type FrontMatter =
  | { kind: "yaml"; entries: Array<{ key: string; value: Y }> }
  /** Text that is deliberately not a YAML mapping (a syntax error, a duplicated key, a list, a scalar). */
  | { kind: "broken"; text: string }
  /** YAML written by hand (regression examples); the oracle reads it with js-yaml as the plugin does. */
  | { kind: "text"; text: string }
  /** Pelican's header: `Key: value` lines, every value a string. */
  | { kind: "pelican"; entries: Array<{ key: string; value: string; indent?: number }> }
  | { kind: "none" };

export interface PostSpec {
  /** Path inside the input folder, `posts/…`. */
  file: string;
  frontMatter: FrontMatter;
  /** The bytes' encoding when not UTF-8 (used only where it can write every character of the post). */
  encoding?: FileEncoding;
}

/** Encodings old Russian blogs' files come in; the plugin reads each with a warning. */
export type FileEncoding = "windows-1251" | "koi8-r" | "utf-16le" | "utf-16be";

export interface BlogOptions {
  slugStyle: "translit" | "unicode" | "pelican";
  permalink: string;
  termPageSize: number;
  categoryFromFolder: boolean;
  timezone: string;
  siteUrl: string;
}

export interface BlogSpec {
  options: BlogOptions;
  posts: PostSpec[];
}

/** A text only post `index` contains, so its copies can be counted in the output. */
export const marker = (index: number) => `fuzzmarker${index}x`;

/** What a traversal payload is called: nothing of that name may appear beside or above a site's folder. */
export const ESCAPE_NAME = "fuzz-escape";

// ---------------------------------------------------------------------------------------------------------------
// YAML text
// ---------------------------------------------------------------------------------------------------------------

/** What YAML cannot hold raw in a one-line value (js-yaml's non-printables, line breaks, BOM, lone surrogates). */
const NEEDS_ESCAPE =
  /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function doubleQuoted(text: string, hex: boolean): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character === '"') out += '\\"';
    else if (character === "\\") out += "\\\\";
    else if (character.length === 1 && NEEDS_ESCAPE.test(character)) {
      out +=
        hex && code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += character;
  }
  return `${out}"`;
}

const plainCache = new Map<string, boolean>();
/** Whether `text` written plain reads back as that very string, in a block value or as a flow-list item. */
function plainWorks(text: string, flow: boolean): boolean {
  const probe = flow ? `k: [${text}]` : `k: ${text}`;
  let works = plainCache.get(probe);
  if (works === undefined) {
    try {
      const data = load(probe, { schema: CORE_SCHEMA }) as { k: unknown };
      works = text !== "" && !NEEDS_ESCAPE.test(text) && isDeepStrictEqual(data.k, flow ? [text] : text);
    } catch {
      works = false;
    }
    plainCache.set(probe, works);
  }
  return works;
}

function scalarText(node: { s: string; style: Style }, flow: boolean): string {
  const { s, style } = node;
  if (style === "plain" && plainWorks(s, flow)) return s;
  if ((style === "single" || style === "plain") && !NEEDS_ESCAPE.test(s) && !/\t/.test(s))
    return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s, style === "doubleHex");
}

/** The value as written after `Key:`: ` text` inline, or `\n  - …` for a block list or mapping. */
export function renderYaml(node: Y, flow = false): string {
  switch (node.t) {
    case "str":
      return scalarText(node, flow);
    case "raw":
      return flow && node.text === "" ? "null" : node.text;
    case "seq":
      if (!flow && !node.flow && node.items.length > 0)
        return node.items.map((item) => `\n  - ${renderYaml(item, true)}`).join("");
      return `[${node.items.map((item) => renderYaml(item, true)).join(", ")}]`;
    case "map":
      if (!flow && !node.flow && node.entries.length > 0) {
        return node.entries.map(([key, value]) => `\n  ${key}: ${renderYaml(value, true)}`).join("");
      }
      return `{${node.entries.map(([key, value]) => `${key}: ${renderYaml(value, true)}`).join(", ")}}`;
  }
}

export function yamlValue(node: Y): unknown {
  switch (node.t) {
    case "str":
      return node.s;
    case "raw":
      return node.value;
    case "seq":
      return node.items.map(yamlValue);
    case "map":
      return Object.fromEntries(node.entries.map(([key, value]) => [key, yamlValue(value)]));
  }
}

export function frontMatterText(frontMatter: FrontMatter): string | undefined {
  switch (frontMatter.kind) {
    case "yaml":
      return frontMatter.entries
        .map(({ key, value }) => {
          const text = renderYaml(value);
          return `${key}:${text === "" || text.startsWith("\n") ? text : ` ${text}`}`;
        })
        .join("\n");
    case "broken":
    case "text":
      return frontMatter.text;
    default:
      return undefined;
  }
}

/** The text of a post's file. Throws when the generator wrote YAML that does not mean what the spec says. */
export function postText(post: PostSpec, index: number): string {
  const body = `Текст поста ${marker(index)}.\n\n## Заголовок ${index}\n\n[ссылка](../other/) и ![картинка](img.png)\n`;
  const { frontMatter } = post;
  if (frontMatter.kind === "pelican") {
    const header = frontMatter.entries
      .map(({ key, value, indent = 0 }) => `${" ".repeat(indent)}${key}: ${value}`)
      .join("\n");
    return header === "" ? body : `${header}\n\n${body}`;
  }
  if (frontMatter.kind === "none") return body;
  const text = frontMatterText(frontMatter)!;
  let parsed: unknown;
  let threw = false;
  try {
    // js-yaml 5 refuses an empty document; an empty front matter is no keys (as the plugin reads it).
    parsed = text.trim() === "" ? {} : load(text, { schema: CORE_SCHEMA });
  } catch {
    threw = true;
  }
  if (frontMatter.kind === "yaml") {
    const expected = Object.fromEntries(frontMatter.entries.map(({ key, value }) => [key, yamlValue(value)]));
    if (threw || !isDeepStrictEqual(parsed ?? {}, expected)) {
      throw new Error(`generator bug: ${JSON.stringify(text)} does not read as ${JSON.stringify(expected)}`);
    }
  } else if (
    frontMatter.kind === "broken" &&
    !threw &&
    parsed !== null &&
    typeof parsed === "object" &&
    !Array.isArray(parsed)
  ) {
    throw new Error(`generator bug: the broken front matter ${JSON.stringify(text)} is a valid mapping`);
  }
  return `---\n${text}\n---\n${body}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The fixed part of every site
// ---------------------------------------------------------------------------------------------------------------

const dump = (permalink: string, body: string) =>
  `export const data = { permalink: ${JSON.stringify(permalink)}, eleventyExcludeFromCollections: true };\nexport function render(data) {\n  ${body}\n}\n`;

export const FIXED_FILES: Record<string, string> = {
  "_includes/term.njk":
    '<!doctype html><html lang="ru"><head><title>{{ term.name }}</title>{% feedLinks %}</head><body><h1>{{ term.name }}</h1>' +
    '<p class="page">{{ termPage.pageNumber }}/{{ termPage.totalPages }}</p><ul>' +
    '{% for post in termPage.posts %}<li data-input="{{ post.inputPath }}" data-url="{{ post.url | urlencode }}">{{ post.data.title }}</li>{% endfor %}' +
    '</ul>{% if termPage.nextUrl %}<a rel="next" href="{{ termPage.nextUrl | urlencode }}">next</a>{% endif %}</body></html>',
  "_includes/post.njk":
    '<!doctype html><html lang="ru"><head><title>{{ title }}</title><meta name="description" content="{{ summary }}">{% feedLinks %}</head>' +
    "<body><h1>{{ title }}</h1>{% for tag in tags %}<a>{{ tag }}</a>{% endfor %}{% for c in categories %}<a>{{ c }}</a>{% endfor %}" +
    "<p>{{ summary }}</p>{{ content | safe }}</body></html>",
  "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
  "list.11ty.js": dump(
    "/list.json",
    "return JSON.stringify(data.collections.posts.map((p) => ({ inputPath: p.inputPath, url: p.url })));",
  ),
  "all.11ty.js": dump(
    "/all.json",
    "return JSON.stringify(data.collections.all.map((p) => ({ inputPath: p.inputPath, url: p.url, outputPath: p.outputPath })));",
  ),
  "terms.11ty.js": dump(
    "/terms.json",
    "const term = (t) => ({ name: t.name, slug: t.slug, url: t.url, feedUrl: t.feedUrl, count: t.count, posts: t.posts.map((p) => p.inputPath) });\n" +
      "  return JSON.stringify({ tags: data.collections.tagList.map(term), categories: data.collections.categoryList.map(term) });",
  ),
};
/** Output files of the fixed pages, and the plugin's pages every build writes. */
const DUMPS = new Set(["list.json", "all.json", "terms.json"]);
const FIXED_OUTPUT = [
  "list.json",
  "all.json",
  "terms.json",
  "feed.xml",
  "feed.xsl",
  "tags/index.html",
  "categories/index.html",
];

export function blogFiles(blog: BlogSpec): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = { ...FIXED_FILES };
  blog.posts.forEach((post, index) => {
    const text = postText(post, index);
    files[post.file] = (post.encoding && encodeText(text, post.encoding)) ?? text;
  });
  return files;
}

const singleByteTables = new Map<string, Map<string, number>>();
/** `text` as bytes in `encoding`, or undefined when the encoding cannot write one of its characters. */
export function encodeText(text: string, encoding: FileEncoding): Buffer | undefined {
  if (encoding === "utf-16le") return Buffer.from(text, "utf16le");
  if (encoding === "utf-16be") return Buffer.from(text, "utf16le").swap16();
  let table = singleByteTables.get(encoding);
  if (!table) {
    const decoder = new TextDecoder(encoding);
    table = new Map();
    for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
    singleByteTables.set(encoding, table);
  }
  const bytes: number[] = [];
  for (const character of text) {
    const byte = table.get(character);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

export function pluginOptions(options: BlogOptions): RuBlogOptions {
  return {
    siteUrl: options.siteUrl,
    title: "Заметки <b>&amp;</b>",
    author: { name: "Автор" },
    feeds: { limit: 0 },
    slugStyle: options.slugStyle,
    permalink: options.permalink,
    termPageSize: options.termPageSize,
    categoryFromFolder: options.categoryFromFolder,
    timezone: options.timezone,
  };
}

/** A JS string literal, with long runs of one character written as `"x".repeat(n)` so that a message stays readable. */
export function jsString(text: string): string {
  const parts: string[] = [];
  const units = [...text];
  let plain = "";
  for (let index = 0; index < units.length;) {
    let end = index + 1;
    while (end < units.length && units[end] === units[index]) end++;
    if (end - index >= 20) {
      if (plain) parts.push(JSON.stringify(plain));
      plain = "";
      parts.push(`${JSON.stringify(units[index])}.repeat(${end - index})`);
    } else plain += units.slice(index, end).join("");
    index = end;
  }
  if (plain || parts.length === 0) parts.push(JSON.stringify(plain));
  return parts.join(" + ");
}

/** The blog as a person would type it in: options, then every file as a JS string. Used in failure messages. */
export function describeBlog(blog: BlogSpec): string {
  const lines = [`options: ${JSON.stringify(blog.options)}`];
  blog.posts.forEach((post, index) => {
    let text: string;
    try {
      text = jsString(postText(post, index));
    } catch (error) {
      text = String(error);
    }
    lines.push(`${JSON.stringify(post.file)}: ${text}`);
  });
  return lines.join("\n");
}

/** Long runs of one character shortened, for messages. */
export const compact = (text: string) =>
  text.replace(/(.)\1{19,}/gu, (run, unit: string) => `${unit}{×${[...run].length}}`);

// ---------------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------------

/** Names of tags, categories and titles: Cyrillic, case variants, URL and path characters, markup, emoji, controls. */
// prettier-ignore
const NAMES = [
  "Docker", "docker", "DOCKER", "Мнение", "мнение", "МНЕНИЕ", "Ёлка", "ёлка", "Елка", "IT", "it", "Яндекс",
  "C++", "C", "C#", "Node.js", "node-js", "Riak CS", " spaced   out ", "a/b", "/lead", "..", ".", "...",
  `../${ESCAPE_NAME}`, "%", "%2e%2e", "%D0%9C", "100%", "#", "?", "a?b=1", "#hash", "&amp;", "a&b", "a<b",
  "<script>alert(1)</script>", "]]>", "{{ title }}", "{% raw %}", "$&", "🐱", "👍🏽", "🇷🇺", "«»", "\u00a0nbsp\u00a0",
  "\x07bell", "nul\x00", "\x1b[31mred", "tab\tname", "\u200bzw", "e\u0301", "и\u0306", "й", "\ufffe", "posts",
  "all", "Posts", "tagList", "feed.xml", "index.html", "42", "true", "null", "~", "2015-07-29", "-", "a,b",
  "Ну и что...", "C# basics", "ß", "İstanbul", "ǅ", "Ω", "x".repeat(3),
];
// prettier-ignore
const FRAGMENTS = ["Мне", "ние", "Doc", "ker", " ", "/", "..", "%", "#", "?", ".", "-", "🐱", "\x07", "Ё", "ё", "<b>", "&", "'", '"', "\\", ":", ",", "2e", "\t"];
const CHARS = [
  ..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЯЁabcXYZ019 -_./\\%#?&<>\"'`:;,!@()[]{}~+=*|^$\x00\x07\x1b\x7f\u0085\u00a0\u2028\ufeff🐱",
];

/** 1,000-character names (UTF-16 units), Cyrillic, Latin, emoji, spaces and percent signs. */
const longName = fc
  .constantFrom("я", "a", "🐱", "Ёж ", "%", "мнение-")
  .map((unit) => unit.repeat(Math.ceil(1000 / unit.length)).slice(0, 1000));

const caseVariant = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.constantFrom("as", "as", "lower", "upper"))
    .map(([s, how]) => (how === "lower" ? s.toLocaleLowerCase("ru") : how === "upper" ? s.toLocaleUpperCase("ru") : s));

export const nameArb: fc.Arbitrary<string> = caseVariant(
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...NAMES) },
    {
      weight: 3,
      arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
    },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 10 }) },
    { weight: 1, arbitrary: longName },
  ),
);

const styleArb = fc.constantFrom<Style>("plain", "plain", "single", "double", "doubleHex");
const str = (text: fc.Arbitrary<string>): fc.Arbitrary<Y> =>
  fc.tuple(text, styleArb).map(([s, style]) => ({ t: "str", s, style }));
const raw = (text: string, value: unknown): Y => ({ t: "raw", text, value });
const nullArb = fc.constantFrom(raw("", null), raw("~", null), raw("null", null), raw("Null", null));
const emptyStringArb = fc.constantFrom<Y>({ t: "str", s: "", style: "double" }, { t: "str", s: "", style: "single" });
const boolArb = fc.constantFrom(raw("true", true), raw("false", false), raw("True", true), raw("FALSE", false));
// prettier-ignore
const numberArb = fc.constantFrom(
  raw("42", 42), raw("-7", -7), raw("3.14", 3.14), raw("1e3", 1000), raw("0x1F", 31), raw("0o17", 15), raw(".nan", NaN),
  raw(".inf", Infinity), raw("-.inf", -Infinity), raw("007", 7), raw("+12", 12), raw("2015", 2015), raw("0", 0),
);
const flowMapArb = fc.constantFrom<Y>(
  { t: "map", flow: true, entries: [["a", raw("1", 1)]] },
  { t: "map", flow: false, entries: [["name", { t: "str", s: "Docker", style: "plain" }]] },
  { t: "map", flow: true, entries: [] },
);
const seq = (items: fc.Arbitrary<Y>, max = 4): fc.Arbitrary<Y> =>
  fc.tuple(fc.boolean(), fc.array(items, { maxLength: max })).map(([flow, list]) => ({ t: "seq", flow, items: list }));

/** Tags, Categories, Category: every YAML type a list of names can be written with. */
function termsArb(): fc.Arbitrary<Y> {
  const item = fc.oneof(
    { weight: 12, arbitrary: str(nameArb) },
    { weight: 2, arbitrary: numberArb },
    { weight: 1, arbitrary: nullArb },
    { weight: 1, arbitrary: emptyStringArb },
  );
  return fc.oneof(
    { weight: 2, arbitrary: nullArb },
    { weight: 1, arbitrary: emptyStringArb },
    { weight: 6, arbitrary: str(nameArb) },
    { weight: 3, arbitrary: str(fc.array(nameArb, { minLength: 2, maxLength: 3 }).map((names) => names.join(", "))) },
    { weight: 1, arbitrary: numberArb },
    { weight: 10, arbitrary: seq(item) },
  );
}

/** More tags than a feed entry lists as categories (the README's cap of 100). */
const manyTagsArb: fc.Arbitrary<Y> = fc.integer({ min: 101, max: 120 }).map((count) => ({
  t: "seq",
  flow: true,
  items: Array.from({ length: count }, (_, index): Y => ({ t: "str", s: `тег${index}`, style: "plain" })),
}));

/** Not a list of names: a boolean, a mapping, a list holding one. */
function badTermsArb(): fc.Arbitrary<Y> {
  const badItem = fc.oneof(boolArb, flowMapArb, seq(str(nameArb), 2));
  return fc.oneof(
    boolArb,
    flowMapArb,
    fc
      .tuple(fc.boolean(), fc.array(str(nameArb), { maxLength: 2 }), badItem)
      .map(([flow, items, bad]): Y => ({ t: "seq", flow, items: [...items, bad] })),
  );
}

// prettier-ignore
const TIME_OFFSETS = ["Z", "+03:00", "-05:00", "+05:45", "+14:00", "-12:00", "+00:00", "-00:00", "+09:30", "+23:59"];
const two = (n: number) => String(n).padStart(2, "0");
/** Days in a month of the proleptic Gregorian calendar (`Date.UTC` alone would read years 0–99 as 1900–1999). */
function daysIn(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  time: {
    sep: string;
    hour: number;
    minute: number;
    second: number | null;
    fraction: string | null;
    offset: string | null;
  } | null;
}

const datePartsArb: fc.Arbitrary<DateParts> = fc
  .record({
    year: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(2015, 2016, 2000, 1999, 2024, 1970, 2038) },
      { weight: 1, arbitrary: fc.constantFrom(1, 1000, 9999) },
    ),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom("T", " "),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.option(fc.integer({ min: 0, max: 59 })),
        fraction: fc.option(fc.constantFrom(".5", ".123", ".1234567891")),
        offset: fc.option(fc.constantFrom(...TIME_OFFSETS)),
      }),
    ),
  })
  .map((parts) => ({ ...parts, day: Math.min(parts.day, daysIn(parts.year, parts.month)) }));

function dateText({ year, month, day, time }: DateParts): string {
  let text = `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
  if (time) {
    text += `${time.sep}${two(time.hour)}:${two(time.minute)}`;
    if (time.second !== null) text += `:${two(time.second)}${time.fraction ?? ""}`;
    if (time.offset !== null) text += time.offset;
  }
  return text;
}

/** The date forms of the README (a day; a time with `T` or a space, seconds, fractions; an offset), real dates only. */
const dateTextArb: fc.Arbitrary<string> = datePartsArb.map(dateText);

/** A real date with one thing impossible or malformed: 30 February, month 13, hour 24, minute 60, offset +24:00, `+0300`… */
const impossibleDateTextArb: fc.Arbitrary<string> = fc
  .tuple(
    datePartsArb,
    fc.constantFrom("day", "month", "hour", "minute", "second", "offset", "year"),
    fc.nat(),
    fc.constantFrom("T", " "),
  )
  .map(([parts, defect, pick, sep]) => {
    const time = parts.time ?? { sep, hour: 12, minute: 30, second: null, fraction: null, offset: null };
    const choose = <T>(options: T[]) => options[pick % options.length]!;
    switch (defect) {
      case "day":
        return dateText({
          ...parts,
          ...choose([
            { month: 2, day: 30 },
            { month: 2, day: 29, year: 2015 },
            { month: 2, day: 29, year: 1900 },
            { month: 4, day: 31 },
            { day: 0 },
            { day: 32 },
          ]),
        });
      case "month":
        return dateText({ ...parts, month: choose([0, 13]) });
      case "hour":
        return dateText({ ...parts, time: { ...time, hour: choose([24, 25, 99]) } });
      case "minute":
        return dateText({ ...parts, time: { ...time, minute: 60 } });
      case "second":
        return dateText({ ...parts, time: { ...time, second: 60 } });
      case "offset":
        return dateText({
          ...parts,
          time: {
            ...time,
            offset: choose(["+24:00", "+05:60", "+0300", "+03", "z", " +03:00", "+3:00", "UTC", "Z+03:00"]),
          },
        });
      default:
        return dateText({ ...parts, year: choose([0, 10000]) });
    }
  });

// prettier-ignore
const MALFORMED_DATES = [
  "2015-7-29", "29.07.2015", "2015/07/29", "2015-07", "2015", "вчера", "2015-07-29T14:30+0300", "2015-07-29t14:30",
  "2015-07-29T14:30:00z", "2015-07-29  14:30", "2015-07-29T14", "2015-07-29 14:30 MSK", "20150729", "2015-07-29x",
  "Jul 29, 2015", "2015-W31-3", "2015-210", "+002015-07-29", "2015-07-29T14:30:00+03:00[Europe/Moscow]", "2015-07-29T",
];

/** Date and Modified: every form of the README, padded with spaces sometimes; none at all (null, empty). */
function dateArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 20, arbitrary: str(dateTextArb) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(dateTextArb, fc.constantFrom(" ", "  ", "\t"))
        .map(([s, pad]): Y => ({ t: "str", s: `${pad}${s}${pad}`, style: "double" })),
    },
    { weight: 2, arbitrary: nullArb },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Y>({ t: "str", s: "", style: "double" }, { t: "str", s: "  ", style: "single" }),
    },
  );
}

/** Impossible dates, malformed dates, numbers, booleans, a list, a mapping. */
function badDateArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 4, arbitrary: str(impossibleDateTextArb) },
    { weight: 3, arbitrary: str(fc.constantFrom(...MALFORMED_DATES)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        raw("20150729", 20150729),
        raw("1438128000", 1438128000),
        raw("2015", 2015),
        raw("2015.07", 2015.07),
        raw("-1", -1),
      ),
    },
    { weight: 1, arbitrary: boolArb },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Y>(
        { t: "seq", flow: true, items: [{ t: "str", s: "2015-07-29", style: "plain" }] },
        { t: "map", flow: true, entries: [["year", raw("2015", 2015)]] },
      ),
    },
  );
}

// prettier-ignore
const GOOD_PATHS = [
  "it/coreos-opinion", "/it/coreos-opinion/", "it/Личный-vps", "Заметки/🐱", "x.html", "a/b/c.html", "%D0%9B%D0%B8", "100%25",
  "a b", "a+b", "~user", "a//b", "a/b", "/", "index.html", "x.json", "feed.xml", "list.json", "tags", "categories/x",
  "posts/p1", "<script>alert(1)<", "a&b", "a'b", 'a"b', "...", "a./b", "-x-", "1:b", "%23", "%3F", "%252e%252e",
  "я".repeat(1000), "a".repeat(300), "x.HTML", ".hidden", "a/.b", "Мнение", "CoreOS-Review", "c++", "{{ title }}", "x.html/y",
];
// prettier-ignore
const BAD_PATHS = [
  `../${ESCAPE_NAME}`, `../../${ESCAPE_NAME}`, `a/../../${ESCAPE_NAME}`, `%2e%2e/${ESCAPE_NAME}`, `..%2F${ESCAPE_NAME}`, `.%2e/${ESCAPE_NAME}`,
  `../../../${ESCAPE_NAME}`, `%2E%2E%2F%2E%2E%2F${ESCAPE_NAME}`, ".", "./x", "a/./b", "..", "http://evil.example/x", "javascript:alert(1)",
  "C:\\x", "a\\b", "//evil.example/x", "x?y=1", "x#frag", "%", "%zz", "%C0%80", "a\x07b", "%00", "%5C", "%0A", "mailto:a@b", "a/\tb",
];

/** Url and Slug. */
function pathArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 10, arbitrary: str(fc.constantFrom(...GOOD_PATHS)) },
    { weight: 3, arbitrary: str(nameArb) },
    { weight: 1, arbitrary: numberArb.filter((y) => Number.isFinite((y as { value: number }).value)) },
    { weight: 1, arbitrary: nullArb },
    { weight: 1, arbitrary: emptyStringArb },
  );
}

function badPathArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 6, arbitrary: str(fc.constantFrom(...BAD_PATHS)) },
    { weight: 1, arbitrary: fc.oneof(seq(str(nameArb), 2), flowMapArb) },
  );
}

/** Title and Summary. */
function textArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 12, arbitrary: str(nameArb) },
    { weight: 1, arbitrary: numberArb },
    { weight: 1, arbitrary: boolArb },
    { weight: 1, arbitrary: nullArb },
    { weight: 1, arbitrary: emptyStringArb },
  );
}

const badTextArb = () => fc.oneof(seq(str(nameArb), 2), flowMapArb);

function statusArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 6, arbitrary: str(fc.constantFrom("published", "Published", "draft", "DRAFT", "hidden", " Hidden ")) },
    { weight: 1, arbitrary: nullArb },
  );
}

function badStatusArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 2, arbitrary: str(fc.constantFrom("archived", "", "drafts", "скрыто", "hidden!", "публикация")) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        boolArb,
        fc.constant(raw("1", 1)),
        fc.constant<Y>({ t: "seq", flow: true, items: [{ t: "str", s: "draft", style: "plain" }] }),
      ),
    },
  );
}

function draftArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    { weight: 4, arbitrary: boolArb },
    { weight: 2, arbitrary: str(fc.constantFrom("yes", "No", "TRUE", "false", " true ")) },
    { weight: 1, arbitrary: nullArb },
  );
}

const badDraftArb = () =>
  fc.oneof(fc.constantFrom(raw("1", 1), raw("0", 0)), str(fc.constantFrom("y", "", "draft", "да", "on")));

function buildArb(): fc.Arbitrary<Y> {
  const casing = (key: string) => fc.constantFrom(key, key.toLowerCase(), key.toUpperCase());
  const word = (words: string[]) => fc.oneof(str(fc.constantFrom(...words)), boolArb);
  const entries = fc
    .tuple(
      fc.option(fc.tuple(casing("List"), word(["always", "local", "never", "Local", "NEVER"]))),
      fc.option(fc.tuple(casing("Render"), word(["always", "never", "Never"]))),
      fc.option(fc.tuple(fc.constant("publishResources"), boolArb)),
    )
    .map((parts) => parts.filter((part): part is [string, Y] => part !== null));
  const good = fc.tuple(fc.boolean(), entries).map(([flow, list]): Y => ({ t: "map", flow, entries: list }));
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: nullArb });
}

function badBuildArb(): fc.Arbitrary<Y> {
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom<Y>(
        { t: "map", flow: true, entries: [["List", { t: "str", s: "sometimes", style: "plain" }]] },
        { t: "map", flow: true, entries: [["Render", { t: "str", s: "link", style: "plain" }]] },
        { t: "map", flow: true, entries: [["Foo", raw("1", 1)]] },
        { t: "map", flow: true, entries: [["List", raw("null", null)]] },
        { t: "map", flow: true, entries: [["List", { t: "str", s: " local", style: "double" }]] },
        { t: "str", s: "local", style: "plain" },
        { t: "str", s: "", style: "double" },
      ),
    },
    { weight: 1, arbitrary: fc.oneof(boolArb, seq(str(fc.constant("local")), 1)) },
  );
}

export const KEYS = [
  "Title",
  "Date",
  "Tags",
  "Category",
  "Categories",
  "Slug",
  "Url",
  "Summary",
  "Status",
  "Draft",
  "Modified",
  "Build",
] as const;
type Key = (typeof KEYS)[number];

/** How often a post has each key, out of 20. */
// prettier-ignore
const PRESENCE: Record<Key, number> = {
  Title: 17, Date: 15, Tags: 13, Category: 6, Categories: 6, Slug: 5, Url: 4, Summary: 5, Status: 3, Draft: 2, Modified: 4, Build: 2,
};

/** Values the README accepts for each key, and values it refuses. */
const VALUES: Record<Key, { good: fc.Arbitrary<Y>; bad: fc.Arbitrary<Y> }> = {
  Title: { good: textArb(), bad: badTextArb() },
  Summary: { good: textArb(), bad: badTextArb() },
  Date: { good: dateArb(), bad: badDateArb() },
  Modified: { good: dateArb(), bad: badDateArb() },
  Tags: {
    good: fc.oneof({ weight: 40, arbitrary: termsArb() }, { weight: 1, arbitrary: manyTagsArb }),
    bad: badTermsArb(),
  },
  Category: { good: termsArb(), bad: badTermsArb() },
  Categories: { good: termsArb(), bad: badTermsArb() },
  Slug: { good: pathArb(), bad: badPathArb() },
  Url: { good: pathArb(), bad: badPathArb() },
  Status: { good: statusArb(), bad: badStatusArb() },
  Draft: { good: draftArb(), bad: badDraftArb() },
  Build: { good: buildArb(), bad: badBuildArb() },
};

/** A key in random casing: `Title`, `title`, `TITLE`, `tItLe`. */
const keyCasing = (key: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(key) },
    { weight: 3, arbitrary: fc.constant(key.toLowerCase()) },
    { weight: 1, arbitrary: fc.constant(key.toUpperCase()) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
        .map((up) => [...key].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join("")),
    },
  );

/** The other casing of a key as written: `Title` → `title`, `title` → `TITLE`. */
const otherCasing = (key: string) => (key === key.toLowerCase() ? key.toUpperCase() : key.toLowerCase());

// prettier-ignore
const BROKEN_YAML = [
  "Title: [unclosed", 'Title: "unclosed', "Title: a\nTitle: b", "Tags:\n\t- a", "Title: a: b", "- a\n- b", "just text",
  "Tags: [a, b]]", "Title: *nowhere", "{a: 1", "Title: @at", "Title: `tick", 'Title: "\\q"', "Date: 2015-07-29\n  Tags: x",
  "Title: x\nDate: 2015-07-29\ntitle: [", "42", "'quoted scalar'", "Title: \"\\x07\nDate: 2015", "Tags: - a",
];
for (const text of BROKEN_YAML) {
  let parsed: unknown;
  try {
    parsed = load(text, { schema: CORE_SCHEMA });
  } catch {
    continue;
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
    throw new Error(`BROKEN_YAML entry ${JSON.stringify(text)} is a mapping`);
}

/** Values Pelican's header can hold: one line of text. */
const pelicanValueArb = fc
  .oneof(
    nameArb,
    dateTextArb,
    fc.constantFrom(
      "draft",
      "hidden",
      "published",
      "true",
      "no",
      "a, b, c",
      "Мнение, Docker",
      "it/coreos",
      "",
      "Привет, мир",
    ),
  )
  .filter((value) => !/[\n\r\u2028\u2029]/.test(value));

const yamlPostArb: fc.Arbitrary<FrontMatter> = fc
  .tuple(
    fc.tuple(
      ...KEYS.map((key) =>
        fc.oneof(
          { weight: 20 - PRESENCE[key], arbitrary: fc.constant(null) },
          {
            weight: PRESENCE[key],
            arbitrary: fc.tuple(keyCasing(key), VALUES[key].good).map(([cased, value]) => ({ key: cased, value })),
          },
        ),
      ),
    ),
    fc.shuffledSubarray([...KEYS.keys()], { minLength: KEYS.length, maxLength: KEYS.length }),
  )
  .map(([values, order]): FrontMatter => ({
    kind: "yaml",
    entries: order
      .map((index) => values[index])
      .filter((entry): entry is { key: string; value: Y } => entry !== null && entry !== undefined),
  }));

const pelicanPostArb: fc.Arbitrary<FrontMatter> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...KEYS).chain(keyCasing), pelicanValueArb), {
    maxLength: 6,
    selector: ([key]) => key.toLowerCase(),
  })
  .chain((entries) =>
    // Pelican (Python-Markdown) takes a key after up to three spaces.
    fc
      .array(fc.constantFrom(0, 0, 0, 1, 2, 3), { minLength: entries.length, maxLength: entries.length })
      .map((indents): FrontMatter => ({
        kind: "pelican",
        entries: entries.map(([key, value], index) => ({ key, value, indent: indents[index]! })),
      })),
  );

// prettier-ignore
const OWN_PERMALINKS = ["/own/a/", "/own/b.html", "own/c/", "/own/Ли/", `../${ESCAPE_NAME}.html`, `/../../${ESCAPE_NAME}/`, `own/../../${ESCAPE_NAME}.html`];

/**
 * A post with Eleventy's own `permalink` (sometimes above the output folder), sometimes also kept out of
 * collections: written there unless it is a draft or `Render: never`, refused when it would leave the output.
 */
const ownPermalinkArb: fc.Arbitrary<Array<{ key: string; value: Y }>> = fc
  .tuple(fc.constantFrom(...OWN_PERMALINKS), fc.boolean())
  .map(([permalink, excluded]) => [
    { key: "permalink", value: { t: "str", s: permalink, style: "plain" } },
    ...(excluded ? [{ key: "eleventyExcludeFromCollections", value: raw("true", true) }] : []),
  ]);

const yamlWithOwnPermalinkArb: fc.Arbitrary<FrontMatter> = fc
  .tuple(yamlPostArb, ownPermalinkArb)
  .map(([frontMatter, own]) => ({
    kind: "yaml",
    entries: [...(frontMatter as { entries: Array<{ key: string; value: Y }> }).entries, ...own],
  }));

/** Front matter the README accepts: YAML in any casing, Pelican's header, or none. */
const frontMatterArb: fc.Arbitrary<FrontMatter> = fc.oneof(
  { weight: 16, arbitrary: yamlPostArb },
  { weight: 2, arbitrary: yamlWithOwnPermalinkArb },
  { weight: 2, arbitrary: pelicanPostArb },
  { weight: 1, arbitrary: fc.constant<FrontMatter>({ kind: "none" }) },
);

/** One thing wrong with one post: a value the README refuses, a key in two casings, a key twice in a Pelican header, broken YAML. */
type Defect =
  | { kind: "value"; post: number; key: Key; casing: string; value: Y }
  | { kind: "casing"; post: number; entry: number; value: Y }
  | { kind: "pelican-twice"; post: number; entry: number }
  | { kind: "yaml"; post: number; text: string }
  | { kind: "bomb"; post: number; key: Key; casing: string; text: string };

/** The billion laughs, nine levels of nine, written inside one value; and a value that contains itself. */
const BOMBS = [
  `[&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"], ${"bcdefghi"
    .split("")
    .map((name, index) => `&${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(",")}]`)
    .join(", ")}]`,
  "&self [x, *self]",
];

const defectArb: fc.Arbitrary<Defect> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...KEYS).chain((key) =>
      fc.record({
        kind: fc.constant("value" as const),
        post: fc.nat(),
        key: fc.constant(key),
        casing: keyCasing(key),
        value: VALUES[key].bad,
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("casing" as const),
      post: fc.nat(),
      entry: fc.nat(),
      value: str(nameArb),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pelican-twice" as const), post: fc.nat(), entry: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("yaml" as const), post: fc.nat(), text: fc.constantFrom(...BROKEN_YAML) }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...KEYS).chain((key) =>
      fc.record({
        kind: fc.constant("bomb" as const),
        post: fc.nat(),
        key: fc.constant(key),
        casing: keyCasing(key),
        text: fc.constantFrom(...BOMBS),
      }),
    ),
  },
);

/** YAML entries of any front matter: a Pelican header's values are strings, which YAML writes as strings. */
function asYamlEntries(frontMatter: FrontMatter): Array<{ key: string; value: Y }> {
  if (frontMatter.kind === "yaml") return [...frontMatter.entries];
  if (frontMatter.kind === "pelican") {
    // A key given twice (an earlier defect) cannot be YAML; the first stays.
    const entries = frontMatter.entries.filter(
      ({ key }, index) => frontMatter.entries.findIndex((entry) => entry.key === key) === index,
    );
    return entries.map(({ key, value }) => ({ key, value: { t: "str", s: value, style: "double" } }));
  }
  return [];
}

function applyDefect(posts: PostSpec[], defect: Defect): PostSpec[] {
  const index = defect.post % posts.length;
  const post = posts[index]!;
  let frontMatter: FrontMatter = post.frontMatter;
  switch (defect.kind) {
    case "value": {
      const entries = asYamlEntries(frontMatter);
      const at = entries.findIndex((entry) => entry.key.toLowerCase() === defect.key.toLowerCase());
      if (at === -1) entries.push({ key: defect.casing, value: defect.value });
      else entries[at] = { key: entries[at]!.key, value: defect.value };
      frontMatter = { kind: "yaml", entries };
      break;
    }
    case "casing": {
      const entries = asYamlEntries(frontMatter);
      if (entries.length === 0) return posts;
      const original = entries[defect.entry % entries.length]!;
      entries.splice((defect.entry % entries.length) + 1, 0, { key: otherCasing(original.key), value: defect.value });
      frontMatter = { kind: "yaml", entries };
      break;
    }
    case "pelican-twice": {
      if (frontMatter.kind !== "pelican" || frontMatter.entries.length === 0) return posts;
      const entries = [...frontMatter.entries];
      entries.push(entries[defect.entry % entries.length]!);
      frontMatter = { kind: "pelican", entries };
      break;
    }
    case "yaml":
      frontMatter = { kind: "broken", text: defect.text };
      break;
    case "bomb": {
      const entries = asYamlEntries(frontMatter).filter(({ key }) => key.toLowerCase() !== defect.key.toLowerCase());
      const rest = frontMatterText({ kind: "yaml", entries })!;
      frontMatter = { kind: "text", text: `${rest === "" ? "" : `${rest}\n`}${defect.casing}: ${defect.text}` };
      break;
    }
  }
  return posts.map((other, at) => (at === index ? { ...other, frontMatter } : other));
}

/** Where a post lives: `posts/`, a folder (a category with categoryFromFolder), a date prefix (valid or not), an extension. */
const filePartsArb = fc.tuple(
  fc.constantFrom("", "", "IT/", "Личное/", "a/b/"),
  fc.constantFrom("", "", "2015-07-29-", "2016-02-29-", "2015-02-30-", "1999-12-31-"),
  fc.constantFrom("p", "Заметка-", "post_"),
  fc.constantFrom(".md", ".md", ".markdown"),
);

export const optionsArb: fc.Arbitrary<BlogOptions> = fc.record({
  slugStyle: fc.constantFrom("translit", "unicode", "pelican"),
  permalink: fc.constantFrom(
    "/posts/:slug/",
    "/posts/:slug/",
    "/post/:year/:month/:day/:slug/",
    "{category}/{slug}.html",
  ),
  termPageSize: fc.constantFrom(1, 2, 20),
  categoryFromFolder: fc.boolean(),
  timezone: fc.constantFrom("Europe/Moscow", "Europe/Moscow", "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"),
  siteUrl: fc.constantFrom("https://example.ru", "https://example.ru/blog/", "https://пример.рф/блог"),
});

/** Most posts are UTF-8; some are in an encoding old Russian blogs have (written so where it can write the post). */
const encodingArb = fc.option(fc.constantFrom<FileEncoding>("windows-1251", "koi8-r", "utf-16le", "utf-16be"), {
  freq: 8,
});

/** 2–5 posts of valid front matter; in about two blogs of five, one or two defects the README says stop the build. */
export const anyBlogArb: fc.Arbitrary<BlogSpec> = fc
  .record({
    options: optionsArb,
    posts: fc.array(fc.tuple(filePartsArb, frontMatterArb, encodingArb), { minLength: 2, maxLength: 5 }),
    defects: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Defect[]>([]) },
      { weight: 2, arbitrary: fc.array(defectArb, { minLength: 1, maxLength: 2 }) },
    ),
  })
  .map(({ options, posts, defects }) => ({
    options,
    posts: defects.reduce<PostSpec[]>(
      applyDefect,
      posts.map(([[folder, date, stem, extension], frontMatter, encoding], index): PostSpec => ({
        file: `posts/${folder}${date}${stem}${index}${extension}`,
        frontMatter,
        ...(encoding === null ? {} : { encoding }),
      })),
    ),
  }));

// ---------------------------------------------------------------------------------------------------------------
// The oracle: what the README says each post becomes
// ---------------------------------------------------------------------------------------------------------------

export interface ExpectedPost {
  file: string;
  index: number;
  /** Keys (as written) whose value the README says stops the build; `null` for the whole file (bad YAML). */
  errors: Array<string | null>;
  draft: boolean;
  render: boolean;
  listing: "always" | "local" | "never";
  tags: string[];
  categories: string[];
  /** For a written post with a `Url` or its own `permalink`: the file it must be written to, in the output folder. */
  urlFile?: string;
  /** `eleventyExcludeFromCollections: true`: written (with its own permalink) but in no collection, term or feed. */
  excluded: boolean;
}

/** README: "Tags that differ only in case or surrounding spaces are one term" (and Unicode normalisation). */
export const termKey = (name: string) => name.trim().replace(/\s+/g, " ").normalize("NFC").toLocaleLowerCase("ru");

/** A list of names: a YAML list, `a, b` (unless `split` is off: Category), one number; `undefined` when not a list of names. */
function names(value: unknown, split: boolean): string[] | undefined {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value) ? value : typeof value === "string" && split ? value.split(",") : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === "number") out.push(String(item));
    else if (typeof item === "string") {
      const name = item.trim().replace(/\s+/g, " ");
      if (name) out.push(name);
    } else if (item !== null && item !== undefined) return undefined;
  }
  return out;
}

function text(value: unknown): { ok: boolean; text?: string } {
  if (value === undefined || value === null) return { ok: true };
  if (typeof value === "string") return { ok: true, text: value.trim() };
  if (typeof value === "number" || typeof value === "boolean") return { ok: true, text: String(value) };
  return { ok: false };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * README's date forms, and only real dates and times: no 30 February, no hour 24, no minute 60, no offset +24:00,
 * and a year from 1 to 9999 in the site's zone (what RFC 3339 and Atom can write).
 */
function realDate(value: string, zone: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!)) return false;
  if (!(hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHour! <= 23 && offsetMinute! <= 59)) return false;
  const inZone = DateTime.fromISO(value.replace(" ", "T"), { zone, setZone: true }).setZone(zone).year;
  return inZone >= 1 && inZone <= 9999;
}

/** `{ ok, present }`: a Date value that is fine, and whether it gives a date. */
function date(value: unknown, zone: string): { ok: boolean; present: boolean } {
  if (value === undefined || value === null) return { ok: true, present: false };
  if (typeof value !== "string") return { ok: false, present: false };
  const trimmed = value.trim();
  if (trimmed === "") return { ok: true, present: false };
  return { ok: realDate(trimmed, zone), present: true };
}

/** README, Permalinks: what a `Url`, `Slug` or alias may not be. */
function sitePathOk(value: string): boolean {
  // docs/permalinks.md: C0 and C1 controls (U+0085 among them) and bidirectional formatting characters.
  if (
    /[\p{Cc}\p{Bidi_Control}\\]/u.test(value) ||
    /^[a-z][a-z0-9+.-]*:/i.test(value) ||
    value.startsWith("//") ||
    /[?#]/.test(value)
  )
    return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  // README: no `.` or `..` part, no hidden (leading-dot) part, no part over 255 bytes, no escaped ?, # or %.
  return (
    !/[\p{Cc}\p{Bidi_Control}\\?#%]/u.test(decoded) &&
    !decoded.split("/").some((segment) => segment.startsWith(".") || Buffer.byteLength(segment) > 255)
  );
}

/**
 * README: `it/x` → `it/x/index.html`; a path ending in an extension (`x.html`) is that file. Percent-escapes are
 * decoded, as a static server decodes the percent-encoded links the plugin writes: `%D0%9B` is the folder `Л`.
 */
export function urlFile(url: string): string {
  const trimmed = url.replace(/^\/+/, "");
  if (trimmed === "") return "index.html";
  const file = /\.[a-z0-9]+$/i.test(trimmed) ? trimmed : `${trimmed.replace(/\/+$/, "")}/index.html`;
  return path.posix.normalize(file.split("/").map(decodeURIComponent).join("/"));
}

function fileDate(file: string, zone: string): boolean {
  const prefix = /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.posix.basename(file))?.[1];
  return prefix !== undefined && realDate(prefix, zone);
}

/** Whether the post's own Date (valid, not empty) gives its date. */
function dateGiven(post: PostSpec, zone: string): boolean {
  const entry = Object.entries(frontMatterData(post).data).find(([key]) => key.toLowerCase() === "date");
  return entry !== undefined && date(entry[1], zone).ok && date(entry[1], zone).present;
}

function frontMatterData(post: PostSpec): { data: Record<string, unknown>; errors: Array<string | null> } {
  const fm = post.frontMatter;
  if (fm.kind === "none") return { data: {}, errors: [] };
  if (fm.kind === "broken") return { data: {}, errors: [null] };
  if (fm.kind === "text") {
    let parsed: unknown;
    try {
      parsed = fm.text.trim() === "" ? {} : load(fm.text, { schema: CORE_SCHEMA });
    } catch {
      return { data: {}, errors: [null] };
    }
    if (parsed === null || parsed === undefined) return { data: {}, errors: [] };
    if (typeof parsed !== "object" || Array.isArray(parsed)) return { data: {}, errors: [null] };
    return { data: { ...(parsed as Record<string, unknown>) }, errors: [] };
  }
  const errors: Array<string | null> = [];
  const data: Record<string, unknown> = {};
  for (const { key, value } of fm.entries as Array<{ key: string; value: Y | string }>) {
    if (fm.kind === "pelican" && Object.hasOwn(data, key)) errors.push(null); // README: `the key "Title" is given twice`
    // README: a file with NUL bytes in UTF-8 text is refused naming the file (YAML writes a NUL escaped).
    if (typeof value === "string" && value.includes("\u0000")) errors.push(null);
    data[key] = typeof value === "string" ? value.trim() : yamlValue(value);
  }
  return { data, errors };
}

/** The keys the plugin reads (README, Writing posts); others are the site's own. */
const OWNED_KEYS = new Set([...KEYS.map((key) => key.toLowerCase()), "author", "authors", "aliases"]);

export function expectPost(post: PostSpec, index: number, options: BlogOptions): ExpectedPost {
  const { data, errors } = frontMatterData(post);
  const byKey = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(data)) {
    const canonical = key.toLowerCase();
    if (!OWNED_KEYS.has(canonical)) continue;
    if (byKey.has(canonical))
      errors.push(key); // README: two spellings of one key are an error
    else byKey.set(canonical, { key, value });
  }
  const get = (key: string) => byKey.get(key.toLowerCase());
  const refuse = (key: string) => errors.push(get(key)!.key);

  if (get("title") && !text(get("title")!.value).ok) refuse("title");
  if (get("summary") && !text(get("summary")!.value).ok) refuse("summary");
  const dated = get("date") ? date(get("date")!.value, options.timezone) : { ok: true, present: false };
  if (!dated.ok) refuse("date");
  // README: without a Date, a YYYY-MM-DD- file-name prefix is the date; an impossible one stops the build.
  const prefix = /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.posix.basename(post.file))?.[1];
  if (dated.ok && !dated.present && prefix !== undefined && !realDate(prefix, options.timezone)) errors.push("Date");
  if (get("modified") && !date(get("modified")!.value, options.timezone).ok) refuse("modified");

  const tags = names(get("tags")?.value, true);
  if (!tags) refuse("tags");
  const category = names(get("category")?.value, false);
  if (!category) refuse("category");
  const categoryList = names(get("categories")?.value, true);
  if (!categoryList) refuse("categories");
  let categories = [...(category ?? []), ...(categoryList ?? [])];
  if (categories.length === 0 && options.categoryFromFolder) {
    const folder = path.posix.dirname(post.file);
    categories = [folder === "posts" ? "misc" : path.posix.basename(folder)];
  }

  let url: string | undefined;
  for (const key of ["slug", "url"]) {
    const entry = get(key);
    if (!entry) continue;
    const value = text(entry.value);
    if (!value.ok) refuse(key);
    else if (value.text !== undefined && value.text !== "" && !sitePathOk(value.text)) refuse(key);
    else if (key === "url" && value.text !== undefined && value.text !== "") url = value.text;
  }

  let status = "published";
  const statusEntry = get("status");
  if (statusEntry) {
    const value = text(statusEntry.value);
    if (!value.ok) refuse("status");
    // README: an empty value means the key is not given.
    else if (value.text !== undefined && value.text !== "") {
      status = value.text.toLowerCase();
    }
  }
  // README: a Status other than published, draft or hidden is left out with a warning, as Pelican skips it; so is a
  // post with neither a title nor a date. Either is left out as a draft is.
  const unknownStatus = !["published", "draft", "hidden"].includes(status);
  const titleValue = get("title")?.value;
  const untitledUndated =
    (titleValue === undefined || titleValue === null) && !dated.present && !fileDate(post.file, options.timezone);
  let draft = status === "draft" || unknownStatus || untitledUndated;
  const draftEntry = get("draft");
  if (draftEntry && draftEntry.value !== null && draftEntry.value !== "") {
    const value = draftEntry.value;
    if (typeof value === "boolean") draft ||= value;
    else if (typeof value === "string" && /^(true|false|yes|no)$/i.test(value.trim()))
      draft ||= /^(true|yes)$/i.test(value.trim());
    else refuse("draft");
  }
  let listing: ExpectedPost["listing"] = "always";
  let render = true;
  const buildEntry = get("build");
  if (buildEntry && buildEntry.value !== null && buildEntry.value !== "") {
    const value = buildEntry.value;
    if (typeof value !== "object" || Array.isArray(value)) refuse("build");
    else {
      for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
        const word = typeof raw === "boolean" ? (raw ? "always" : "never") : String(raw).toLowerCase();
        const name = key.toLowerCase();
        // README: a key or value Hugo does not know is ignored with a warning; `Render: link` writes no page.
        if (name === "list" && ["always", "local", "never"].includes(word)) listing = word as ExpectedPost["listing"];
        else if (name === "render" && ["always", "never", "link"].includes(word)) render = word === "always";
      }
    }
  }
  if (status === "hidden") listing = "never";
  const written = render && !draft;
  // Eleventy's own keys, exactly as spelled: README, a draft or Render: never post is never written whatever
  // permalink it has; any other page landing outside the output folder stops the build naming the key permalink.
  const own = typeof data.permalink === "string" ? data.permalink : undefined;
  const excluded = data.eleventyExcludeFromCollections === true;
  if (written && own !== undefined && urlFile(own).startsWith("../")) errors.push("permalink");
  if (
    written &&
    own === undefined &&
    url === undefined &&
    /:(year|month|day)\b|\{date:/.test(options.permalink) &&
    !dated.present &&
    !fileDate(post.file, options.timezone)
  ) {
    errors.push("permalink"); // README: the permalink pattern "…" uses the date, and the post has none
  }
  return {
    file: post.file,
    index,
    errors,
    draft,
    render,
    listing,
    tags: tags ?? [],
    categories,
    excluded,
    ...(written && (own ?? url) !== undefined ? { urlFile: urlFile((own ?? url)!) } : {}),
  };
}

export interface ExpectedBlog {
  posts: ExpectedPost[];
  /** Every (file, key) the build may name in its error; empty when the front matter is fine. */
  errors: Array<{ file: string; key: string | null }>;
  /** Output files two posts' `Url`s (or a `Url` and a page every site has) both claim: the build must stop naming both. */
  clashes: string[];
}

export function expectBlog(blog: BlogSpec): ExpectedBlog {
  const posts = blog.posts.map((post, index) => expectPost(post, index, blog.options));
  const errors = posts.flatMap((post) => post.errors.map((key) => ({ file: post.file, key })));
  const claimed = new Map<string, number>(FIXED_OUTPUT.map((file) => [file, 1]));
  for (const post of posts) if (post.urlFile) claimed.set(post.urlFile, (claimed.get(post.urlFile) ?? 0) + 1);
  const clashes = [...claimed].filter(([, count]) => count > 1).map(([file]) => file);
  return { posts, errors, clashes };
}

// ---------------------------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------------------------

export interface BuildResult {
  root: string;
  output: string;
  error: unknown;
  /** Everything Eleventy and the plugin printed, one entry per console call. */
  console: string[];
}

/**
 * Builds the blog in a fresh folder under test-output/sites (as test/helpers/site.ts does), returning its root
 * whether or not the build succeeds, with everything printed to the console captured.
 */
export async function buildBlog(blog: BlogSpec): Promise<BuildResult> {
  const files = blogFiles(blog);
  const parent = path.join(process.cwd(), "test-output", "sites");
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(path.join(parent, "fuzz-"));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, "src", file)), { recursive: true });
    await writeFile(path.join(root, "src", file), content);
  }
  const output = path.join(root, "_site");
  const printed: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods)
    console[method] = (...args: unknown[]) =>
      void printed.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? String(arg)) : String(arg))).join(" "));
  let error: unknown;
  try {
    const { eleventy } = siteEleventy(root, (eleventyConfig) =>
      eleventyConfig.addPlugin(ruBlog, pluginOptions(blog.options)),
    );
    await eleventy.write();
  } catch (caught) {
    error = caught;
  } finally {
    methods.forEach((method, index) => (console[method] = originals[index]!));
  }
  return { root, output, error, console: printed };
}

export const removeBlog = (result: BuildResult) => rm(result.root, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------------

async function walk(folder: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) found.push(...(await walk(path.join(folder, entry.name), `${relative}/`)));
    else found.push(relative);
  }
  return found;
}

/** A line of a stack trace, as Node prints it or as Eleventy's logger prefixes it (`[11ty]`, `[buildawesome]`). */
const STACK_FRAME = /^(?:\[[\w-]+\])?\s+at .*:\d+:\d+\)?$/m;
const FILE_KEY_ERROR = /^\[ru-blog\] (posts\/[^ ]+\.(?:md|markdown))(?:, key "([^"]+)")?: \S/;
/** Two pages at one URL; what moves each is named (`the option tagPages`) where a post's Url or Slug is not the cause. */
const CLASH_ERROR =
  /^\[ru-blog\] (.+) and (.+) both claim the URL (.+); change (?:the Url or Slug of one of them|.+ or (?:the option \S+|the Url or Slug of \S+|the permalink of \S+))\.$/;

/** What must hold whatever the outcome: nothing beside `src/` and `_site/`, nothing above the site, no stack trace. */
async function checkContained(result: BuildResult, blog: BlogSpec, problems: string[]): Promise<void> {
  const top = (await readdir(result.root)).sort();
  if (top.some((name) => name !== "_site" && name !== "src"))
    problems.push(`the site's folder holds more than src/ and _site/: ${JSON.stringify(top)}`);
  const sources = (await walk(path.join(result.root, "src"))).sort();
  const expected = Object.keys(blogFiles(blog)).sort();
  if (!isDeepStrictEqual(sources, expected)) problems.push(`src/ changed: ${JSON.stringify(sources)}`);
  for (let folder = path.dirname(result.root), depth = 0; depth < 3; folder = path.dirname(folder), depth++) {
    const escaped = (await readdir(folder)).filter((name) => name.startsWith(ESCAPE_NAME));
    if (escaped.length > 0) problems.push(`written outside the output folder: ${path.join(folder, escaped[0]!)}`);
  }
  for (const line of result.console) {
    if (STACK_FRAME.test(line)) problems.push(`a stack trace was printed: ${line.slice(0, 2000)}`);
  }
}

export type Outcome = { kind: "built"; warnings: number } | { kind: "refused"; message: string };

/**
 * Checks one build against the oracle; returns the outcome, or throws an Error listing every property that does
 * not hold.
 */
export async function checkBuild(blog: BlogSpec, result: BuildResult): Promise<Outcome> {
  const expected = expectBlog(blog);
  const problems: string[] = [];
  await checkContained(result, blog, problems);
  let outcome: Outcome;
  if (result.error === undefined) {
    if (expected.errors.length > 0)
      problems.push(`the build succeeded, but it must stop naming one of ${JSON.stringify(expected.errors)}`);
    if (expected.clashes.length > 0)
      problems.push(`the build succeeded, but two pages claim ${JSON.stringify(expected.clashes)}`);
    const warnings = await checkSite(blog, expected, result, problems);
    outcome = { kind: "built", warnings };
  } else {
    const message = checkError(expected, result, problems);
    outcome = { kind: "refused", message };
  }
  if (problems.length > 0) throw new Error(compact(problems.join("\n")));
  return outcome;
}

function checkError(expected: ExpectedBlog, result: BuildResult, problems: string[]): string {
  const own = pluginError(result.error);
  if (!own) {
    const error = result.error as Error | undefined;
    problems.push(
      `the build failed with an error that is not the plugin's: ${String(error?.stack ?? error).slice(0, 3000)}`,
    );
    return "";
  }
  const message = own.message;
  if (own.skipOriginalStack !== true)
    problems.push("the plugin's error does not set skipOriginalStack, so Eleventy prints a stack trace");
  if (/[\n\r]/.test(message)) problems.push(`the message is more than one line: ${JSON.stringify(message)}`);
  const fileKey = FILE_KEY_ERROR.exec(message);
  const clash = CLASH_ERROR.exec(message);
  if (expected.errors.length > 0) {
    if (!fileKey) problems.push(`the message does not name a file and a key: ${JSON.stringify(message)}`);
    else {
      const [, file, key = null] = fileKey;
      if (!expected.errors.some((error) => error.file === file && error.key === key)) {
        problems.push(
          `the message names ${file}${key === null ? "" : `, key ${key}`}; expected one of ${JSON.stringify(expected.errors)}: ${JSON.stringify(message)}`,
        );
      }
    }
  } else if (!clash) {
    problems.push(
      `the front matter is valid, so the only error allowed is two pages claiming one URL; got ${JSON.stringify(message)}`,
    );
  } else if (!/posts\//.test(`${clash[1]} ${clash[2]}`)) {
    problems.push(`the clash names no post: ${JSON.stringify(message)}`);
  }
  return message;
}

interface DumpedTerm {
  name: string;
  slug: string;
  url: string;
  feedUrl: string;
  count: number;
  posts: string[];
}

/** `./test-output/sites/fuzz-x/src/posts/a.md` → `posts/a.md`. */
const inputFile = (inputPath: string) => inputPath.slice(inputPath.indexOf("/src/") + 5);

const ATOM_SCHEMA = readFileSync(new URL("../schemas/atom.rng", import.meta.url), "utf8");

/** RFC 4287's RELAX NG schema over every feed at once (one libxml2 run per site: a run costs ~0.2 s). */
async function validateFeeds(feeds: Array<{ file: string; xml: string }>): Promise<string | undefined> {
  if (feeds.length === 0) return undefined;
  const result = await validateXML({
    xml: feeds.map((feed, index) => ({ fileName: `feed${index}.xml`, contents: feed.xml })),
    schema: [{ fileName: "atom.rng", contents: ATOM_SCHEMA }],
    extension: "relaxng",
  });
  if (result.valid) return undefined;
  return result.errors
    .map((error) => {
      const index = Number(/^feed(\d+)\.xml/.exec(error.rawMessage)?.[1]);
      return `${feeds[index]?.file ?? "?"}: ${error.rawMessage}`;
    })
    .join("\n");
}

async function checkSite(
  blog: BlogSpec,
  expected: ExpectedBlog,
  result: BuildResult,
  problems: string[],
): Promise<number> {
  const files = (await walk(result.output)).sort();
  const content = new Map<string, string>();
  for (const file of files) {
    if ((await lstat(path.join(result.output, file))).isSymbolicLink()) problems.push(`${file} is a symbolic link`);
    content.set(file, await readFile(path.join(result.output, file), "utf8"));
  }
  const json = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(content.get(file) ?? "") as T;
    } catch {
      problems.push(`${file} is missing or not JSON`);
      return undefined;
    }
  };
  const all = json<Array<{ inputPath: string; url: string | false; outputPath: string | false }>>("all.json") ?? [];
  const listed = json<Array<{ inputPath: string; url: string | false }>>("list.json") ?? [];
  const terms = json<{ tags: DumpedTerm[]; categories: DumpedTerm[] }>("terms.json") ?? { tags: [], categories: [] };
  const expectedFiles = new Set(FIXED_OUTPUT);
  /** Per output file, the posts whose text it must contain. */
  const mustContain = new Map<string, Set<number>>();
  const byFile = new Map(expected.posts.map((post) => [post.file, post]));

  // (2) every post written exactly once, inside the output folder; listed ones in collections.posts, exactly once.
  const allPosts = all.filter((item) => inputFile(item.inputPath).startsWith("posts/"));
  for (const post of expected.posts) {
    const items = allPosts.filter((item) => inputFile(item.inputPath) === post.file);
    const written = post.render && !post.draft;
    if (post.draft || post.excluded) {
      if (items.length > 0) problems.push(`${post.file} is a draft or excluded but in collections.all`);
      // An excluded post is written at its own permalink all the same (the generator gives it one).
      if (written && post.urlFile !== undefined) {
        expectedFiles.add(post.urlFile);
        mustContain.set(post.urlFile, new Set([post.index]));
      }
      continue;
    }
    if (items.length !== 1) {
      problems.push(`${post.file} is in collections.all ${items.length} times`);
      continue;
    }
    const item = items[0]!;
    if (!written) {
      if (item.url !== false) problems.push(`${post.file} has Render: never but the URL ${String(item.url)}`);
      continue;
    }
    if (typeof item.url !== "string" || typeof item.outputPath !== "string") {
      problems.push(`${post.file} is not written (url ${String(item.url)})`);
      continue;
    }
    const relative = path.relative(result.output, path.resolve(item.outputPath)).split(path.sep).join("/");
    if (relative === ".." || relative.startsWith("../") || path.isAbsolute(relative)) {
      problems.push(`${post.file} is written outside the output folder: ${item.outputPath}`);
      continue;
    }
    if (post.urlFile !== undefined && post.urlFile !== relative)
      problems.push(`${post.file}: its Url should write ${post.urlFile}, not ${relative}`);
    expectedFiles.add(relative);
    mustContain.set(relative, new Set([post.index]));
  }
  const listedFiles = listed.map((item) => inputFile(item.inputPath)).sort();
  const shouldList = expected.posts
    .filter((post) => !post.draft && !post.excluded && post.listing === "always")
    .map((post) => post.file)
    .sort();
  if (!isDeepStrictEqual(listedFiles, shouldList))
    problems.push(`collections.posts is ${JSON.stringify(listedFiles)}, expected ${JSON.stringify(shouldList)}`);
  for (const item of listed) {
    const post = byFile.get(inputFile(item.inputPath));
    if (post && (item.url === false) !== !post.render)
      problems.push(`collections.posts gives ${post.file} the URL ${String(item.url)}`);
  }

  // (3) term pages 1..n and term feeds hold exactly the term's posts.
  const siteFeedPosts = expected.posts
    .filter((post) => !post.draft && !post.excluded && post.listing === "always" && post.render)
    .map((post) => post.index);
  mustContain.set("feed.xml", new Set(siteFeedPosts));
  const feedEntries = new Map<string, number>([["feed.xml", siteFeedPosts.length]]);
  const termUrls = new Set<string>();
  for (const kind of ["tags", "categories"] as const) {
    const want = new Map<string, Set<string>>();
    for (const post of expected.posts) {
      if (post.draft || post.excluded || post.listing === "never") continue;
      for (const name of kind === "tags" ? post.tags : post.categories) {
        const key = termKey(name);
        if (!want.has(key)) want.set(key, new Set());
        want.get(key)!.add(post.file);
      }
    }
    const got = terms[kind];
    const gotKeys = got.map((term) => termKey(term.name)).sort();
    if (!isDeepStrictEqual(gotKeys, [...want.keys()].sort())) {
      problems.push(
        `${kind}: the terms are ${JSON.stringify(got.map((term) => term.name))}, expected ${JSON.stringify([...want.keys()])}`,
      );
    }
    for (const field of ["slug", "url", "feedUrl"] as const) {
      const values = got.map((term) => term[field]);
      if (new Set(values).size !== values.length)
        problems.push(`${kind}: two terms share a ${field}: ${JSON.stringify(values)}`);
    }
    for (const term of got) {
      const posts = term.posts.map(inputFile);
      const wanted = [...(want.get(termKey(term.name)) ?? [])].sort();
      if (!isDeepStrictEqual([...posts].sort(), wanted))
        problems.push(
          `${kind} ${JSON.stringify(term.name)} lists ${JSON.stringify(posts)}, expected ${JSON.stringify(wanted)}`,
        );
      if (term.count !== posts.length)
        problems.push(`${kind} ${JSON.stringify(term.name)} has count ${term.count} for ${posts.length} posts`);
      if (typeof term.url !== "string" || !term.url.endsWith("/")) {
        problems.push(`${kind} ${JSON.stringify(term.name)} has the URL ${String(term.url)}`);
        continue;
      }
      termUrls.add(term.url);
      const pages = Math.max(1, Math.ceil(posts.length / blog.options.termPageSize));
      const shown: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const file = `${term.url.replace(/^\//, "")}${page === 1 ? "" : `page/${page}/`}index.html`;
        expectedFiles.add(file);
        const html = content.get(file);
        if (html === undefined) {
          problems.push(`page ${page} of ${kind} ${JSON.stringify(term.name)} is not at ${file}`);
          continue;
        }
        if (!html.includes(`<p class="page">${page}/${pages}</p>`))
          problems.push(`${file} is not page ${page} of ${pages}`);
        for (const match of html.matchAll(/data-input="([^"]*)"/g))
          shown.push(inputFile(match[1]!.replace(/&amp;/g, "&")));
      }
      if (!isDeepStrictEqual(shown, posts))
        problems.push(
          `the pages of ${kind} ${JSON.stringify(term.name)} show ${JSON.stringify(shown)}, not ${JSON.stringify(posts)}`,
        );
      const feed = term.feedUrl.replace(/^\//, "");
      expectedFiles.add(feed);
      const inFeed = posts
        .map((file) => byFile.get(file))
        .filter((post): post is ExpectedPost => post !== undefined && post.render && !post.draft);
      mustContain.set(feed, new Set(inFeed.map((post) => post.index)));
      feedEntries.set(feed, inFeed.length);
    }
  }

  // Nothing else is written: posts, term pages and feeds, the indexes and the fixed pages, and redirect pages to a
  // term's page (from where Eleventy's slugify, which a site's templates may link with, names the term otherwise).
  const toTermPage = (html: string | undefined) => {
    const target = html === undefined ? undefined : redirectTarget(html);
    return target !== undefined && [...termUrls].some((url) => decodeURI(target).endsWith(url));
  };
  const extra = files.filter((file) => !expectedFiles.has(file) && !toTermPage(content.get(file)));
  const missing = [...expectedFiles].filter((file) => !content.has(file));
  if (extra.length > 0) problems.push(`unexpected output files: ${JSON.stringify(extra)}`);
  if (missing.length > 0) problems.push(`missing output files: ${JSON.stringify(missing)}`);

  // Each post's text is in its own page and in the feeds it belongs to, nowhere else.
  for (const [file, text] of content) {
    if (DUMPS.has(file)) continue;
    const has = new Set(blog.posts.map((_, index) => index).filter((index) => text.includes(marker(index))));
    const wanted = mustContain.get(file) ?? new Set<number>();
    if (!isDeepStrictEqual(has, wanted)) {
      problems.push(
        `${file} holds the text of posts ${JSON.stringify([...has].map((i) => blog.posts[i]!.file))}, expected ${JSON.stringify([...wanted].map((i) => blog.posts[i]!.file))}`,
      );
    }
  }

  // (4) every feed well-formed, valid by RFC 4287 and readable, one entry per post.
  const feeds = [...feedEntries.keys()]
    .filter((file) => content.has(file))
    .map((file) => ({ file, xml: content.get(file)! }));
  const validation = validateFeeds(feeds);
  const site = new URL(blog.options.siteUrl);
  const sitePath = site.pathname.replace(/\/?$/, "/");
  for (const { file, xml } of feeds) {
    let feed: ReturnType<typeof parseFeed>;
    try {
      feed = parseFeed(xml);
    } catch (error) {
      problems.push(`${file} cannot be read as a feed: ${String(error)}`);
      continue;
    }
    const ids = feed.items.map((item) => item.id ?? "");
    if (feedEntries.has(file) && ids.length !== feedEntries.get(file))
      problems.push(`${file} has ${ids.length} entries, expected ${feedEntries.get(file)}`);
    if (new Set(ids).size !== ids.length) problems.push(`${file} has entry ids ${JSON.stringify(ids)}`);
    // Every entry links to its post as a static server finds it: the site's host and path, then the post's file,
    // each segment percent-decoded.
    for (const item of feed.items) {
      const link = item.url ?? item.id ?? "";
      const index = blog.posts.findIndex((_, at) => (item.content ?? "").includes(marker(at)));
      let target: string | undefined;
      try {
        const url = new URL(link);
        if (url.origin === site.origin && url.pathname.startsWith(sitePath)) {
          const rest = url.pathname.slice(sitePath.length).split("/").map(decodeURIComponent).join("/");
          target = rest === "" || rest.endsWith("/") ? `${rest}index.html` : rest;
        }
      } catch {
        target = undefined;
      }
      if (target === undefined || index === -1 || !(content.get(target) ?? "").includes(marker(index))) {
        problems.push(
          `${file}: the entry ${JSON.stringify(link)} (post ${blog.posts[index]?.file ?? "?"}) does not lead to its page; a server would look for ${JSON.stringify(target)}`,
        );
      }
    }
  }
  const invalid = await validation;
  if (invalid) problems.push(`feeds not valid by RFC 4287:\n${invalid}`);

  // (5) markup from front matter never becomes markup in a page.
  for (const [file, text] of content) {
    if (file.endsWith(".html") && /<script/i.test(text))
      problems.push(
        `${file} contains <script: ${text.slice(Math.max(0, text.search(/<script/i) - 80), text.search(/<script/i) + 80)}`,
      );
  }

  // Warnings: the plugin's, each once, one line.
  const warnings = result.console.filter((line) => line.includes("[ru-blog]"));
  for (const line of warnings) {
    if (!line.startsWith("[ru-blog] warning: ") || /[\n\r]/.test(line))
      problems.push(`a malformed warning: ${JSON.stringify(line)}`);
  }
  if (new Set(warnings).size !== warnings.length)
    problems.push(`a warning was printed twice: ${JSON.stringify(warnings)}`);
  return warnings.length;
}
