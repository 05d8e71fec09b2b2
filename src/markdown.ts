import type { MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";

/** Name of the core rule markdown-it-anchor registers; seeing it means anchors are already on. */
const ANCHOR_RULE = "anchor";

/** Id of a heading whose text gives an empty slug (emoji only, `«»`); markdown-it-anchor makes repeats unique. */
const FALLBACK_ID = "section";

/**
 * Gives every heading an `id` made by `slugify` from its text: `## Простой пример` → `<h2 id="prostoy-primer">` with
 * the translit style, `<h2 id="простой-пример">` with the unicode one. Ids are unique on a page (`-1`, `-2`… on
 * repeats) and never empty (`section`). Only ids are added: no permalink symbols, no `tabindex`.
 *
 * Works on the user's own instance (call it from `eleventyConfig.amendLibrary("md", …)`), leaving its options and
 * other plugins alone. If markdown-it-anchor is already on (the user's own, or an earlier call), it does nothing, so
 * the user's anchor settings win and ids are never made twice.
 */
export function headingAnchors(md: MarkdownIt, slugify: (text: string) => string): void {
  if (hasCoreRule(md, ANCHOR_RULE)) return;
  md.use(anchor, {
    slugify: (text: string) => slugify(text) || FALLBACK_ID,
    // markdown-it-anchor's default tabindex="-1" makes headings focusable; a blog has no use for that.
    tabIndex: false,
  });
}

/**
 * markdown-it has no public way to look a rule up by name; `Ruler.__find__` is what its own `at`, `before` and
 * `after` use, there in markdown-it 14 (Eleventy 3's) and 15 alike.
 */
function hasCoreRule(md: MarkdownIt, name: string): boolean {
  const ruler = md.core.ruler as unknown as { __find__(name: string): number };
  return ruler.__find__(name) !== -1;
}
