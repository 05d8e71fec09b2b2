/**
 * Hugo 0.111, as the package speaks it: its front matter formats, date keys and publish dates, `urlize` slugs,
 * `ref`/`relref` and built-in shortcodes, its URL defaults, and how `ru-blog migrate` reads its config.
 */
import { OWN_SITE_RULES, type Dialect, type ShortcodeSet } from "../dialect.js";
import type { ShortcodeCall } from "../../content/shortcodes.js";
import { HUGO_CONFIG_FILES, readHugoConfig } from "./config.js";
import { resolveHugoRef } from "./links.js";
import { planHugo } from "./plan.js";
import { goldmarkHeadingId, useGoldmark } from "./goldmark.js";
import { hugoPreset } from "./preset.js";
import { hugoReading } from "./reading.js";
import { BUILT_INS, LINK_SHORTCODES, tableOfContents, UnsupportedShortcodeError } from "./shortcodes.js";
import { hugoPostSlug, hugoSlug } from "./slugs.js";

const shortcodes: ShortcodeSet = {
  isLink: (name) => LINK_SHORTCODES.has(name),
  resolveLink: (call, post, site) => resolveHugoRef(call.ref, call.name as "ref" | "relref", post, site),
  // Hugo has no toc shortcode: a theme's is almost always `{{ .TableOfContents }}`, which is what this writes.
  tableOfContentsName: "toc",
  tableOfContents: (headings) => tableOfContents(headings),
  render: (call, context) => BUILT_INS.get(call.name)?.(call, context),
  isUnsupported: (error) => error instanceof UnsupportedShortcodeError,
  unregisteredMessage,
  unknownShortcodeWarning,
};

function unregisteredMessage(call: ShortcodeCall): string {
  return `${unregistered(call)}. Register one in your Eleventy config: ${registration(call)}`;
}

function unknownShortcodeWarning(call: ShortcodeCall, files: readonly string[]): string {
  const rendered = call.inner === undefined ? "renders nothing" : "renders only its inner text";
  return `${unregistered(call)}; it ${rendered} in ${files.join(", ")}. To render it, register one in your Eleventy config: ${registration(call)}`;
}

function unregistered(call: ShortcodeCall): string {
  const [open, close] = call.markdown ? ["{{%", "%}}"] : ["{{<", ">}}"];
  return (
    `the shortcode ${open} ${call.name} ${close} is not one of Hugo's built-ins and the site registers no ` +
    `Eleventy ${call.inner !== undefined ? "paired shortcode" : "shortcode"} "${call.name}" (in Hugo it was the theme's or layouts/shortcodes/${call.name}.html)`
  );
}

function registration(call: ShortcodeCall): string {
  const how =
    call.inner !== undefined
      ? `eleventyConfig.addPairedShortcode("${call.name}", function (content, ...args) { return "…"; })`
      : `eleventyConfig.addShortcode("${call.name}", function (...args) { return "…"; })`;
  return `${how}${call.isNamed ? " (named arguments arrive as one object)" : ""}`;
}

export const hugo: Dialect<"hugo", "unicode", never> = {
  name: "hugo",
  title: "Hugo",
  preset: hugoPreset,
  reading: hugoReading,
  // Terms by `urlize`; a post's title and `Slug` by its path rules; folder and file names by MakePathSanitized.
  slugStyles: {
    unicode: { fromText: hugoSlug, post: { fromTitle: hugoPostSlug, fromSlug: hugoPostSlug, fromFileName: hugoSlug } },
  },
  body: {
    // `ref`/`relref` are shortcodes, resolved with the others.
    resolveLink: undefined,
    rewriteHtml: undefined,
    shortcodes,
    leftover: /(?:\{\{|%7B%7B)\s*(?:<|%3C|%|%25)/i,
    // Nothing runs over its bodies before Markdown.
    beforeMarkdown: (text) => text,
  },
  // Hugo writes a site per language, and names a term as the first file spells it.
  site: { ...OWN_SITE_RULES, termName: "firstFile", termsPerLanguage: true },
  markdown: { use: useGoldmark, headingId: goldmarkHeadingId },
  // Its feeds' `guid` is the post's URL, the package's default.
  entryIds: {},
  attachments: { html: false, bundles: true, underscoredPrivate: false },
  migrate: {
    configFiles: HUGO_CONFIG_FILES,
    plan(oldBlogDir) {
      const config = readHugoConfig(oldBlogDir);
      return config && planHugo(config, oldBlogDir);
    },
    contentSettings: "contentDir",
    buildCommand: () => "hugo -d public/",
  },
};
