/**
 * eleventy-plugin-ru-blog: the plugin function. It reads the options and adds one capability at a time; each
 * capability's Eleventy glue is a file of its own in `src/eleventy/`, named for what it adds to the site.
 */
import { assertLocaleAvailable } from "./posts/dates.js";
import { createWarnOnce, withPlace } from "./errors.js";
import { addedBefore } from "./eleventy/added-once.js";
import { registerArchives } from "./eleventy/archives.js";
import { registerAttachments } from "./eleventy/attachments.js";
import { registerCollections } from "./eleventy/collections.js";
import { registerContent } from "./eleventy/content.js";

import { registerExistingSite } from "./eleventy/existing-site.js";
import { createContext } from "./eleventy/context.js";
import { registerFeeds } from "./eleventy/feeds.js";
import { registerFilters } from "./eleventy/filters.js";
import { registerFrontMatter } from "./eleventy/front-matter.js";
import { registerListPages } from "./eleventy/list-pages.js";
import { registerMarkdown } from "./eleventy/markdown.js";
import { registerOutputChecks } from "./eleventy/output-checks.js";
import { registerPostPages } from "./eleventy/post-pages.js";
import { registerRedirects } from "./eleventy/redirects.js";
import { registerSitemap } from "./eleventy/sitemap.js";
import { registerTermPages } from "./eleventy/term-pages.js";
import { registerLanguages } from "./eleventy/translation-links.js";
import { registerTypography } from "./eleventy/typography.js";
import { assertEleventyVersion } from "./eleventy/version.js";
import type { EleventyConfig } from "./eleventy/types.js";
import { resolveOptions, type RuBlogOptions } from "./options.js";

export type { Archive, ArchivePatterns } from "./output/archives.js";
export type { AttachmentsOption, AuthorOption, FeedsOption, LegacyUrlsOption, RuBlogOptions } from "./options.js";
export type { SlugStyle } from "./urls/slugs.js";
export type { TypographyGroup, TypographyOption } from "./content/typography.js";
export type { Term, TermPage } from "./site/taxonomy.js";
export type { EleventyConfig } from "./eleventy/types.js";

/**
 * The plugin. Add it with `eleventyConfig.addPlugin(ruBlog, options)`; see the README for every option.
 * Adding it twice with the same options is harmless; with other options it is an error (src/eleventy/added-once.ts).
 */
export default function ruBlog(eleventyConfig: EleventyConfig, userOptions?: RuBlogOptions): void {
  assertEleventyVersion(eleventyConfig);
  if (addedBefore(eleventyConfig, userOptions)) return;
  const warn = createWarnOnce();
  const options = resolveOptions(userOptions, warn);
  withPlace({ prefix: 'option "language": ' }, () => assertLocaleAvailable(options.language));
  for (const language of options.languages)
    withPlace({ prefix: 'option "languages": ' }, () => assertLocaleAvailable(language));
  const context = createContext(eleventyConfig, options, warn);

  registerFrontMatter(context);
  registerMarkdown(context);
  registerTypography(context);
  registerFilters(context);
  registerCollections(context);
  registerListPages(context);

  registerExistingSite(context);
  registerOutputChecks(context);
  registerTermPages(context);
  registerPostPages(context);
  registerFeeds(context);
  registerRedirects(context);
  registerContent(context);

  registerSitemap(context);
  registerLanguages(context);
  registerArchives(context);
  registerAttachments(context);
}

export { ruBlog };
