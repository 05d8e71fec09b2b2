/**
 * Hugo 0.111, as the package speaks it: its front matter formats, date keys and publish dates, `urlize` slugs,
 * `ref`/`relref` and built-in shortcodes, its URL defaults, and how `ru-blog migrate` reads its config.
 */
import type { Dialect, ShortcodeSet } from "../dialect.js";
import type { ShortcodeCall } from "../../content/shortcodes.js";
import { HUGO_CONFIG_FILES, readHugoConfig } from "./config.js";
import { resolveHugoRef } from "./links.js";
import { planHugo } from "./plan.js";
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
};

function unregisteredMessage(call: ShortcodeCall): string {
  const [open, close] = call.markdown ? ["{{%", "%}}"] : ["{{<", ">}}"];
  const paired = call.inner !== undefined;
  const how = paired
    ? `eleventyConfig.addPairedShortcode("${call.name}", function (content, ...args) { return "…"; })`
    : `eleventyConfig.addShortcode("${call.name}", function (...args) { return "…"; })`;
  return (
    `the shortcode ${open} ${call.name} ${close} is not one of Hugo's built-ins and the site registers no ` +
    `Eleventy ${paired ? "paired shortcode" : "shortcode"} "${call.name}" (in Hugo it was the theme's or layouts/shortcodes/${call.name}.html). Register one in your Eleventy config: ${how}` +
    `${call.isNamed ? " (named arguments arrive as one object)" : ""}`
  );
}

export const hugo: Dialect<"hugo", "unicode", never> = {
  name: "hugo",
  title: "Hugo",
  preset: hugoPreset,
  reading: hugoReading,
  // Terms and heading ids by `urlize`; a post's title and `Slug` by its path rules.
  slugStyles: { unicode: { fromText: hugoSlug, post: { fromTitle: hugoPostSlug, fromSlug: hugoPostSlug } } },
  body: {
    // `ref`/`relref` are shortcodes, resolved with the others.
    resolveLink: undefined,
    rewriteHtml: undefined,
    shortcodes,
    leftover: /(?:\{\{|%7B%7B)\s*(?:<|%3C|%|%25)/i,
    // Its Markdown is the site's own.
    beforeMarkdown: (text) => text,
    setupMarkdown: () => {},
  },
  // Its feeds' `guid` is the post's URL, the package's default.
  entryIds: {},
  attachments: { html: false, bundles: true },
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
