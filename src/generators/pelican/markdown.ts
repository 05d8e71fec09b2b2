/**
 * Markdown as Pelican 4.8 renders it with its default `MARKDOWN` setting: Python-Markdown 3.4 with `codehilite`
 * (css_class `highlight`), `extra` and `meta`, checked against the real Pelican in test/conformance/pelican.
 *
 * - indented code blocks (which Eleventy 3 turns off) and fenced ones, in CodeHilite's `<div class="highlight">`;
 *   a first line `:::bash` names the language and goes, `#!bash` does too and adds line numbers, `#!/bin/bash`
 *   stays and adds line numbers. Pygments colours code at build time; here the block carries `language-bash` on
 *   its `<code>` for a client-side highlighter instead;
 * - `extra`: Markdown inside a block of HTML marked `markdown="1"` (`md_in_html`), `attr_list` (`{: .class style="…"}`, markdown-it-attrs), footnotes (markdown-it-footnote, in
 *   Python-Markdown's markup), abbreviations (markdown-it-abbr), definition lists (markdown-it-deflist), tables;
 * - a list item's text is a paragraph when a blank line touches that item, not when one is anywhere in the list;
 * - a heading needs no space after its `#`s (`#!python` in a list item is `<h1>!python</h1>`, `#тег` a heading);
 * - no heading ids: Pelican writes them only with the `toc` (or `headerid`) extension configured.
 *
 * Only posts (`appliesTo` their render env) get indented code and CodeHilite's markup; the plugins of `extra` work
 * on syntax that plain Markdown leaves as text, so the site's other pages are rendered alike.
 */
import type { MarkdownIt } from "markdown-it";
import abbr from "markdown-it-abbr";
import attrs from "markdown-it-attrs";
import deflist from "markdown-it-deflist";
import footnote from "markdown-it-footnote";

type Token = { info: string; content: string; attrGet(name: string): string | null };
type Rule = (tokens: Token[], index: number, options: unknown, env: unknown, self: unknown) => string;
type BlockRule = (state: { env: unknown }, startLine: number, endLine: number, silent: boolean) => boolean;

interface Rules {
  __find__(name: string): number;
  __rules__: { name: string; fn: BlockRule; enabled: boolean }[];
}

export function pelicanMarkdown(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  md.use(attrs, { leftDelimiter: "{:", rightDelimiter: "}" });
  md.use(deflist);
  md.use(abbr);
  md.use(footnote);
  pythonMarkdownFootnotes(md);
  indentedCodeIn(md, appliesTo);
  markdownInHtml(md, appliesTo);
  spacedLinkTargets(md, appliesTo);
  unspacedHeadings(md, appliesTo);
  looseItems(md, appliesTo);
  const rules = md.renderer.rules as unknown as Record<string, Rule | undefined>;
  for (const name of ["code_block", "fence"] as const) {
    const plain = rules[name];
    rules[name] = (tokens, index, options, env, self) => {
      const token = tokens[index]!;
      if (!appliesTo(env)) return plain ? plain(tokens, index, options, env, self) : "";
      const info = name === "fence" ? fenceLanguage(token.info) : undefined;
      return codeHilite(token.content, info);
    };
  }
}

/** Eleventy 3 turns indented code off (`md.disable("code")`); posts get it back. */
function indentedCodeIn(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  const ruler = md.block.ruler as unknown as Rules;
  const rule = ruler.__rules__[ruler.__find__("code")];
  if (!rule) return;
  const code = rule.fn;
  md.block.ruler.before(
    "code",
    "pelican_code",
    ((state, startLine, endLine, silent) =>
      appliesTo(state.env) && code(state, startLine, endLine, silent)) as BlockRule as never,
  );
}

/**
 * Python-Markdown decides per item whether its text is a `<p>`: when a blank line comes before it (inside the list)
 * or inside or after it. CommonMark makes the whole list loose or tight.
 */
function looseItems(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  md.core.ruler.after("block", "pelican_loose_items", (state) => {
    if (!appliesTo(state.env)) return;
    const lines = state.src.split("\n");
    const blank = (line: number) => line >= 0 && line < lines.length && lines[line]!.trim() === "";
    const items: { level: number; loose: boolean }[] = [];
    const lists: [number, number][] = [];
    for (const token of state.tokens) {
      if (token.type === "bullet_list_open" || token.type === "ordered_list_open")
        lists.push(token.map as [number, number]);
      else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") lists.pop();
      else if (token.type === "list_item_open" && token.map) {
        const [start, end] = token.map as [number, number];
        const [listStart, listEnd] = lists[lists.length - 1] ?? [start, end];
        let last = end - 1;
        while (last > start && blank(last)) last--;
        // A blank line before the item, inside it, or after it when another item follows.
        let loose = (start > listStart && blank(start - 1)) || (end < listEnd && blank(end - 1));
        for (let line = start + 1; line < last && !loose; line++) loose = blank(line);
        items.push({ level: token.level, loose });
      } else if (token.type === "list_item_close") {
        items.pop();
      } else if ((token.type === "paragraph_open" || token.type === "paragraph_close") && items.length) {
        const item = items[items.length - 1]!;
        if (token.level === item.level + 1) token.hidden = !item.loose;
      }
    }
  });
}

type BlockState = {
  env: unknown;
  src: string;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  blkIndent: number;
  line: number;
  push(
    type: string,
    tag: string,
    nesting: number,
  ): { markup: string; map: number[] | null; content: string; children: unknown[] | null };
};

/**
 * Python-Markdown's `HashHeaderProcessor` takes `#x` as a heading where CommonMark wants `# x`; markdown-it's own
 * rule reads the spaced form, this one the other.
 */
function unspacedHeadings(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  const rule = (state: BlockState, startLine: number, _endLine: number, silent: boolean): boolean => {
    if (!appliesTo(state.env) || state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const line = state.src.slice(start, state.eMarks[startLine]);
    const heading = /^(#{1,6})([^#\s][^]*?)#*\s*$/.exec(line);
    if (!heading) return false;
    if (silent) return true;
    state.line = startLine + 1;
    const tag = `h${heading[1]!.length}`;
    const open = state.push("heading_open", tag, 1);
    open.markup = heading[1]!;
    open.map = [startLine, state.line];
    const inline = state.push("inline", "", 0);
    inline.content = heading[2]!.trim();
    inline.map = [startLine, state.line];
    inline.children = [];
    state.push("heading_close", tag, -1).markup = heading[1]!;
    return true;
  };
  md.block.ruler.before("heading", "pelican_heading", rule as never, { alt: ["paragraph", "reference", "blockquote"] });
}

/** A Pelican link whose path has a space, which Python-Markdown takes and CommonMark does not: `({filename}/Мои заметки/x.md)`. */
const SPACED_PELICAN_LINK = /\]\((\{(?:filename|static|attach)\}[^()<>"\n]*? [^()<>"\n]*?)\)/g;

/** `[x]({filename}/Мои заметки/x.md)` → `[x](<{filename}/Мои заметки/x.md>)`, CommonMark's spelling of such a target. */
function spacedLinkTargets(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  md.core.ruler.before("block", "pelican_spaced_links", (state) => {
    if (appliesTo(state.env)) state.src = state.src.replace(SPACED_PELICAN_LINK, "](<$1>)");
  });
}

const MARKED_BLOCK = /^<([a-z][a-z0-9]*)\b([^>]*?)\s+markdown=(["']?)(?:1|block)\3([^>]*)>/i;

/**
 * `md_in_html`: `<div markdown="1">` … `</div>` has its inside read as Markdown and loses the attribute. markdown-it
 * already reads the inside when a blank line follows the opening tag; a block without one is one HTML token here.
 */
function markdownInHtml(md: MarkdownIt, appliesTo: (env: unknown) => boolean): void {
  md.core.ruler.after("block", "pelican_md_in_html", (state) => {
    if (!appliesTo(state.env)) return;
    for (const token of state.tokens) {
      if (token.type !== "html_block") continue;
      const open = MARKED_BLOCK.exec(token.content);
      if (!open) continue;
      const [whole, tag, before, , after] = open;
      const start = `<${tag}${before}${after}>`;
      const rest = token.content.slice(whole.length);
      const close = new RegExp(`</${tag}>\\s*$`, "i").exec(rest);
      token.content = close
        ? `${start}\n${md.render(rest.slice(0, close.index), state.env)}</${tag}>\n`
        : `${start}${rest}`;
    }
  });
}

/** ```` ```python ````, ```` ```{.python} ````, `~~~~{.js}`: the language of a fenced block, as fenced_code reads it. */
function fenceLanguage(info: string): string | undefined {
  const text = info.trim();
  const braced = /^\{\s*\.?([\w+#-]+)[^}]*\}$/.exec(text);
  if (braced) return braced[1];
  return /^[\w+#-]+/.exec(text)?.[0];
}

/** As Pygments escapes code (and markdown-it text): a quote too, so no `href="{filename}…"` inside code looks like a link. */
const escape = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * A code block as CodeHilite writes it with Pygments. Its first line may name the language (`:::bash`, `#!bash`,
 * `#!/bin/bash`; CodeHilite's `_parseHeader`), which only a fenced block's info string does otherwise.
 */
export function codeHilite(content: string, fenced: string | undefined): string {
  let code = content;
  let language = fenced;
  let lineNumbers = false;
  if (fenced === undefined) {
    const [first = "", ...rest] = code.split("\n");
    const header = /^(?:(?::::|#!)\s*([\w+#.-]+)|#!(\/\S*))\s*$/.exec(first);
    if (header && header[2] !== undefined) {
      // `#!/usr/bin/python`: a real shebang stays in the code; the numbers come on.
      lineNumbers = true;
      language = header[2].split("/").pop();
    } else if (header) {
      lineNumbers = first.startsWith("#!");
      language = header[1];
      code = rest.join("\n");
    }
  }
  const body = `<span></span><code${language ? ` class="language-${escape(language)}"` : ""}>${escape(code.replace(/\n*$/, "\n"))}</code>`;
  if (!lineNumbers) return `<div class="highlight"><pre>${body}</pre></div>\n`;
  const count = code.replace(/\n*$/, "").split("\n").length;
  const numbers = Array.from({ length: count }, (_, i) => `<span class="normal">${i + 1}</span>`).join("\n");
  return `<div class="highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>${numbers}</pre></div></td><td class="code"><div><pre>${body}</pre></div></td></tr></table></div>\n`;
}

/**
 * Footnotes in Python-Markdown's markup, the ids and classes a Pelican theme's CSS and old links expect:
 * `<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>` and
 * `<div class="footnote"><hr><ol><li id="fn:1">… <a class="footnote-backref" href="#fnref:1" …>↩</a></li></ol></div>`.
 */
function pythonMarkdownFootnotes(md: MarkdownIt): void {
  type FootnoteToken = Token & { meta: { id: number; label?: string; subId?: number } };
  const rules = md.renderer.rules as unknown as Record<string, (tokens: FootnoteToken[], index: number) => string>;
  const name = (token: FootnoteToken) => token.meta.label ?? String(token.meta.id + 1);
  rules.footnote_ref = (tokens, index) => {
    const token = tokens[index]!;
    return `<sup id="fnref:${escape(name(token))}"><a class="footnote-ref" href="#fn:${escape(name(token))}">${token.meta.id + 1}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnote">\n<hr>\n<ol>\n';
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, index) => `<li id="fn:${escape(name(tokens[index]!))}">\n`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, index) => {
    const token = tokens[index]!;
    return `&#160;<a class="footnote-backref" href="#fnref:${escape(name(token))}" title="Jump back to footnote ${token.meta.id + 1} in the text">&#8617;</a>`;
  };
}
