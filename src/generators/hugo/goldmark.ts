/**
 * Markdown as Hugo 0.111's goldmark renders it with Hugo's defaults (`markup.goldmark`: extensions typographer,
 * footnote, definitionList, table; `parser.attribute.title`; `autoHeadingID` of type `github`), for posts read with
 * `from: "hugo"`. Checked against Hugo's output by test/conformance/hugo.
 *
 * Footnotes and definition lists come from markdown-it-footnote and markdown-it-deflist (the markdown-it project's
 * own), with the footnotes' HTML written as goldmark writes it. Heading attributes are a small rule here rather than
 * markdown-it-attrs: goldmark reads `{#id .class}` after a heading's text only (`attribute.block` is off by
 * default), while markdown-it-attrs reads it after every block and inline element, which would turn text Hugo shows
 * into attributes.
 */
import type { MarkdownIt } from "markdown-it";
import deflist from "markdown-it-deflist";
import footnote from "markdown-it-footnote";

type Token = ReturnType<MarkdownIt["parse"]>[number];
type CoreState = { tokens: Token[]; env: unknown; md: MarkdownIt };

/**
 * goldmark's `github` heading id, as Hugo writes it: letters, digits and `_` kept (lowercased), each space, tab or
 * `-` a `-`, everything else dropped; `heading` when nothing is left. `C++ / Go` → `c--go`, `Шаг 1: установка` →
 * `шаг-1-установка`.
 */
export function goldmarkHeadingId(text: string): string {
  let id = "";
  for (const character of text) {
    if (character === "-" || character === " " || character === "\t") id += "-";
    else if (/[\p{L}\p{Nd}_]/u.test(character)) id += character.toLowerCase();
  }
  return id || "heading";
}

/** goldmark's attribute list: `#id`, `.class` (several join), `key=value` or `key="value"`. */
const ATTRIBUTE_LIST =
  /[ \t]*\{((?:[ \t]*(?:#[^\s}]+|\.[^\s}]+|[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|[^\s"'}]+)))+)[ \t]*\}[ \t]*$/;
const ATTRIBUTE = /#([^\s}]+)|\.([^\s}]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))/g;

/** Moves a trailing `{#id .class key=value}` of each heading into its attributes, as goldmark's `attribute.title`. */
function headingAttributes(state: CoreState, appliesTo: (env: unknown) => boolean): void {
  if (!appliesTo(state.env)) return;
  state.tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const inline = state.tokens[index + 1];
    const last = inline?.children?.at(-1);
    if (!inline || last?.type !== "text") return;
    const match = ATTRIBUTE_LIST.exec(last.content);
    if (!match) return;
    const classes: string[] = [];
    for (const [, id, className, key, double, single, bare] of match[1]!.matchAll(ATTRIBUTE)) {
      if (id !== undefined) {
        token.attrSet("id", id);
        token.meta = { ...token.meta, goldmarkId: id };
      } else if (className !== undefined) classes.push(className);
      else token.attrSet(key!, double ?? single ?? bare ?? "");
    }
    if (classes.length) token.attrSet("class", classes.join(" "));
    last.content = last.content.slice(0, match.index);
    inline.content = inline.content.replace(ATTRIBUTE_LIST, "");
  });
}

/** goldmark keeps an id written in a heading's attributes even when another heading has it too. */
function keepWrittenIds(state: CoreState): void {
  for (const token of state.tokens) {
    const written = (token.meta as { goldmarkId?: string } | null)?.goldmarkId;
    if (token.type === "heading_open" && written !== undefined) token.attrSet("id", written);
  }
}

/**
 * goldmark's typographer on top of markdown-it's (dashes, ellipsis, quotes): `<<` and `>>` are guillemets. Run for
 * posts only, so the site's other pages keep the instance's own `typographer` setting.
 */
function typographer(md: MarkdownIt, state: CoreState, appliesTo: (env: unknown) => boolean): void {
  if (!appliesTo(state.env) || md.options.typographer) return;
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; fn: (state: CoreState) => void }[] })
    .__rules__;
  for (const token of state.tokens) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? [])
      if (child.type === "text") child.content = child.content.replaceAll("<<", "«").replaceAll(">>", "»");
  }
  md.options.typographer = true;
  try {
    for (const name of ["replacements", "smartquotes"]) rules.find((rule) => rule.name === name)?.fn(state);
  } finally {
    md.options.typographer = false;
  }
}

/** Footnote HTML as goldmark writes it: `fn:1`/`fnref:1` ids, roles, a `div` after an `hr`, `&#160;↩︎`. */
function goldmarkFootnotes(md: MarkdownIt): void {
  const rules = md.renderer.rules as Record<string, (tokens: Token[], index: number) => string>;
  const number = (tokens: Token[], index: number) => String(Number(tokens[index]!.meta!.id) + 1);
  rules.footnote_ref = (tokens, index) => {
    const n = number(tokens, index);
    return `<sup id="fnref:${n}"><a href="#fn:${n}" class="footnote-ref" role="doc-noteref">${n}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n';
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, index) => `<li id="fn:${number(tokens, index)}">\n`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, index) =>
    `&#160;<a href="#fnref:${number(tokens, index)}" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`;
}

/**
 * Sets up `md` to render posts as goldmark does (see the module's comment). `appliesTo` tells posts from the site's
 * other pages by the render's `env`, for the rules that can be limited to them. Call it after headingAnchors.
 */
export function useGoldmark(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  md.use(footnote);
  md.use(deflist);
  goldmarkFootnotes(md);
  md.core.ruler.after("inline", "ru_blog_heading_attributes", (state) =>
    headingAttributes(state as unknown as CoreState, appliesTo),
  );
  md.core.ruler.after("ru_blog_heading_attributes", "ru_blog_typographer", (state) =>
    typographer(md, state as unknown as CoreState, appliesTo),
  );
  // Last, after the heading ids are made unique (headingAnchors).
  md.core.ruler.push("ru_blog_written_heading_ids", (state) => keepWrittenIds(state as unknown as CoreState));
}
