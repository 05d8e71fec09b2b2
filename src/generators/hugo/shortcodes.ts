/**
 * Hugo's built-in shortcodes, written out as Hugo 0.111's embedded templates write them (tpl/tplimpl/embedded/
 * templates/shortcodes/*.html, read from the `hugo` binary and checked against its output in
 * test/fixtures/hugo-shortcodes): the same elements, attributes, whitespace and embed URLs. Where Hugo needs the
 * network (tweet, instagram) the plugin writes the embed the service's own script completes; where Hugo 0.111 has
 * no such shortcode (details, x, qr) it follows the newer Hugo that added it, or says it cannot.
 */
import type { ShortcodeCall } from "../../content/shortcodes.js";

export interface BuiltInContext {
  /** Hugo's `markdownify`: inline Markdown to HTML. */
  markdownify(text: string): string;
  /** The value of a page parameter, as Hugo's `.Page.Param` finds it (the post's front matter, then the site's). */
  param(key: string): unknown;
}

/** What a built-in gives: HTML inserted as it is, or Markdown that goes on through the site's Markdown renderer. */
export type BuiltInOutput = { html: string } | { markdown: string };

/** A built-in that cannot be written: the caller stops the build with the message and the file. */
export class UnsupportedShortcodeError extends Error {
  override name = "UnsupportedShortcodeError";
}

/** Names Hugo's `ref` and `relref` are resolved under (they need the whole site, so the caller handles them). */
export const LINK_SHORTCODES: ReadonlySet<string> = new Set(["ref", "relref"]);

type BuiltIn = (call: ShortcodeCall, context: BuiltInContext) => BuiltInOutput;

export const BUILT_INS: ReadonlyMap<string, BuiltIn> = new Map<string, BuiltIn>([
  ["figure", (call, context) => ({ html: figure(call, context) })],
  ["youtube", (call) => ({ html: youtube(call) })],
  ["vimeo", (call) => ({ html: vimeo(call) })],
  ["gist", (call) => ({ html: gist(call) })],
  ["param", (call, context) => ({ html: param(call, context) })],
  ["highlight", (call) => ({ markdown: highlight(call) })],
  ["tweet", (call) => ({ html: tweet(call, "twitter.com") })],
  ["twitter", (call) => ({ html: tweet(call, "twitter.com") })],
  ["x", (call) => ({ html: tweet(call, "x.com") })],
  ["instagram", (call) => ({ html: instagram(call) })],
  ["details", (call, context) => ({ markdown: details(call, context) })],
  [
    "qr",
    () => {
      throw new UnsupportedShortcodeError(
        "Hugo's qr shortcode (a QR code image) is not built in here; register an Eleventy shortcode named qr " +
          '(eleventyConfig.addShortcode("qr", (text) => …), e.g. with the qrcode package) or replace it with an image',
      );
    },
  ],
]);

/** Hugo's `.Get`: a named argument, or a positional one by index. */
function get(call: ShortcodeCall, key: string | number): string | undefined {
  return typeof key === "number" ? call.positional[key] : call.named[key];
}

/** Go html/template's escaping of text and quoted attribute values. */
export function goEscape(text: string): string {
  return text.replace(/[&'<>"+\0]/g, (c) => GO_ESCAPES[c] as string);
}
const GO_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "'": "&#39;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "+": "&#43;",
  "\0": "\uFFFD",
};

/**
 * Go html/template's handling of a URL attribute: an unsafe scheme becomes `#ZgotmplZ`; characters a URL may not
 * hold are percent-encoded in lower-case hex, as Go writes them (escapes already there kept); then the value is escaped as any attribute.
 */
export function goUrl(url: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https" && scheme !== "mailto") return "#ZgotmplZ";
  let normalized = "";
  for (const char of url) {
    normalized += /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(char)
      ? char
      : [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
  }
  return goEscape(normalized);
}

/** Hugo's `plainify`: the text of some HTML. */
function plainify(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

function figure(call: ShortcodeCall, context: BuiltInContext): string {
  const link = get(call, "link");
  const caption = get(call, "caption");
  const attr = get(call, "attr");
  const title = get(call, "title");
  let out = `<figure${attribute("class", get(call, "class"))}>`;
  if (link)
    out += `<a href="${goUrl(link)}"${attribute("target", get(call, "target"))}${attribute("rel", get(call, "rel"))}>`;
  out += `<img src="${goUrl(get(call, "src") ?? "")}"`;
  const alt = get(call, "alt");
  if (alt || caption)
    out += `\n         alt="${alt ? goEscape(alt) : goEscape(plainify(context.markdownify(caption ?? "")))}"`;
  out += attribute("width", get(call, "width")) + attribute("height", get(call, "height")) + "/>";
  if (link) out += "</a>";
  if (title || caption || attr) {
    out += "<figcaption>\n            ";
    if (title) out += `<h4>${goEscape(title)}</h4>`;
    if (caption || attr) {
      out += "<p>" + context.markdownify(caption ?? "");
      const attrlink = get(call, "attrlink");
      if (attrlink) out += `\n                    <a href="${goUrl(attrlink)}">`;
      out += context.markdownify(attr ?? "");
      if (attrlink) out += "</a>";
      out += "</p>";
    }
    out += "\n        </figcaption>";
  }
  return `${out}\n</figure>`;
}

/** ` name="value"` when the value is non-empty, as the templates' `{{ with … }}` write it. */
function attribute(name: string, value: string | undefined): string {
  return value ? ` ${name}="${goEscape(value)}"` : "";
}

const EMBED_BOX = "position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;";
const EMBED_FRAME = "position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;";

function youtube(call: ShortcodeCall): string {
  const id = get(call, "id") || get(call, 0) || "";
  const klass = get(call, "class") || get(call, 1);
  const title = get(call, "title") || "YouTube Video";
  const autoplay = get(call, "autoplay") === "true" ? "?autoplay=1" : "";
  const box = klass ? `class="${goEscape(klass)}"` : `style="${EMBED_BOX}"`;
  const frameStyle = klass ? "" : `style="${EMBED_FRAME}" `;
  return (
    `\n<div ${box}>\n  <iframe src="${goUrl(`https://www.youtube.com/embed/${id}`)}${autoplay}" ${frameStyle}` +
    `allowfullscreen title="${goEscape(title)}"></iframe>\n</div>\n`
  );
}

function vimeo(call: ShortcodeCall): string {
  if (call.isNamed) {
    const klass = get(call, "class");
    const title = get(call, "title") || "vimeo video";
    const box = klass ? `class="${goEscape(klass)}"` : `style="${EMBED_BOX}"`;
    const frameStyle = klass ? "" : `style="${EMBED_FRAME}" `;
    return (
      `<div ${box}>\n  <iframe src="${goUrl(`https://player.vimeo.com/video/${get(call, "id") ?? ""}`)}" ${frameStyle}` +
      `title="${goEscape(title)}" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>`
    );
  }
  const count = call.positional.length;
  const box = count > 1 ? `class="${goEscape(get(call, 1) ?? "")}"` : `style="${EMBED_BOX}"`;
  const frameStyle = count === 1 ? `style="${EMBED_FRAME}" ` : "";
  const title = count === 3 ? goEscape(get(call, 2) ?? "") : "vimeo video";
  return (
    `\n<div ${box}>\n  <iframe src="${goUrl(`https://player.vimeo.com/video/${get(call, 0) ?? ""}`)}" ${frameStyle}` +
    `title="${title}" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>\n`
  );
}

function gist(call: ShortcodeCall): string {
  const file = call.positional.length === 3 ? `?file=${get(call, 2)}` : "";
  const src = goUrl(`https://gist.github.com/${get(call, 0) ?? ""}/${get(call, 1) ?? ""}.js${file}`);
  return `<script type="application/javascript" src="${src}"></script>\n`;
}

function param(call: ShortcodeCall, context: BuiltInContext): string {
  const key = get(call, 0);
  if (!key)
    throw new UnsupportedShortcodeError(
      "the param shortcode names no parameter (Hugo: Missing param key); write {{< param name >}}",
    );
  const value = context.param(key);
  if (value === undefined || value === null || value === "" || value === false) {
    throw new UnsupportedShortcodeError(
      `param ${JSON.stringify(key)} is not found (Hugo stops here too); add ${key} to the post's front matter or to the site's global data`,
    );
  }
  return goEscape(String(value));
}

/**
 * Hugo highlights with Chroma, whose inline styles no JavaScript highlighter reproduces; the shortcode becomes a
 * fenced code block instead, so it looks like every other code block of the site (the site's highlighter, if any).
 */
function highlight(call: ShortcodeCall): string {
  const language = get(call, 0) ?? "";
  const code = (call.inner ?? "").replace(/^\r?\n/, "").replace(/\r?\n?$/, "\n");
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return `\n${fence}${language}\n${code}${fence}\n`;
}

/**
 * Hugo fetches the tweet's HTML from publish.twitter.com while building (offline it stops with "Failed to get JSON
 * resource"); this writes the blockquote that request returns, without the tweet's text, which Twitter's widget
 * script fills in when the page is read.
 */
function tweet(call: ShortcodeCall, host: string): string {
  const user = call.isNamed ? get(call, "user") : call.positional.length === 1 ? "x" : get(call, 0);
  const id = call.isNamed ? get(call, "id") : call.positional.length === 1 ? get(call, 0) : get(call, 1);
  if (!user || !id) {
    throw new UnsupportedShortcodeError(`the "${call.name}" shortcode requires two named parameters: user and id`);
  }
  const url = goUrl(`https://${host}/${user}/status/${id}`);
  return (
    `<blockquote class="twitter-tweet"><a href="${url}">${url}</a></blockquote>\n` +
    `<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n`
  );
}

/** Hugo asks Instagram's API (with an access token) while building; this writes the embed Instagram's script completes. */
function instagram(call: ShortcodeCall): string {
  const id = get(call, 0) ?? get(call, "id") ?? "";
  const url = goUrl(`https://www.instagram.com/p/${id}/`);
  const captioned = get(call, 1) === "hidecaption" ? "" : " data-instgrm-captioned";
  return (
    `<blockquote class="instagram-media"${captioned} data-instgrm-permalink="${url}" data-instgrm-version="14">` +
    `<a href="${url}">${url}</a></blockquote>\n<script async src="https://www.instagram.com/embed.js"></script>\n`
  );
}

/**
 * Hugo 0.140's details shortcode (0.111 has none; it stops with 'template for shortcode "details" not found'). The
 * inner text is Markdown, so this is an HTML block around it that the site's Markdown renderer goes on with.
 */
function details(call: ShortcodeCall, context: BuiltInContext): string {
  const open = get(call, "open");
  const summary = get(call, "summary") || "Details";
  return (
    `\n<details${attribute("class", get(call, "class"))}${attribute("name", get(call, "name"))}` +
    `${open && open !== "false" ? " open" : ""}${attribute("title", get(call, "title"))}>\n` +
    `  <summary>${context.markdownify(summary)}</summary>\n\n${(call.inner ?? "").trim()}\n\n</details>\n`
  );
}

/** A heading of the post, for {@link tableOfContents}. */
export interface TocHeading {
  level: number;
  id: string;
  /** The heading's inline HTML. */
  html: string;
}

/**
 * Hugo 0.111's `.TableOfContents` (its defaults: `h2` and `h3`, unordered), which is what a theme's `toc` shortcode
 * almost always writes: nested lists of links to the headings, indented as Hugo indents them.
 */
export function tableOfContents(headings: readonly TocHeading[], startLevel = 2, endLevel = 3): string {
  const items = headings.filter((heading) => heading.level >= startLevel && heading.level <= endLevel);
  if (items.length === 0) return "";
  let out = `<nav id="TableOfContents">\n`;
  let index = 0;
  const list = (level: number, indent: string): void => {
    out += `${indent}<ul>\n`;
    while (index < items.length && (items[index] as TocHeading).level >= level) {
      const heading = items[index] as TocHeading;
      if (heading.level > level) {
        // A deeper heading without a parent at this level: Hugo gives it an empty item.
        out += `${indent}  <li>\n`;
        list(level + 1, `${indent}    `);
        out += `${indent}  </li>\n`;
        continue;
      }
      index++;
      out += `${indent}  <li><a href="#${goEscape(heading.id)}">${heading.html}</a>`;
      if (index < items.length && (items[index] as TocHeading).level > level) {
        out += "\n";
        list(level + 1, `${indent}    `);
        out += `${indent}  </li>\n`;
      } else out += "</li>\n";
    }
    out += `${indent}</ul>\n`;
  };
  list(startLevel, "  ");
  return `${out}</nav>`;
}
