/**
 * Jekyll 4.3, as the package speaks it: Psych's YAML, its post dates, URLs, terms and redirect pages (reading.ts),
 * the Liquid subset and kramdown in posts, GFM heading ids, jekyll-feed's entry ids, from the blog's `_config.yml`.
 */
import type { MarkdownIt } from "markdown-it";
import { OWN_SITE_RULES, type Dialect } from "../dialect.js";
import { MigrateError } from "../../cli/migrate/migrate-error.js";
import { InvalidValueError } from "../../errors.js";
import { headingAnchors, usePostsOnly } from "../../content/markdown.js";
import { jekyllBodyMarkdown, linkResolver, postUrlResolver } from "./blog.js";
import { JEKYLL_CONFIG_FILES, readJekyllConfig } from "./config.js";
import { jekyllFeedEntryId } from "./feed.js";
import { gfmHeadingId, kramdownBasicHeadingId } from "./heading-ids.js";
import { useKramdown } from "./kramdown.js";
import { JEKYLL_TEXT_LEFTOVER } from "./leftovers.js";
import { planJekyll } from "./plan.js";
import { jekyllPreset } from "./preset.js";
import { jekyllReading } from "./reading.js";
import { jekyllPosts, jekyllSite } from "./site.js";
import { jekyllSlugify } from "./slugify.js";

/**
 * kramdown's automatic heading ids with the config's `auto_id_prefix`; markdown-it-anchor numbers repeats `-1`,
 * `-2` per document, as kramdown does.
 */
function useJekyllHeadingIds(md: MarkdownIt, isPost: (env: unknown) => boolean, inputDir: string): void {
  const { kramdown } = jekyllSite(inputDir, "UTC").settings;
  const id = kramdown.input === "GFM" ? gfmHeadingId : (text: string) => kramdownBasicHeadingId(text) || "section";
  headingAnchors(md, (text) => kramdown.autoIdPrefix + id(text), isPost);
}

export const jekyll: Dialect<"jekyll", "jekyll", "jekyll"> = {
  name: "jekyll",
  title: "Jekyll",
  preset: jekyllPreset,
  reading: jekyllReading,
  // jekyll-archives' term slugs: Jekyll's `slugify` in its default mode.
  slugStyles: { jekyll: { fromText: (text) => jekyllSlugify(text), post: undefined } },
  body: {
    // `{% post_url %}` and `{% link %}` are Liquid, resolved before Markdown.
    resolveLink: undefined,
    rewriteHtml: undefined,
    shortcodes: undefined,
    leftover: JEKYLL_TEXT_LEFTOVER,
    beforeMarkdown(text, { file, data, inputDir, posts, timezone, strict, warn }) {
      const site = jekyllSite(inputDir, timezone);
      const blog = jekyllPosts(posts(), site, new Date());
      const post = blog.get(file);
      if (!post) return text;
      const settings = { site: site.settings.site, strict };
      return jekyllBodyMarkdown(text, post, data as Record<string, unknown>, {
        settings,
        postUrl: postUrlResolver([...blog.values()], site.settings.baseurl),
        link: linkResolver(blog, site.settings.baseurl),
        warn,
      });
    },
  },
  // Jekyll has no translations; its terms are told apart by name (jekyll-archives).
  site: OWN_SITE_RULES,
  // kramdown's syntax, then its heading ids (after it: a heading with a written `{#id}` is not counted).
  markdown: {
    use(md, appliesTo, inputDir) {
      // Jekyll's reading is for its posts: the site's own pages keep markdown-it's.
      usePostsOnly(md, appliesTo, (posts) => useKramdown(posts));
      useJekyllHeadingIds(md, appliesTo, inputDir);
    },
    headingId: "none",
  },
  entryIds: {
    jekyll: (post, { siteUrl, feedPath }) => jekyllFeedEntryId(feedPath ?? post.url, { url: siteUrl, baseurl: "" }),
  },
  // Jekyll copies every other file of the blog as it is, but for `_x` ones (entry_filter.rb); it has no page bundles.
  attachments: { html: true, bundles: false, underscoredPrivate: true },
  migrate: {
    configFiles: JEKYLL_CONFIG_FILES,
    plan(oldBlogDir) {
      let config;
      try {
        config = readJekyllConfig(oldBlogDir);
      } catch (error) {
        if (!(error instanceof InvalidValueError)) throw error;
        throw new MigrateError(`${error.message}; Jekyll cannot read it either. Fix it, then run migrate again.`);
      }
      return config && planJekyll(config, oldBlogDir);
    },
    contentSettings: "source, collections_dir",
    buildCommand: () => "jekyll build -d _site/",
  },
};
