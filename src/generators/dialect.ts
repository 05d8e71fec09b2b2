/**
 * What the package knows of one old generator, as one object of one shape: each folder under src/generators/ exports
 * one, the registry (index.ts) lists them, and the rest of the package asks it instead of naming a generator. The
 * preset behind `from: "…"` is its `preset`; `migrate` finds the blog's generator by its `migrate.configFiles`.
 *
 * Only types here, and only ones that import nothing back from the generators: the core and every generator folder
 * import this file, it imports neither.
 */
import type { DateTime } from "luxon";
import type { MarkdownIt } from "markdown-it";
import type { Migration } from "../cli/migrate/migration.js";
import type { LinkingPost, LinkSite, Resolution } from "../content/links.js";
import type { ShortcodeCall } from "../content/shortcodes.js";
import type { ReadFrontMatter } from "../posts/front-matter-readers.js";
import type { SkipFacts } from "../posts/skip-rules.js";

/** A date key a post's date comes from, and the key as the post wrote it (for messages). */
export type DateKeys = readonly string[];

/** How a generator reads a post: its front matter keys, formats, dates and which posts it does not publish. */
export interface PostReading {
  /** Canonical (lowercase) keys it owns beyond the core's (Hugo's `lastmod`, `publishDate`…). */
  readonly extraKeys: readonly string[];
  /** Core keys that are plain data to it (Hugo has no `Status` and no `Category`). */
  readonly plainKeys: readonly string[];
  /** Which keys give the post's dates, first found wins; `publishDate`/`expiryDate` only where it has them. */
  readonly dateKeys: {
    readonly date: DateKeys;
    readonly modified: DateKeys;
    readonly publishDate: DateKeys | undefined;
    readonly expiryDate: DateKeys | undefined;
  };
  /** A front matter Eleventy's own reader left in the text, read as this generator reads it; undefined for none. */
  readFrontMatter(content: string, file: string): ReadFrontMatter | undefined;
  /**
   * Its own header format (not `---`, `+++` or JSON), read without `from` too; undefined when it has none. Pelican's
   * `Key: value` lines up to the first blank line.
   */
  readonly header: ((content: string) => { data: Record<string, string>; body: string } | undefined) | undefined;
  /** Whether a post's text starts in its own header format: without `from`, such a post follows its body rules. */
  writtenInOwnFormat(text: string): boolean;
  /** Whether an alias without a leading `/` is beside the page (Hugo), not at the site's root. */
  readonly relativeAliases: boolean;
  /** A key written twice in YAML front matter is read, the last value winning (Hugo's go-yaml). */
  readonly repeatedYamlKeys: boolean;
  /**
   * Whether a post's language is its file name's suffix only (no guessing from the prose) and every post in a language
   * other than the default is under `/lang/`, as Hugo writes every page of that language.
   */
  readonly languageFolders: boolean;
  /** Why it would not publish the post (beyond the core's rule: neither title nor date), or undefined. */
  skipReason(facts: SkipFacts, now: Date): string | undefined;
  /** A post's `---` front matter as the generator reads YAML, where not as the core does (Jekyll's Psych). */
  readonly parseYaml: ((text: string, file: string) => Record<string, unknown>) | undefined;
  /**
   * What the generator makes of a post itself, from its file and front matter, where the core's `permalink` tokens
   * and key rules cannot say it; undefined to leave the post to the core's rules.
   */
  ownPost(raw: Record<string, unknown>, post: OwnPostContext): OwnPost | undefined;
  /**
   * Its own reading of a date string, in `zone` when it has no offset: forms only it reads (Pelican's dateutil:
   * `2017-6-14 16:47`, `2014-09-07 - 19:27`; Hugo's Go layouts), and its name for them in the warning; undefined
   * when it reads no more than the core's forms. With `first`, its reading wins over the core's for every date
   * (Hugo ignores a zone name such as `UTC` and reads `+0000` in one layout as a name); otherwise it reads only what
   * the core refuses.
   */
  readonly ownDates:
    | { readonly name: string; readonly first: boolean; read(text: string, zone: string): DateTime | undefined }
    | undefined;
  /** A `Tags: a, b` text split its own way (Pelican: at `;` when there is one); undefined to split at commas. */
  readonly splitNames: ((text: string) => string[] | undefined) | undefined;
}

/** How it makes the site's lists: terms, translations and their feeds. */
export interface SiteRules {
  /** What makes two tag names one term: the same name but for case, or the same slug (Pelican's `node.js`, `nodejs`). */
  readonly sameTerm: "name" | "slug";
  /** How a term written in several spellings is named: as most posts spell it, or as the first file does (Hugo). */
  readonly termName: "mostPosts" | "firstFile";
  /** Whether each language but the default has its own term pages and feeds under `/<lang>/` (Hugo). */
  readonly termsPerLanguage: boolean;
  /** Where a post outside the default language goes: a marked translation under `/<lang>/`, or `{slug}-{lang}`. */
  readonly languageUrls: "folder" | "suffix";
  /** Whether published, hidden and draft posts are linked as translations each apart (Pelican). */
  readonly translationsApartByListing: boolean;
  /** Whether the site's feed lists translations too (Pelican's FEED_ALL_ATOM). */
  readonly translationsInSiteFeed: boolean;
  /** Which languages get a feed: each listed but the default, or every language a post is in (Pelican). */
  readonly languageFeeds: "others" | "every";
}

/**
 * The package's own site rules (a site without `from`): case-folded terms, translations under `/<lang>/`, a feed per
 * other language. Jekyll's are the same; Hugo's but for its terms (one set per language, named by the first file).
 */
export const OWN_SITE_RULES: SiteRules = {
  sameTerm: "name",
  termName: "mostPosts",
  termsPerLanguage: false,
  languageUrls: "folder",
  translationsApartByListing: false,
  translationsInSiteFeed: false,
  languageFeeds: "others",
};

/**
 * What a generator's own reading of a post gets: the post's file, the blog's folder and the build's settings. Its
 * hooks (parseYaml, ownPost, beforeMarkdown) throw an InvalidValueError whose message names the file and the value.
 */
export interface OwnPostContext {
  /** Inside the input folder, as globs match it. */
  readonly file: string;
  /** The input folder, where the blog's own config is. */
  readonly inputDir: string;
  /** The `timezone` option, for a blog whose config names none. */
  readonly timezone: string;
  readonly now: Date;
  readonly warn: (message: string) => void;
}

/** A post as its generator reads it (see PostReading.ownPost), or why the generator does not publish it. */
export type OwnPost =
  | { readonly skipped: string }
  | {
      readonly skipped?: undefined;
      readonly title: string;
      readonly date: DateTime;
      /** The path Eleventy writes the post at (a permalink). */
      readonly permalink: string;
      readonly tags: readonly string[];
      readonly categories: readonly string[];
      /** Paths of redirect pages to the post. */
      readonly aliases: readonly string[];
      /** The path its feed entry id is made from, where the generator makes it otherwise than from the URL. */
      readonly feedPath: string | undefined;
    };

/** A slug style a generator brings (`slugStyle: "pelican"`): terms and titles, and a post's own `Slug`. */
export interface SlugRules {
  /** A title or a term name made a slug (heading ids are made with it too). */
  fromText(text: string): string;
  /**
   * A post's URL segment from its title and from its own `Slug`, where the generator makes them otherwise than
   * terms; undefined for the usual way: the title like a term, the `Slug` as written.
   */
  readonly post:
    | {
        fromTitle(title: string): string;
        fromSlug(slug: string): string;
        /** A folder or file name in its default URLs, when made otherwise than `fromSlug` (Hugo keeps `C++`). */
        fromFileName?(name: string): string;
      }
    | undefined;
}

/** A feed entry id style a generator brings (`feeds.entryId: "pelican"`): the id of a post of the feed. */
export type EntryIdRule = (
  post: { url: string; date: Date },
  settings: { siteUrl: string; zone: string; writtenDay: string | undefined; feedPath: string | undefined },
) => string;

/**
 * The options `from` sets, in the shape of the plugin's options (RuBlogOptions, checked by `resolveOptions` like any
 * options given): the URLs, slugs, pagination and feeds the generator writes with its default settings.
 */
export interface PresetOptions {
  readonly posts?: string;
  readonly permalink?: string;
  readonly slugStyle?: string;
  readonly categoryFromFolder?: boolean;
  readonly tagPages?: string | false;
  readonly categoryPages?: string | false;
  readonly termPageSize?: number;
  readonly feeds?: {
    readonly all?: string | false;
    readonly tags?: string | false;
    readonly categories?: string | false;
    readonly languages?: string | false;
    readonly limit?: number;
    readonly entryId?: string;
  };
  readonly sitemap?: string | false;
  readonly pageOneRedirects?: boolean;
}

/** Built-in shortcodes a generator's posts call (`{{< youtube x >}}`), and the site lookups some of them need. */
export interface ShortcodeSet {
  /** A shortcode resolved against the whole site (`ref`, `relref`): the glue keeps a placeholder for it. */
  isLink(name: string): boolean;
  resolveLink(call: { name: string; ref: string }, post: LinkingPost, site: LinkSite): Resolution;
  /** The shortcode that stands for the post's table of contents, filled once its headings are rendered. */
  readonly tableOfContentsName: string;
  tableOfContents(headings: readonly { level: number; id: string; html: string }[]): string;
  /** A built-in's output (HTML, or Markdown that goes on through the renderer); undefined when it has none of the name. */
  render(
    call: ShortcodeCall,
    context: { markdownify(text: string): string; param(key: string): unknown },
  ): { html: string } | { markdown: string } | undefined;
  /** The error a built-in throws when it cannot be written (the glue reports it with the file and line). */
  isUnsupported(error: unknown): boolean;
  /** What to tell a user whose post calls a shortcode that is neither a built-in nor registered by the site (strict). */
  unregisteredMessage(call: ShortcodeCall): string;
  /** The warning for such a shortcode rendered as its inner text or nothing in `files`. */
  unknownShortcodeWarning(call: ShortcodeCall, files: readonly string[]): string;
}

/** What a generator writes in a post's body that needs resolving. */
export interface BodySyntax {
  /** A link's URL in its own syntax (Pelican's `{filename}x.md`) resolved; undefined when the URL is not in it. */
  readonly resolveLink: ((url: string, post: LinkingPost, site: LinkSite) => Resolution | undefined) | undefined;
  /** The same links inside raw HTML, rewritten; `report` gets each problem. */
  readonly rewriteHtml:
    ((html: string, post: LinkingPost, site: LinkSite, report: (message: string) => void) => string) | undefined;
  /** Its shortcodes, undefined when `{{< … >}}` is plain text to it. */
  readonly shortcodes: ShortcodeSet | undefined;
  /** Matches a link still in its syntax after the build (`check-urls --links`). */
  readonly leftover: RegExp;
  /**
   * A post's body before Markdown reads it (Jekyll renders Liquid first); the text as it is where the generator does
   * nothing there.
   */
  beforeMarkdown(text: string, post: BodyPost): string;
}

/** A post's place for BodySyntax.beforeMarkdown. */
export interface BodyPost {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly inputDir: string;
  /** The blog's posts' texts by path inside the input folder (for links between posts), read on first use. */
  readonly posts: () => ReadonlyMap<string, string>;
  readonly timezone: string;
  readonly strict: boolean;
  readonly warn: (message: string) => void;
}

/** How its Markdown renderer differs from markdown-it's defaults, for the posts read with `from`. */
export interface MarkdownRules {
  /**
   * Sets up the site's markdown-it instance; `appliesTo` tells the posts (by the render's `env`) from other pages;
   * `inputDir` is where the blog's own config is (Jekyll's kramdown settings). Undefined for markdown-it's own
   * Markdown.
   */
  readonly use: ((md: MarkdownIt, appliesTo: (env: unknown) => boolean, inputDir: string) => void) | undefined;
  /**
   * Heading ids as its renderer makes them from a heading's text; undefined for the plugin's own; `"none"` where the
   * core adds none: its renderer writes none (Pelican's Python-Markdown without the `toc` extension), or its `use`
   * makes them from the blog's config (Jekyll's `auto_id_prefix`).
   */
  readonly headingId: ((text: string) => string) | "none" | undefined;
}

/** Where its files beside the posts go: the `attachments` defaults. */
export interface AttachmentDefaults {
  /** `.html` files beside the posts are static files, not templates. */
  readonly html: boolean;
  /** Page bundles: files beside an `index.md` post go next to its page. */
  readonly bundles: boolean;
  /** Files and folders whose name starts with `_` are the site's own, never published (Jekyll's `_config.yml`). */
  readonly underscoredPrivate: boolean;
}

/** How `ru-blog migrate` reads its config and turns it into options. */
export interface MigrateRules {
  /** Config file names it is recognised by, for the message when a folder has none. */
  readonly configFiles: readonly string[];
  /** The migration of the blog in `oldBlogDir`, or undefined when the folder holds none of its config files. */
  plan(oldBlogDir: string): Migration | undefined;
  /** Its settings that name the content folder, for the comment on `posts`. */
  readonly contentSettings: string;
  /** The command that builds the old blog once more into the folder the check compares against. */
  buildCommand(plan: Migration): string;
}

export interface Dialect<
  Name extends string = string,
  SlugStyleName extends string = string,
  EntryIdName extends string = string,
> {
  /** The `from` value, e.g. `"pelican"`. */
  readonly name: Name;
  /** Its name in messages, e.g. `"Pelican"`. */
  readonly title: string;
  /** The options `from: name` sets (the URLs it writes with default settings); options given win. */
  readonly preset: PresetOptions;
  readonly reading: PostReading;
  /** Slug styles it brings, by their `slugStyle` name (its heading ids are made with the same slugs). */
  readonly slugStyles: Readonly<Record<SlugStyleName, SlugRules>>;
  readonly body: BodySyntax;
  readonly site: SiteRules;
  /** Its Markdown flavour. */
  readonly markdown: MarkdownRules;
  /** Feed entry id styles it brings, by their `feeds.entryId` name. */
  readonly entryIds: Readonly<Record<EntryIdName, EntryIdRule>>;
  readonly attachments: AttachmentDefaults;
  readonly migrate: MigrateRules;
}
