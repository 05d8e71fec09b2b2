import { closest } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import { dateFromFileName, parseFrontMatterDate } from "./dates.js";
import { describeValue, InvalidValueError, RuBlogError, withPlace, type Irregular, type Warn } from "../errors.js";
import type { PostReading } from "../generators/dialect.js";
import { DIALECTS, dialectOf, type GeneratorName } from "../generators/index.js";
import { dropPrototypeKeys } from "./front-matter-guards.js";
import { checkSitePath, postPermalink, toPermalink } from "../urls/permalinks.js";
import { withoutTitleAndDate, type SkipFacts } from "./skip-rules.js";
import type { PostSlugger } from "../urls/slugs.js";
import { resolveAlias } from "../output/redirects.js";

/** The front-matter keys this package owns, by their canonical (lowercase) name. Every other key is left alone. */
export const OWNED_KEYS = [
  "title",
  "date",
  "modified",
  "tags",
  "category",
  "categories",
  "slug",
  "url",
  "summary",
  "author",
  "authors",
  "status",
  "draft",
  "build",
  "aliases",
] as const;
/** The reading without `from`: the keys above, one date key each, no skip rule but the core's. */
const CORE_DATE_KEYS: PostReading["dateKeys"] = {
  date: ["date"],
  modified: ["modified"],
  publishDate: undefined,
  expiryDate: undefined,
};

function ownedKeysOf(reading: PostReading | undefined): readonly string[] {
  if (!reading) return OWNED_KEYS;
  return [...OWNED_KEYS.filter((key) => !reading.plainKeys.includes(key)), ...reading.extraKeys];
}

/** Why the post is not published: the old generator's reason (its own rules include the core's), or the core's. */
function skipReasonOf(reading: PostReading | undefined, facts: SkipFacts, now: Date): string | undefined {
  return reading ? reading.skipReason(facts, now) : withoutTitleAndDate(facts);
}

/** Hugo's `Build.List`: where a written post is listed. */
export type Listing = "always" | "local" | "never";

/** What the plugin itself needs of a post, kept under `data.ruBlog` so it never clashes with a user's keys. */
export interface PostState {
  isPost: true;
  listing: Listing;
  isDraft: boolean;
  /** The input path as the user sees it, for messages. */
  file: string;
  /** The post's own tag names, including any left out of Eleventy's `tags` for clashing with a collection name. */
  tags: string[];
  categories: string[];
  /** Hugo's `Aliases`: old paths that redirect to the post. */
  aliases: string[];
  /** The day of the post's date in the offset it was written with (`YYYY-MM-DD`), for Pelican's feed entry ids. */
  writtenDay?: string;
  /** The path its old generator makes the feed entry id from, where not from the URL (OwnPost.feedPath). */
  feedPath?: string;
  /** The post's language, set by languages.ts once the front matter is read (`data.lang` is the user's copy). */
  lang?: string;
  /**
   * The post names no language: its `lang` is its layout's, directory's or global data's, and `lang` above only
   * without one (cascadeLanguage, in a preprocessor: once the cascade is complete, before computed data).
   */
  langFromCascade?: boolean;
  /** Marked as a translation (Pelican's `Translation: true`, Hugo's suffix beside a file of the same base name). */
  isTranslation?: boolean;
  /** What Hugo's translations of one post share (`posts/post`), for a post with such a sibling. */
  translationBase?: string;
}

/** Collection names Eleventy or this package already use; a tag of that name gets a term page but no Eleventy collection. */
const RESERVED_COLLECTION_NAMES = new Set(["all", "posts", "taglist", "categorylist"]);

export interface PostContext {
  /** Input path relative to the input directory, e.g. `posts/IT/2015-07-29-coreos.md`. */
  file: string;
  /** Folder name to use as the category when the post names none (`categoryFromFolder`), or undefined. */
  folderCategory: string | undefined;
  timezone: string;
  permalink: string;
  /** Term slugs (`slugStyle`), for `{category}`. */
  slugify: (text: string) => string;
  /** The post's own slug, from its `Slug` or its title. */
  postSlug: PostSlugger;
  postTemplateEngine: string;
  /** Whether a post's tags make Eleventy's own `collections.<tag>` (the `tagCollections` option). */
  tagCollections: boolean;
  /** `eleventy` builds leave drafts out; `--serve` and `--watch` show them. */
  writeDrafts: boolean;
  /** The file's name without a language suffix (`post.en.md` → `post.md`), for a slug made from the file name. */
  fileWithoutLanguage?: string;
  warn: Warn;
  /** The old generator whose reading and skip rules apply (the `from` option). */
  from?: GeneratorName | undefined;
  /** The build's time, for Hugo's `publishDate` and `expiryDate`. @default the time of the call */
  now?: Date;
  /** Why the post's text may still hold front matter that was not read (see unreadFrontMatter). */
  unreadFrontMatter?: string | undefined;
  /** The input folder, where an old generator's own reading finds the blog's config. @default "." */
  inputDir?: string;
  /** Notes what the old generator accepted and the plugin reads under `from` only (one warning a kind). */
  irregular?: Irregular;
}

/** Groups a raw front matter by canonical key; two spellings of one key (`Title` and `title`) are an error. */
function splitOwnedKeys(raw: Record<string, unknown>, file: string, reading: PostReading | undefined) {
  const ownedKeys = ownedKeysOf(reading);
  const owned = new Map<string, { key: string; value: unknown }>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const canonical = key.toLowerCase();
    if (!ownedKeys.includes(canonical)) {
      rest[key] = value;
      continue;
    }
    const earlier = owned.get(canonical);
    if (earlier) {
      throw new RuBlogError(`"${earlier.key}" and "${key}" are the same key in different casing; keep one of them.`, {
        file,
        key,
      });
    }
    owned.set(canonical, { key, value });
  }
  return { owned, rest };
}

/**
 * A list of names from a YAML list or a comma-separated string (`Tags: a, b`). Numbers are read as their text
 * and empty items are dropped, each with a warning; anything else is an error.
 */
function readNameList(value: unknown, key: string, context: PostContext, splitCommas = true): string[] {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value)
    ? value
    : typeof value === "string" && splitCommas
      ? splitNames(value, key, context)
      : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item === "number") {
      context.warn(`${context.file}: ${key}: ${item} is a number; it is read as the name "${item}".`);
      names.push(String(item));
    } else if (typeof item === "string") {
      const name = item.trim().replace(/\s+/g, " ");
      if (name) names.push(name);
      else if (Array.isArray(value)) context.warn(`${context.file}: ${key}: an empty name is dropped.`);
    } else if (item === null || item === undefined) {
      context.warn(`${context.file}: ${key}: an empty name is dropped.`);
    } else {
      throw new RuBlogError(
        `${describeValue(value)} is not a list of names; write \`${key}: [Docker, Мнение]\` or \`${key}: Docker, Мнение\`.`,
        {
          file: context.file,
          key,
        },
      );
    }
  }
  return dedupeCaseInsensitive(names);
}

/** A term name longer than this makes a slug that is cut (see MAX_SLUG_BYTES in slugs.ts). */
const LONG_TERM_NAME = 100;

/** Tag or category names; names a reader would not expect in a URL get a warning saying what becomes of them. */
/**
 * `Docker, Мнение` → two names, or as the old generator split them (Pelican at `;` when there is one, so that a
 * name may hold a comma: `Москва, Россия; Питер`).
 */
function splitNames(value: string, key: string, context: PostContext): string[] {
  const own = context.from === undefined ? undefined : dialectOf(context.from).reading.splitNames?.(value);
  if (!own) return value.split(",");
  context.irregular?.(
    `${key.toLowerCase()} split as ${dialectOf(context.from!).title} splits them (at ";", a "," then stays in a name)`,
    context.file,
  );
  return own;
}

function readTermNames(value: unknown, key: string, context: PostContext, splitCommas = true): string[] {
  const names = readNameList(value, key, context, splitCommas);
  for (const name of names) {
    if (/[/\\]|\.\./.test(name)) {
      context.warn(
        `${context.file}: ${key}: ${describeValue(name)} contains "/", "\\" or ".."; those are left out of its URL.`,
      );
    }
    if (name.length > LONG_TERM_NAME) {
      context.warn(
        `${context.file}: ${key}: ${describeValue(name)} is ${name.length} characters long; its slug, and so its URL, is cut.`,
      );
    }
  }
  return names;
}

function dedupeCaseInsensitive(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const folded = name.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

function readText(entry: { key: string; value: unknown } | undefined, file: string): string | undefined {
  if (!entry || entry.value === undefined || entry.value === null) return undefined;
  if (typeof entry.value === "string") return entry.value.trim();
  if (typeof entry.value === "number" || typeof entry.value === "boolean") return String(entry.value);
  throw new RuBlogError(`${describeValue(entry.value)} is not text.`, { file, key: entry.key });
}

/**
 * A date key's value: with `from`, first as that generator reads a date string (Hugo's Go layouts), then in the
 * plugin's own forms; without it, in the plugin's forms only, and the error for a date a generator would have read
 * names the `from` that reads it.
 */
function readDate(entry: { key: string; value: unknown } | undefined, context: PostContext): DateTime | undefined {
  if (!entry) return undefined;
  const { value } = entry;
  const own = context.from === undefined ? undefined : dialectOf(context.from).reading.ownDates;
  return withPlace({ file: context.file, key: entry.key }, () => {
    const ownReading = own?.first && typeof value === "string" ? own.read(value, context.timezone) : undefined;
    if (ownReading) return ownReading;
    try {
      return parseFrontMatterDate(value, context.timezone);
    } catch (error) {
      if (!(error instanceof InvalidValueError) || typeof value !== "string") throw error;
      return generatorDate(value, context, error);
    }
  });
}

/**
 * A date in a form only the post's old generator read (Pelican's dateutil: `2017-6-14 16:47`, `2014-09-07 - 19:27`),
 * read as it did under `from`; without `from`, the error says which `from` would read it.
 */
function generatorDate(value: string, context: PostContext, error: InvalidValueError): DateTime {
  const own = context.from === undefined ? undefined : dialectOf(context.from).reading.ownDates;
  const date = own?.read(value, context.timezone);
  if (date) {
    context.irregular?.(
      `dates ${own!.name} reads in a form the plugin does not write, read as it did`,
      context.file,
      describeValue(value),
    );
    return date;
  }
  const readersOf = DIALECTS.filter((dialect) => dialect.reading.ownDates?.read(value, context.timezone));
  if (readersOf.length === 0 || context.from) throw error;
  throw new InvalidValueError(
    `${error.message}, or build with ${readersOf.map((dialect) => `from: "${dialect.name}"`).join(" or ")}, which reads it as ${readersOf.length === 1 ? readersOf[0]!.title : "that generator"} did`,
  );
}

/** An empty value (`Draft:`, `Status: ""`) means the key is not given, as for every other key. */
function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function readBoolean(entry: { key: string; value: unknown } | undefined, file: string): boolean {
  if (entry === undefined || isEmptyValue(entry.value)) return false;
  if (typeof entry.value === "boolean") return entry.value;
  if (typeof entry.value === "string" && /^(true|false|yes|no)$/i.test(entry.value.trim()))
    return /^(true|yes)$/i.test(entry.value.trim());
  throw new RuBlogError(`${describeValue(entry.value)} is not true or false.`, { file, key: entry.key });
}

const STATUSES = ["published", "draft", "hidden"] as const;

/**
 * The post's status; one Pelican does not know is `undefined`, and the post is then not published, as Pelican
 * skips it ("Unknown status … skipping it").
 */
function readStatus(
  entry: { key: string; value: unknown } | undefined,
  file: string,
): (typeof STATUSES)[number] | undefined {
  const status = (isEmptyValue(entry?.value) ? undefined : readText(entry, file)?.toLowerCase()) ?? "published";
  return (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : undefined;
}

const BUILD_KEYS = ["List", "Render", "PublishResources"];

/**
 * Hugo's build options: `Build: {List: never|local|always, Render: never|always|link}` (Hugo also takes booleans).
 * A key or value Hugo does not know is ignored with a warning, as Hugo ignores it (its default, `always`, stands).
 */
function readBuild(
  entry: { key: string; value: unknown } | undefined,
  context: PostContext,
): { list: Listing; render: boolean } {
  const { file } = context;
  const build = { list: "always" as Listing, render: true };
  if (entry === undefined || isEmptyValue(entry.value)) return build;
  if (typeof entry.value !== "object" || Array.isArray(entry.value)) {
    throw new RuBlogError(`${describeValue(entry.value)} is not a mapping; write \`Build: {List: local}\`.`, {
      file,
      key: entry.key,
    });
  }
  for (const [key, rawValue] of Object.entries(entry.value as Record<string, unknown>)) {
    const value = typeof rawValue === "boolean" ? (rawValue ? "always" : "never") : String(rawValue).toLowerCase();
    const name = key.toLowerCase();
    if (name === "list" && ["always", "local", "never"].includes(value)) build.list = value as Listing;
    else if (name === "render" && ["always", "never", "link"].includes(value)) build.render = value === "always";
    else if (name === "publishresources") continue;
    else if (name === "list" || name === "render") {
      const allowed = name === "list" ? "always, local or never" : "always, never or link";
      context.warn(
        `${file}: ${entry.key}: ${key}: ${describeValue(rawValue)} is not ${allowed}; it is ignored, as Hugo ignores it, and the post is ${name === "list" ? "listed" : "written"} as by default (always). Write one of ${allowed}.`,
      );
    } else {
      const nearest = closest(
        key.toLowerCase(),
        BUILD_KEYS.map((known) => known.toLowerCase()),
      );
      const suggestion = BUILD_KEYS.find((known) => known.toLowerCase() === nearest)!;
      const spelled =
        key[0] === key[0]?.toLowerCase() ? suggestion[0]!.toLowerCase() + suggestion.slice(1) : suggestion;
      context.warn(
        `${file}: ${entry.key}: ${key} is not a key of ${entry.key}; did you mean ${spelled}? It is ignored, as Hugo ignores it, and the post is built as if it were not there.`,
      );
    }
  }
  return build;
}

function checkedPath(
  entry: { key: string; value: unknown } | undefined,
  value: string | undefined,
  file: string,
): string | undefined {
  if (value === undefined || value === "") return undefined;
  return withPlace({ file, key: entry?.key }, () => checkSitePath(value));
}

function permalinkOf(
  post: {
    url: string | undefined;
    slug: string;
    slugGiven: boolean;
    titleSlug: () => string;
    date: DateTime | undefined;
    categories: string[];
  },
  urlKey: string | undefined,
  context: PostContext,
): string {
  return withPlace({ file: context.file, key: urlKey ?? "permalink" }, () =>
    postPermalink({
      url: post.url,
      pattern: context.permalink,
      slug: post.slug,
      date: post.date,
      categorySlug: post.categories[0] === undefined ? undefined : context.slugify(post.categories[0]),
      // Hugo's :filename is the name without its language suffix (a bundle's index.ru.md is named by its folder).
      file: context.fileWithoutLanguage ?? context.file,
      slugGiven: post.slugGiven,
      ...(/:title\b/.test(context.permalink) ? { titleSlug: post.titleSlug() } : {}),
      urlize: context.postSlug.fromFileName,
      urlizeFilename: context.postSlug.fromSlug,
    }),
  );
}

/** A slug usable as a path segment: not empty, `.` or `..`. */
const isUsableSlug = (slug: string) => slug !== "" && slug !== "." && slug !== "..";

/**
 * The slug a `Slug` gives (trailing slashes dropped). One that comes out empty (`Slug: /`, or emoji alone with
 * `"unicode"`) leaves the title's slug in its place, with a warning.
 */
function slugFromSlugKey(slug: string, key: string, title: string | undefined, context: PostContext): string {
  const made = context.postSlug.fromSlug(slug.replace(/\/+$/, ""));
  if (isUsableSlug(made)) return made;
  context.warn(`${context.file}: ${key}: ${describeValue(slug)} gives an empty slug; the title's is used.`);
  return slugFromTitle(title, context);
}

/** The slug of the title, or, where the title gives none (`🎉`, `..`), of the file name. */
function slugFromTitle(title: string | undefined, context: PostContext): string {
  const fromTitle = context.postSlug.fromTitle(title ?? "");
  return isUsableSlug(fromTitle)
    ? fromTitle
    : context.postSlug.fromTitle(fileStem(context.fileWithoutLanguage ?? context.file));
}

/**
 * The date of a `YYYY-MM-DD-` file-name prefix. An impossible one (`2015-02-30-x.md`) is an error: Eleventy would
 * otherwise read the prefix itself and give the post an invalid date.
 */
function dateFromFileNameOrFail(context: PostContext): DateTime | undefined {
  const date = dateFromFileName(context.file, context.timezone);
  const prefix = /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(context.file.split("/").pop() ?? "")?.[1];
  if (date === undefined && prefix !== undefined) {
    throw new RuBlogError(`the file name starts with ${prefix}, which is not a date; add a Date or rename the file.`, {
      file: context.file,
      key: "Date",
    });
  }
  return date;
}

/** A post without any date takes the file's time from Eleventy, which changes with every checkout. */
function warnUndated(context: PostContext): void {
  context.warn(
    `${context.file}: the post has no Date and no date in its file name, so its date is the file's time, which changes with every checkout and moves its URL and feed entry; add a Date.`,
  );
}

/**
 * What keeps an unpublished post (a draft in a plain build, `Render: never`) from being written, whatever its own
 * `permalink` or its folder's data say: `permalink: false`, also as computed data, which would otherwise win over
 * front matter.
 */
function neverWritten(rest: Record<string, unknown>): Record<string, unknown> {
  const computed = rest.eleventyComputed;
  const ownComputed = typeof computed === "object" && computed !== null && !Array.isArray(computed) ? computed : {};
  return { permalink: false, eleventyComputed: { ...ownComputed, permalink: false } };
}

/**
 * A post's own permalink with a `..` segment is refused here: Eleventy folds `/../../x/` into `/x/` once the site
 * has a URL transform, so the output check would see a harmless URL where the author asked for one outside the site.
 */
function assertPermalinkInside(permalink: unknown, file: string): void {
  if (typeof permalink === "string" && permalink.split(/[\\/]/).includes("..")) {
    throw new RuBlogError(
      `its permalink ${describeValue(permalink)} would write outside the output folder; change it to a path inside the site.`,
      { file, key: "permalink" },
    );
  }
}

function fileStem(file: string): string {
  const base = file.split("/").pop() ?? file;
  return base.replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-?/, "");
}

/**
 * One normalised view of a post's data, whatever the key casing and whichever habits (Pelican's or Hugo's) it was
 * written in: lowercase `title`, `date` (a JS Date, the instant in the site zone), `tags` and the rest, plus the
 * permalink. Keys the package does not own are passed through untouched.
 */
export function normalizePost(raw: Record<string, unknown>, context: PostContext): Record<string, unknown> {
  const { file } = context;
  if (isListPageFile(file)) return listPageData(raw, context);
  const reading = context.from === undefined ? undefined : dialectOf(context.from).reading;
  const { owned, rest } = splitOwnedKeys(dropPrototypeKeys(raw, file, context.warn), file, reading);

  // The old generator's own reading of the post, where the core's rules cannot say what it made of it.
  // The dialect's message names the post.
  const own = withPlace({}, () =>
    reading?.ownPost(raw, {
      file,
      inputDir: context.inputDir ?? ".",
      timezone: context.timezone,
      now: context.now ?? new Date(),
      warn: context.warn,
    }),
  );
  const ownRead = own && own.skipped === undefined ? own : undefined;
  const title = ownRead ? ownRead.title : readText(owned.get("title"), file);
  const firstDate = (keys: readonly string[] | undefined): { key: string; date: DateTime } | undefined => {
    for (const key of keys ?? []) {
      const date = readDate(owned.get(key), context);
      if (date) return { key: owned.get(key)!.key, date };
    }
    return undefined;
  };
  const dateKeys = reading?.dateKeys ?? CORE_DATE_KEYS;
  const date = own ? ownRead?.date : (firstDate(dateKeys.date)?.date ?? dateFromFileNameOrFail(context));
  const modified = firstDate(dateKeys.modified)?.date;
  const publishDate = firstDate(dateKeys.publishDate);
  const expiryDate = firstDate(dateKeys.expiryDate);
  const tags = own
    ? [...(ownRead?.tags ?? [])]
    : readTermNames(owned.get("tags")?.value, owned.get("tags")?.key ?? "Tags", context);
  const named = own
    ? [...(ownRead?.categories ?? [])]
    : [
        ...readTermNames(owned.get("category")?.value, owned.get("category")?.key ?? "Category", context, false),
        ...readTermNames(owned.get("categories")?.value, owned.get("categories")?.key ?? "Categories", context),
      ];
  // An old generator's own terms stay as it has them (Jekyll keeps `Linux` beside `linux`).
  const categories = own
    ? named
    : dedupeCaseInsensitive(named.length ? named : context.folderCategory ? [context.folderCategory] : []);
  const authors = [
    ...readNameList(owned.get("author")?.value, owned.get("author")?.key ?? "Author", context, false),
    ...readNameList(owned.get("authors")?.value, owned.get("authors")?.key ?? "Authors", context),
  ];
  const slugEntry = owned.get("slug");
  const slug = checkedPath(slugEntry, readText(slugEntry, file), file);
  const urlEntry = owned.get("url");
  const url = checkedPath(urlEntry, readText(urlEntry, file), file);
  const aliasesEntry = owned.get("aliases");
  // Hugo resolves an alias without a leading "/" against the page's URL (redirects.ts resolveAlias); checked here at
  // a stand-in URL, kept relative until the page's URL is known. Without it, an alias is from the site's root.
  const aliases = [
    ...readNameList(aliasesEntry?.value, aliasesEntry?.key ?? "Aliases", context, false).map((alias) =>
      reading?.relativeAliases && !alias.startsWith("/")
        ? (checkedPath(aliasesEntry, resolveAlias(alias, "/page/"), file), alias)
        : toPermalink(checkedPath(aliasesEntry, alias, file)!),
    ),
    ...(ownRead?.aliases ?? []).map(toPermalink),
  ];
  const status = readStatus(owned.get("status"), file);
  const draftFlag = readBoolean(owned.get("draft"), file);
  const isDraft = status === "draft" || draftFlag;
  const build = readBuild(owned.get("build"), context);
  // Hugo's headless bundle is neither written nor listed.
  const headless = readBoolean(findKey(raw, "headless"), file);
  const listing: Listing = status === "hidden" || headless ? "never" : build.list;
  const summary = readText(owned.get("summary"), file);

  const skipped =
    own?.skipped ??
    (status === undefined
      ? `${file}: ${owned.get("status")!.key}: ${describeValue(owned.get("status")!.value)} is not a status, so the post is not published, as Pelican skips it ("Unknown status"); write draft, hidden or published.`
      : skipReasonOf(
          reading,
          { file, title, date, isDraft, publishDate, expiryDate, unreadFrontMatter: context.unreadFrontMatter },
          context.now ?? new Date(),
        ));
  if (skipped !== undefined) context.warn(skipped);
  else if (context.unreadFrontMatter) context.warn(`${file}: ${context.unreadFrontMatter}.`);
  const written = skipped === undefined && !headless && build.render && (!isDraft || context.writeDrafts);
  // A post that is not written has no URL or feed entry to move.
  if (written && date === undefined) warnUndated(context);
  const eleventyTags = tags.filter((tag) => {
    if (!RESERVED_COLLECTION_NAMES.has(tag.toLowerCase())) return true;
    context.warn(
      `${file}: ${owned.get("tags")?.key}: "${tag}" is also the name of a collection, so it is left out of Eleventy's collections.${tag}; its tag page and feed are kept.`,
    );
    return false;
  });
  const data: Record<string, unknown> = {
    ...rest,
    tags: eleventyTags,
    categories,
    authors,
    aliases,
    ...(ownedKeysOf(reading).includes("status") ? { status: status ?? "published" } : {}),
    draft: isDraft,
    ruBlog: {
      isPost: true,
      listing,
      isDraft,
      file,
      tags,
      categories,
      aliases,
      ...(date ? { writtenDay: date.toFormat("yyyy-MM-dd") } : {}),
      ...(ownRead?.feedPath === undefined ? {} : { feedPath: ownRead.feedPath }),
    } satisfies PostState,
  };
  if (title !== undefined) data.title = title;
  if (date) data.date = date.toJSDate();
  if (modified) data.modified = modified.toJSDate();
  if (summary !== undefined) data.summary = summary;
  if (url !== undefined) data.url = url;
  // A title of emoji alone makes no slug; the file name still does.
  const postSlug =
    slug !== undefined ? slugFromSlugKey(slug, slugEntry!.key, title, context) : slugFromTitle(title, context);
  data.slug = postSlug;

  if (!written) {
    Object.assign(data, neverWritten(rest));
  } else if (ownRead) {
    data.permalink = ownRead.permalink;
    data.dynamicPermalink = false;
  } else if (!("permalink" in rest)) {
    data.permalink = permalinkOf(
      {
        url,
        slug: postSlug,
        slugGiven: slug !== undefined,
        titleSlug: () => slugFromTitle(title, context),
        date,
        categories,
      },
      url === undefined ? undefined : urlEntry?.key,
      context,
    );
    // The permalink is final text: a `{{` in a Url must not be run as a template.
    data.dynamicPermalink = false;
  } else {
    assertPermalinkInside(rest.permalink, file);
  }
  if ((isDraft && !context.writeDrafts) || skipped !== undefined || headless)
    data.eleventyExcludeFromCollections = true;
  // Eleventy builds `collections.<tag>` for every tag by sorting all pages again (TemplateCollection#getFilteredByTag)
  // and then looks every member up in its list of templates (TemplateMap#populateCollectionsWithContent):
  // O(tags × pages) per build. Without `tagCollections` the tags stay out of Eleventy's collections (the plugin's
  // terms come from `ruBlog.tags`), and `tags` stays in the data for templates.
  else if (!context.tagCollections && !("eleventyExcludeFromCollections" in rest) && eleventyTags.length > 0) {
    data.eleventyExcludeFromCollections = eleventyTags;
  }
  if (!("templateEngineOverride" in rest) && /\.(md|markdown)$/i.test(file))
    data.templateEngineOverride = context.postTemplateEngine;
  return data;
}

/** What the plugin reads of a post by Eleventy's convention (`tags: posts`) outside the posts glob. */
const CONVENTION_KEYS: ReadonlySet<string> = new Set([
  "title",
  "date",
  "tags",
  "category",
  "categories",
  "slug",
  "url",
]);

export interface ConventionReading {
  /** Eleventy's keys for what the plugin read: `title`, `date` (a JS Date), `tags`, `categories`. */
  data: Record<string, unknown>;
  /** The URL that `Slug` or `Url` give; the page's or its folder's own `permalink` wins over it. */
  permalink?: string;
}

/** The keys of a front matter that readConventionPost reads: those Eleventy does not read itself. */
export function conventionKeysOf(raw: Record<string, unknown>, eleventyRead: boolean): string[] {
  return Object.keys(raw).filter(
    (key) => CONVENTION_KEYS.has(key.toLowerCase()) && !(eleventyRead && key === key.toLowerCase()),
  );
}

/**
 * A page outside the posts glob, in its Eleventy reading: the plugin reads, as it reads a post of the glob, the keys
 * Eleventy does not read (`Title`, `Date` in the site zone, `Tags`, `Category`, `Categories`, `Slug`, `Url`), or
 * every key when Eleventy read no front matter at all (`eleventyRead` false: Pelican's header). Where Eleventy has
 * its own key of the same meaning (`title`, `date`, `tags`, `categories`), that one is kept as Eleventy read it.
 * Undefined when the front matter has none of those keys.
 */
export function readConventionPost(
  raw: Record<string, unknown>,
  eleventyRead: boolean,
  context: PostContext,
): ConventionReading | undefined {
  const { file } = context;
  const eleventyHas = (key: string) => eleventyRead && Object.prototype.hasOwnProperty.call(raw, key);
  const keys = conventionKeysOf(raw, eleventyRead);
  if (keys.length === 0) return undefined;
  const reading = context.from === undefined ? undefined : dialectOf(context.from).reading;
  const { owned } = splitOwnedKeys(Object.fromEntries(keys.map((key) => [key, raw[key]])), file, reading);
  const data: Record<string, unknown> = {};
  const title = readText(owned.get("title"), file);
  if (title !== undefined && !eleventyHas("title")) data.title = title;
  const date = readDate(owned.get("date"), context);
  if (date && !eleventyHas("date")) data.date = asEleventyDate(date, owned.get("date")!.value);
  if (owned.has("tags") && !eleventyHas("tags"))
    data.tags = readTermNames(owned.get("tags")!.value, owned.get("tags")!.key, context);
  const categories = dedupeCaseInsensitive([
    ...readTermNames(owned.get("category")?.value, owned.get("category")?.key ?? "Category", context, false),
    ...readTermNames(owned.get("categories")?.value, owned.get("categories")?.key ?? "Categories", context),
  ]);
  if (categories.length && !eleventyHas("categories") && !eleventyHas("category")) data.categories = categories;

  const slugEntry = owned.get("slug");
  const slug = checkedPath(slugEntry, readText(slugEntry, file), file);
  const urlEntry = owned.get("url");
  const url = checkedPath(urlEntry, readText(urlEntry, file), file);
  if (slug === undefined && url === undefined) return { data };
  const postTitle = title ?? (typeof raw.title === "string" ? raw.title : undefined);
  const postSlug =
    slug !== undefined ? slugFromSlugKey(slug, slugEntry!.key, postTitle, context) : slugFromTitle(postTitle, context);
  const permalink = permalinkOf(
    {
      url,
      slug: postSlug,
      slugGiven: slug !== undefined,
      titleSlug: () => slugFromTitle(postTitle, context),
      date: date ?? readDate(findKey(raw, "date"), context),
      categories,
    },
    url === undefined ? undefined : urlEntry?.key,
    context,
  );
  return { data, permalink };
}

/**
 * A convention post's date as the site's own templates expect it. A day with no time (`Date: 2015-07-29`) is taken as
 * Eleventy takes its own `date: 2015-07-29`, midnight UTC: the site's templates show Eleventy's dates in UTC (the
 * starter does), and midnight in a zone east of UTC would show the day before. A date with a time is the instant read
 * in the site zone.
 */
function asEleventyDate(date: DateTime, written: unknown): Date {
  const dayOnly = typeof written === "string" && /^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(written);
  return dayOnly ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : date.toJSDate();
}

/** A key of the front matter in any casing, for keys the plugin reads but leaves in the data (`headless`). */
function findKey(raw: Record<string, unknown>, name: string): { key: string; value: unknown } | undefined {
  const key = Object.keys(raw).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : { key, value: raw[key] };
}

/** Hugo's `_index.md` (any extension): the list page of its folder's section, or of the home page, never a post. */
export function isListPageFile(file: string): boolean {
  return /^_index\.[^./]+$/.test(file.split("/").pop() ?? "");
}

/** What the plugin keeps of a list page for the site's own list pages (`collections.listPages`). */
export interface ListPageState {
  isPost: false;
  /** The folder the `_index` file is in, inside the input folder (`content/posts`); `""` for the input folder. */
  folder: string;
  file: string;
  headless: boolean;
}

/**
 * A Hugo `_index` file's data: its title and text are offered to the site's list pages through
 * `collections.listPages`; it is not written itself unless it sets a `permalink` (never when `headless: true`).
 */
function listPageData(raw: Record<string, unknown>, context: PostContext): Record<string, unknown> {
  const { file } = context;
  const titleEntry = findKey(raw, "title");
  const headless = readBoolean(findKey(raw, "headless"), file);
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  const data: Record<string, unknown> = {
    ...raw,
    ruBlog: { isPost: false, folder, file, headless } satisfies ListPageState,
  };
  const title = readText(titleEntry, file);
  if (title !== undefined) data.title = title;
  if (headless || !("permalink" in raw)) {
    data.permalink = false;
    // Not written, so not put in the posts' layout, which may need what only a post has.
    if (!("layout" in raw)) data.layout = false;
  }
  if (headless) data.eleventyExcludeFromCollections = true;
  if (!("templateEngineOverride" in raw) && /\.(md|markdown)$/i.test(file))
    data.templateEngineOverride = context.postTemplateEngine;
  return data;
}
