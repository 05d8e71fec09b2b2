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
 *
 * @param appliesTo whether a document gets ids, by the `env` it is rendered with (Eleventy's: the page's data);
 *   the plugin gives them to its posts only, so that the site's other pages stay as they were.
 * @param failOnRepeatedId whether an id written twice in the Markdown is an error (else the second gets `-1`).
 */
export function headingAnchors(
  md: MarkdownIt,
  slugify: (text: string) => string,
  appliesTo: (env: unknown) => boolean = () => true,
  { failOnRepeatedId = true }: { failOnRepeatedId?: boolean } = {},
): void {
  if (hasCoreRule(md, ANCHOR_RULE)) return;
  md.use(anchor, {
    failOnNonUnique: failOnRepeatedId,
    slugify: (text: string) => slugify(text) || FALLBACK_ID,
    // markdown-it-anchor's default tabindex="-1" makes headings focusable; a blog has no use for that.
    tabIndex: false,
  });
  const rule = coreRules(md)[coreRuler(md).__find__(ANCHOR_RULE)]!.fn;
  md.core.ruler.at(ANCHOR_RULE, (state) => {
    if (appliesTo(state.env)) rule(state);
  });
}

/**
 * markdown-it has no public way to look a rule up by name; `Ruler.__find__` is what its own `at`, `before` and
 * `after` use, there in markdown-it 14 (Eleventy 3's) and 15 alike.
 */
function hasCoreRule(md: MarkdownIt, name: string): boolean {
  return coreRuler(md).__find__(name) !== -1;
}

type CoreRule = (state: { env: unknown }) => void;

function coreRuler(md: MarkdownIt) {
  return md.core.ruler as unknown as { __find__(name: string): number; __rules__: { fn: CoreRule }[] };
}

/** The core rules as markdown-it keeps them (`__rules__`, beside `__find__`): the one way to read a rule's function. */
function coreRules(md: MarkdownIt): { fn: CoreRule }[] {
  return coreRuler(md).__rules__;
}
