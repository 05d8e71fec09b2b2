/**
 * Pelican 4.8, as the package speaks it: its `Key: value` header and skip rules, Unidecode slugs, `{filename}`
 * links, `tag:` feed entry ids, its URL defaults, and how `ru-blog migrate` reads pelicanconf.py.
 */
import type { Dialect } from "../dialect.js";
import { pelicanEntryIdOf } from "./entry-ids.js";
import { resolvePelicanLink, rewritePelicanHtml, splitPelicanLink } from "./links.js";
import { pelicanMarkdown } from "./markdown.js";
import { planPelican } from "./plan.js";
import { pelicanPreset } from "./preset.js";
import { pelicanReading } from "./reading.js";
import { readPelicanSettings } from "./settings.js";
import { pelicanSlug } from "./slugs.js";

export const pelican: Dialect<"pelican", "pelican", "pelican"> = {
  name: "pelican",
  title: "Pelican",
  preset: pelicanPreset,
  reading: pelicanReading,
  slugStyles: { pelican: { fromText: pelicanSlug, post: undefined } },
  body: {
    resolveLink(url, post, site) {
      const link = splitPelicanLink(url);
      return link && resolvePelicanLink(link.what, link.target, post, site);
    },
    rewriteHtml: rewritePelicanHtml,
    // `{{< … >}}` is text to Pelican, and shows as text.
    shortcodes: undefined,
    leftover: /(?:\{|%7B|\|)(?:filename|static|attach|tag|category|author|index)(?:\}|%7D|\|)/i,
    // Nothing runs over its bodies before Markdown.
    beforeMarkdown: (text) => text,
  },
  site: {
    sameTerm: "slug",
    termName: "mostPosts",
    termsPerLanguage: false,
    // ARTICLE_LANG_URL `{slug}-{lang}.html` beside ARTICLE_URL `{slug}.html`.
    languageUrls: "suffix",
    translationsApartByListing: true,
    translationsInSiteFeed: true,
    languageFeeds: "every",
  },
  // Python-Markdown with the extensions Pelican turns on; no heading ids (only the `toc` extension writes them).
  markdown: { use: pelicanMarkdown, headingId: "none" },
  entryIds: { pelican: pelicanEntryIdOf },
  // Pelican copies `.html` files beside the posts as they are; it has no page bundles.
  attachments: { html: true, bundles: false, underscoredPrivate: false },
  migrate: {
    configFiles: ["pelicanconf.py", "publishconf.py"],
    plan(oldBlogDir) {
      const settings = readPelicanSettings(oldBlogDir);
      return settings && planPelican(settings, oldBlogDir);
    },
    contentSettings: "PATH, ARTICLE_PATHS",
    buildCommand(plan) {
      const settings = plan.configFiles.includes("publishconf.py") ? "publishconf.py" : "pelicanconf.py";
      return `pelican content -s ${settings} -o output/`;
    },
  },
};
