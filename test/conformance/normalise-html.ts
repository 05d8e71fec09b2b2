/**
 * A body's HTML in one spelling, so that two renderers' output compares equal when a browser shows the same thing:
 * whitespace between and inside blocks collapsed (kept inside `<pre>`), attributes sorted, entities decoded and
 * re-escaped one way, comments dropped, `<br>` and `<br />` alike.
 *
 * Code blocks: colouring is presentation, so every `<pre>` becomes `<pre><code>its text</code></pre>`, out of its
 * highlighter's container (`<div class="highlight">`: Pygments' for Pelican's CodeHilite, Chroma's for Hugo), its
 * token `<span>`s and the `<pre>`'s own styles dropped with their text kept. The block's language (a `language-x`
 * class on the `<code>`) stays, but with `codeLanguage: false`: Pygments' HTML names none (the plugin puts
 * `language-x` there for a client-side highlighter instead).
 *
 * Links: with `siteUrl`, an absolute `href`/`src` on the site (Pelican's, with RELATIVE_URLS off) and a
 * root-relative one are alike, and so are a percent-encoded and a raw Cyrillic path: a browser goes to the same page.
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

export interface NormaliseOptions {
  /** The site's origin (`https://example.ru`): links to it are compared as root-relative. */
  siteUrl?: string | undefined;
  /** Whether a code block's language is compared (default true; false where the generator's HTML names none). */
  codeLanguage?: boolean;
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** Whitespace next to these tags' boundaries does not show. */
const BLOCK_BOUNDARY =
  /\s*(<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|th|td|figure|figcaption|blockquote|pre|hr|sup|section)\b[^>]*>)\s*/g;

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

export function normaliseHtml(html: string, options: NormaliseOptions = {}): string {
  return serialise(parseDocument(html, { decodeEntities: true }).children, options).trim();
}

function normaliseLink(value: string, siteUrl: string | undefined): string {
  const path = siteUrl && value.startsWith(`${siteUrl}/`) ? value.slice(siteUrl.length) : value;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function serialise(nodes: ChildNode[], options: NormaliseOptions): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.data).replace(/\s+/g, " ");
    else if (node.type === "tag" || node.type === "script" || node.type === "style")
      out += element(node as Element, options);
  }
  return out.replace(BLOCK_BOUNDARY, "$1");
}

const isTag = (node: ChildNode): node is Element => node.type === "tag";

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  return "children" in node ? (node.children as ChildNode[]).map(textOf).join("") : "";
}

/** A code block as `<pre><code class="language-x">text</code></pre>`, whatever highlighter wrote it. */
function codeBlock(pre: Element, options: NormaliseOptions): string {
  const code = pre.children.find(isTag);
  const language = code?.name === "code" ? /(?:^|\s)(language-\S+)/.exec(code.attribs.class ?? "")?.[1] : undefined;
  const kept = options.codeLanguage === false ? undefined : language;
  return `<pre><code${kept ? ` class="${escapeAttribute(kept)}"` : ""}>${escapeText(textOf(pre))}</code></pre>`;
}

function element(node: Element, options: NormaliseOptions): string {
  if (node.name === "pre") return codeBlock(node, options);
  const onlyChild = node.children.filter((child) => isTag(child) || textOf(child).trim() !== "");
  if (node.name === "div" && /\bhighlight\b/.test(node.attribs.class ?? "") && onlyChild.length === 1) {
    const [inner] = onlyChild;
    if (isTag(inner!) && inner.name === "pre") return codeBlock(inner, options);
  }
  const attributes = Object.entries(node.attribs)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([name, value]) =>
        ` ${name}="${escapeAttribute(name === "href" || name === "src" ? normaliseLink(value, options.siteUrl) : value)}"`,
    )
    .join("");
  if (VOID.has(node.name)) return `<${node.name}${attributes}>`;
  return `<${node.name}${attributes}>${serialise(node.children, options)}</${node.name}>`;
}
