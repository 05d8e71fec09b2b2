/**
 * Body HTML in one spelling, so that two renderings compare equal when a browser shows them alike: whitespace
 * between and inside text runs collapsed (kept as written in `pre`), attributes sorted, entities decoded and text
 * re-escaped one way, void elements without `/`.
 */
import { parseDocument } from "htmlparser2";
import { escapeAttribute, escapeText } from "entities";

interface Node {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const VOID = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "source",
  "track",
  "wbr",
  "area",
  "base",
  "col",
  "embed",
]);

/**
 * Hugo colours fenced code (Chroma, inline styles): `<div class="highlight"><pre style tabindex><code class
 * data-lang><span style>…`. Colouring is presentation; the code's text and language are what is compared.
 */
function unhighlight(node: Node): Node {
  if (node.type !== "tag") return node.children ? { ...node, children: node.children.map(unhighlight) } : node;
  if (node.name === "div" && node.attribs?.class === "highlight" && node.children?.length === 1)
    return unhighlight(node.children[0]!);
  if (node.name === "pre") {
    const code = node.children?.find((child) => child.type === "tag" && child.name === "code");
    const text = (n: Node): string => (n.type === "text" ? (n.data ?? "") : (n.children ?? []).map(text).join(""));
    const language = code?.attribs?.class;
    return {
      type: "tag",
      name: "pre",
      attribs: {},
      children: [
        {
          type: "tag",
          name: "code",
          attribs: language ? { class: language } : {},
          children: [{ type: "text", data: code ? text(code) : text(node) }],
        },
      ],
    };
  }
  return { ...node, children: node.children?.map(unhighlight) };
}

function serialize(node: Node, inPre: boolean): string {
  if (node.type === "text") {
    const text = escapeText(node.data ?? "");
    return inPre ? text : text.replace(/\s+/g, " ");
  }
  if (node.type === "comment") return "";
  const children = (node.children ?? []).map((child) => serialize(child, inPre || node.name === "pre")).join("");
  if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return children;
  const attributes = Object.entries(node.attribs ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join("");
  if (VOID.has(node.name!)) return `<${node.name}${attributes}>`;
  return `<${node.name}${attributes}>${children}</${node.name}>`;
}

export function normalizeHtml(html: string): string {
  const document = parseDocument(html, { decodeEntities: true }) as unknown as Node;
  return serialize(unhighlight(document), false)
    .replace(
      /\s*(<\/?(?:p|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|th|td|div|figure|figcaption|blockquote|pre|hr|section)[\s>])\s*/g,
      "$1",
    )
    .trim();
}
