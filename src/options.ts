import type { SlugStyle } from "./slugs.js";

export interface AuthorOption {
  name: string;
  email?: string;
  uri?: string;
}

export interface FeedsOption {
  /** Path of the site-wide Atom feed, or `false`. @default "/feed.xml" */
  all?: string | false;
  /** Pattern of each tag's feed (`:slug`), or `false`. @default "/tags/:slug/feed.xml" */
  tags?: string | false;
  /** Pattern of each category's feed (`:slug`), or `false`. @default "/categories/:slug/feed.xml" */
  categories?: string | false;
  /** Entries per feed, newest first; `0` for all. @default 20 */
  limit?: number;
}

export interface LegacyUrlsOption {
  /** Old tag page pattern, e.g. `"/tag/:slug.html"`. */
  tags?: string;
  /** Old category page pattern, e.g. `"/category/:slug.html"`. */
  categories?: string;
  /** Old feed paths; each gets a copy of the current feed. */
  feeds?: { all?: string; tags?: string; categories?: string };
  /** How the old slugs were made. @default the current `slugStyle` */
  slugStyle?: SlugStyle;
}

/** Options of `eleventyConfig.addPlugin(ruBlog, options)`. Every field is optional but `siteUrl` while a feed is on. */
export interface RuBlogOptions {
  /** Absolute site URL; feeds and absolute links are built from it. @example "https://example.ru" */
  siteUrl?: string;
  /** Site title, used by the feeds. */
  title?: string;
  /** Site subtitle, used by the feeds. */
  subtitle?: string;
  /** Site author, used by the feeds. */
  author?: AuthorOption;
  /** Content language (feeds' `xml:lang`, date locale). @default "ru" */
  language?: string;
  /** IANA zone; a date without offset is a wall-clock time there. @default "Europe/Moscow" */
  timezone?: string;
  /** Glob, relative to the input directory, selecting the posts. @default "posts/**\/*.{md,markdown}" */
  posts?: string;
  /** URL pattern for posts without `Url`: `:year :month :day :slug :category`, or Pelican's `{slug}` style. @default "/posts/:slug/" */
  permalink?: string;
  /** How slugs are made from titles and term names. @default "translit" */
  slugStyle?: SlugStyle;
  /** A post that names no category takes its folder's name, as Pelican does. @default false */
  categoryFromFolder?: boolean;
  /** URL pattern of tag pages (`:slug`), or `false`. @default "/tags/:slug/" */
  tagPages?: string | false;
  /** URL pattern of category pages (`:slug`), or `false`. @default "/categories/:slug/" */
  categoryPages?: string | false;
  /** Posts per term page; later pages are at `…/page/2/`. @default 20 */
  termPageSize?: number;
  /** Layout (in the includes folder) of term pages; the page gets `term`. @default "term.njk" */
  termLayout?: string;
  /** Layout of the tag and category indexes; the page gets `terms` and `kind`. @default "term-index.njk" */
  termIndexLayout?: string;
  /** Atom feeds, or `false` for none. */
  feeds?: FeedsOption | false;
  /** URL patterns the blog used before; each old URL keeps working. */
  legacyUrls?: LegacyUrlsOption;
  /** Path of a `_redirects` file listing every alias and legacy URL, or `false`. @default false */
  redirects?: string | false;
  /**
   * Template engine a post's Markdown goes through. `"md"` (plain Markdown) keeps `{{ }}` in code blocks verbatim;
   * `"liquid,md"` or `"njk,md"` brings back Eleventy's default pre-processing. @default "md"
   */
  postTemplateEngine?: string;
}
