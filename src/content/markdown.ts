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

type AnyRule = (state: { env: unknown }, ...rest: unknown[]) => unknown;
interface Ruler {
  __rules__: { name: string; fn: AnyRule; alt: string[] }[];
  at(name: string, fn: AnyRule, options?: { alt: string[] }): void;
}

/**
 * Installs Markdown syntax (markdown-it plugins, options) for the documents `appliesTo` only (a generator's posts),
 * on the site's one markdown-it instance: every parsing rule `install` adds or replaces runs for those documents
 * alone (the others get the rule as it was, or none), and the typographer options it sets hold for them alone. The
 * site's own pages keep markdown-it's reading. Renderer rules need no gate: they render tokens only those rules make.
 */
export function usePostsOnly(md: MarkdownIt, appliesTo: (env: unknown) => boolean, install: (md: MarkdownIt) => void) {
  const rulers = [md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2] as unknown as Ruler[];
  const before = rulers.map((ruler) => new Map(ruler.__rules__.map((rule) => [rule.name, rule.fn])));
  const plain = { typographer: md.options.typographer, quotes: md.options.quotes };
  install(md);
  const own = { typographer: md.options.typographer, quotes: md.options.quotes };
  rulers.forEach((ruler, index) => {
    for (const rule of [...ruler.__rules__]) {
      const old = before[index]!.get(rule.name);
      if (old === rule.fn) continue;
      const added = rule.fn;
      // A rule that does not apply answers "no match" (block and inline rules) or changes nothing (core rules).
      ruler.at(rule.name, (state, ...rest) => (appliesTo(state.env) ? added : (old ?? (() => false)))(state, ...rest), {
        alt: rule.alt,
      });
    }
  });
  if (own.typographer === plain.typographer && own.quotes === plain.quotes) return;
  md.set(plain);
  // markdown-it parses one document at a time, start to end, through the core rules: the first sets the options.
  md.core.ruler.before("normalize", "ru_blog_posts_options", (state) => {
    md.set(appliesTo(state.env) ? own : plain);
  });
}
