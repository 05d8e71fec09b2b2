/**
 * A body's HTML in one spelling, so that two renderers' output compares equal when a browser shows the same thing:
 * whitespace between and inside blocks collapsed (kept inside `<pre>`), attributes sorted, entities decoded and
 * re-escaped one way, `<br>` and `<br />` alike. Code blocks: Pygments' token `<span>`s (Pelican's CodeHilite colours
 * code at build time) are dropped with their text kept, and a `language-*` class on a highlighted block's `<code>`
 * (what a client-side highlighter reads, where Pygments left none) is not compared. Links: with `origin`, an
 * absolute `href`/`src` on the site (Pelican's, with RELATIVE_URLS off) and a root-relative one are alike, and so are
 * a percent-encoded and a raw Cyrillic path: a browser goes to the same page.
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

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

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

let siteOrigin: string | undefined;

export function normaliseHtml(html: string, origin?: string): string {
  siteOrigin = origin;
  return serialise(parseDocument(html, { decodeEntities: true }).children, false, false).trim();
}

function normaliseLink(value: string): string {
  const path = siteOrigin && value.startsWith(`${siteOrigin}/`) ? value.slice(siteOrigin.length) : value;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function serialise(nodes: ChildNode[], inPre: boolean, inHighlight: boolean): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") {
      out += inPre ? escapeText(node.data) : escapeText(node.data).replace(/\s+/g, " ");
    } else if (node.type === "tag" || node.type === "script" || node.type === "style") {
      out += element(node as Element, inPre, inHighlight);
    }
  }
  // Whitespace next to a block boundary does not show; collapse it to nothing outside <pre>.
  return inPre
    ? out
    : out.replace(
        /\s*(<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|th|td|blockquote|pre|hr|sup|section)\b[^>]*>)\s*/g,
        "$1",
      );
}

function element(node: Element, inPre: boolean, inHighlight: boolean): string {
  const highlight = inHighlight || (node.name === "div" && /\bhighlight\b/.test(node.attribs.class ?? ""));
  if (inPre && node.name === "span") return serialise(node.children, true, highlight);
  const attributes = Object.entries(node.attribs)
    .filter(([name, value]) => !(highlight && node.name === "code" && name === "class" && /^language-\S+$/.test(value)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([name, value]) =>
        ` ${name}="${escapeAttribute(name === "href" || name === "src" ? normaliseLink(value) : value)}"`,
    )
    .join("");
  if (VOID.has(node.name)) return `<${node.name}${attributes}>`;
  const pre = inPre || node.name === "pre";
  return `<${node.name}${attributes}>${serialise(node.children, pre, highlight)}</${node.name}>`;
}
