/**
 * kramdown's own syntax (kramdown 2.4, Jekyll's default Markdown) in markdown-it: attribute lists, attribute
 * definitions and references, `{::comment}`, `{::nomarkdown}`, `{::options}`, footnotes with kramdown's `fn:`/`fnref:`
 * ids and markup, abbreviations and definition lists. The text is first rewritten into the syntax of markdown-it-attrs
 * set to kramdown's `{:` opener (`{: .info}` → `{:.info}`, references expanded, a header's `{#id}` → `{:#id}`), so
 * that other text in braces (`{x}`, Liquid kept by `{% raw %}`) stays text as in kramdown; then markdown-it and four
 * plugins render it:
 * markdown-it-attrs (the one markdown-it plugin for `{…}` attribute lists), markdown-it-footnote, markdown-it-abbr and
 * markdown-it-deflist (the markdown-it project's own, whose syntax is kramdown's).
 * Fenced code is left as it is: none of this syntax is read inside it.
 */
import type { MarkdownIt } from "markdown-it";
import attributes from "markdown-it-attrs";
import footnotes from "markdown-it-footnote";
import abbreviations from "markdown-it-abbr";
import definitionLists from "markdown-it-deflist";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `{:name: .class #id key="v"}` on its own line: an attribute list definition. */
const DEFINITION = /^ {0,3}\{:([\w-]+):\s*([^}]*)\}\s*$/;
/** `{: …}` or `{:…}` anywhere (but `{::`): an inline or block attribute list. */
const ATTRIBUTE_LIST = /\{:(?!:)\s*([^}]*)\}/g;
/** kramdown's header id: `## Title {#id}` (an ATX header; the id starts with a letter or `_`). */
const HEADER_ID = /^( {0,3}#{1,6}[ \t].*?)[ \t]+\{#([\p{L}_][\p{L}\p{N}_.:-]*)\}[ \t]*$/gmu;
const EXTENSION_BLOCK = /\{::(comment|nomarkdown)\}([\s\S]*?)\{:\/(?:\1)?\}/g;
const OPTIONS = /\{::options\s+([^}]*?)\s*\/\}/g;

/** Attribute list text with references to definitions replaced by their attributes (kramdown: bare names). */
function expand(list: string, definitions: Map<string, string>, seen = new Set<string>()): string {
  return list
    .trim()
    .split(/\s+(?=(?:[^"']*["'][^"']*["'])*[^"']*$)/)
    .filter(Boolean)
    .map((part) => {
      if (!/^[\w-]+$/.test(part)) return part;
      const definition = definitions.get(part);
      if (definition === undefined || seen.has(part)) return "";
      return expand(definition, definitions, new Set([...seen, part]));
    })
    .filter(Boolean)
    .join(" ");
}

/**
 * The post's kramdown text in markdown-it-attrs syntax. `warn` is told of `{::options}`, which changes how kramdown
 * reads the rest of the post and is dropped.
 */
export function kramdownToMarkdownIt(text: string, warn: (message: string) => void): string {
  const definitions = new Map<string, string>();
  const kept: string[] = [];
  let fence: string | undefined;
  const prose: string[] = [];
  const flush = () => {
    if (prose.length === 0) return;
    kept.push(rewriteProse(prose.join("\n"), definitions, warn));
    prose.length = 0;
  };
  for (const line of text.split("\n")) {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      kept.push(line);
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener)
        fence = undefined;
      continue;
    }
    if (opener) {
      flush();
      fence = opener;
      kept.push(line);
      continue;
    }
    const definition = DEFINITION.exec(line);
    if (definition) definitions.set(definition[1]!, definition[2]!);
    else prose.push(line);
  }
  flush();
  return kept.join("\n");
}

/** A block attribute list alone on its line: kramdown gives it to the block on the next line. */
const LEADING_BLOCK_LIST = /^ {0,3}\{:(?!:)[^}]*\}\s*$/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]/;

/**
 * kramdown's block attribute list written before its block, put where markdown-it-attrs reads it: at the end of a
 * heading's line, or on the line after the block's last (which kramdown reads the same way).
 */
function leadingListsAfter(text: string): string {
  const lines = text.split("\n");
  for (let index = 0; index < lines.length - 1; index++) {
    const list = lines[index]!;
    const next = lines[index + 1]!;
    if (!LEADING_BLOCK_LIST.test(list) || next.trim() === "" || LEADING_BLOCK_LIST.test(next)) continue;
    if ((index > 0 && lines[index - 1]!.trim() !== "") || next.trim() === "") continue;
    lines.splice(index, 1);
    if (ATX_HEADING.test(next)) {
      lines[index] = `${next.trimEnd()} ${list.trim()}`;
      continue;
    }
    let end = index;
    while (end + 1 < lines.length && lines[end + 1]!.trim() !== "") end++;
    lines.splice(end + 1, 0, list.trim());
    index = end + 1;
  }
  return lines.join("\n");
}

function rewriteProse(text: string, definitions: Map<string, string>, warn: (message: string) => void): string {
  return leadingListsAfter(text)
    .replace(EXTENSION_BLOCK, (_whole, name: string, inner: string) => (name === "nomarkdown" ? inner : ""))
    .replace(OPTIONS, (_whole, options: string) => {
      warn(`{::options ${options} /} changes how kramdown reads the post; the plugin leaves it out`);
      return "";
    })
    .replace(ATTRIBUTE_LIST, (_whole, list: string) => {
      const expanded = expand(list, definitions);
      return expanded ? `{:${expanded}}` : "";
    })
    .replace(HEADER_ID, "$1 {:#$2}");
}

export interface KramdownRendering {
  /** kramdown's `footnote_backlink`: the text of the link back from a note. */
  backlink?: string;
  /** kramdown's `smart_quotes` (`lsquo,rsquo,ldquo,rdquo`): the typographic quotes, double pair first for markdown-it. */
  quotes?: string;
}

const WRITTEN_ID_HEADING = "kramdown_heading_open";

/**
 * A heading with its own `{#id}` keeps it, and is not counted by the automatic ids (kramdown counts only the ids it
 * makes). markdown-it-anchor would count it, and stops the build when two headings write the same id, which kramdown
 * lets through: such headings are hidden from it under their own token type and rendered as headings.
 */
function keepWrittenHeadingIds(md: MarkdownIt): void {
  md.core.ruler.push("kramdown_heading_ids", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" && token.attrGet("id") !== null) token.type = WRITTEN_ID_HEADING;
    }
  });
  md.renderer.rules[WRITTEN_ID_HEADING] = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
}

/** kramdown's footnote markup: `fn:NAME`/`fnref:NAME` ids, its classes and roles. */
export function useKramdown(md: MarkdownIt, { backlink = "&#8617;", quotes = "“”‘’" }: KramdownRendering = {}): void {
  // kramdown's typographic symbols: quotes, `--` → –, `---` → —, `...` → …
  md.set({ typographer: true, quotes });
  md.use(attributes, { leftDelimiter: "{:", rightDelimiter: "}", allowedAttributes: [] });
  md.use(footnotes);
  md.use(abbreviations);
  md.use(definitionLists);
  keepWrittenHeadingIds(md);
  type Token = { meta: { id: number; label?: string; subId?: number } };
  const rules = md.renderer.rules as unknown as Record<string, (tokens: Token[], idx: number) => string>;
  const name = (token: Token) => encodeURIComponent(token.meta.label ?? String(token.meta.id + 1));
  rules.footnote_ref = (tokens, idx) => {
    const token = tokens[idx]!;
    const number = token.meta.id + 1;
    const suffix = token.meta.subId && token.meta.subId > 0 ? `:${token.meta.subId}` : "";
    return `<sup id="fnref:${name(token)}${suffix}" role="doc-noteref"><a href="#fn:${name(token)}" class="footnote" rel="footnote">${number}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n  <ol>\n';
  rules.footnote_block_close = () => "  </ol>\n</div>\n";
  rules.footnote_open = (tokens, idx) => `    <li id="fn:${name(tokens[idx]!)}" role="doc-endnote">\n`;
  rules.footnote_close = () => "    </li>\n";
  rules.footnote_anchor = (tokens, idx) =>
    ` <a href="#fnref:${name(tokens[idx]!)}" class="reversefootnote" role="doc-backlink">${backlink}</a>`;
}
