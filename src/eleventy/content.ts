/**
 * Glue: links and shortcodes inside posts, in the old generators' body syntax (their dialects' `body`). Shortcodes
 * are expanded in a preprocessor, before Markdown (as Hugo does); what needs the whole site (`ref`/`relref`) and HTML
 * that Markdown must not touch go in as placeholders, filled by one markdown-it rule during the post's only
 * rendering, which also resolves the generators' links (Pelican's `{filename}`). Each post's source and tokens are
 * walked once.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import picomatch from "picomatch";
import { RuBlogError, withPlace } from "../errors.js";
import type { ShortcodeSet } from "../generators/dialect.js";
import { DIALECTS, dialectOf, type GeneratorName } from "../generators/index.js";
import { resolveRelativeLink, type LinkingPost, type LinkSite, type Resolution } from "../content/links.js";
import {
  expandShortcodes,
  mayHaveShortcodes,
  ShortcodeSyntaxError,
  type LineRange,
  type ShortcodeCall,
} from "../content/shortcodes.js";
import { termKey } from "../site/taxonomy.js";
import { contentRoot } from "../content/attachments.js";
import type { PluginContext } from "./context.js";
import { createPreprocessors } from "./preprocessors.js";
import type { EleventyConfig } from "./types.js";

type Heading = { level: number; id: string; html: string };
type Placeholder =
  | { html: string }
  | { link: (post: LinkingPost, site: LinkSite) => Resolution; written: string }
  | { toc: (headings: readonly Heading[]) => string };
type Filled = Exclude<Placeholder, { toc: unknown }>;

/** Every generator's links (they are resolved in every post: a migrated post keeps them whatever `from` says). */
const LINK_SYNTAXES = DIALECTS.map((dialect) => dialect.body);

/** A shortcode that is neither the generator's built-in nor one the site registers. */
class UnregisteredShortcodeError extends Error {}

/**
 * Letters and digits only, so that Markdown leaves it alone wherever it stands (text, link destination, HTML); the
 * random part keeps a post's own text from ever spelling one.
 */
const PLACEHOLDER_PREFIX = `ruBlogShortcode${Math.random()
  .toString(36)
  .slice(2, 10)
  .replace(/[^a-z0-9]/g, "")}Q`;
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_PREFIX}(\\d+)Q`, "g");
const PLACEHOLDER_ALONE = new RegExp(`^${PLACEHOLDER_PREFIX}(\\d+)Q$`);
const placeholder = (index: number) => `${PLACEHOLDER_PREFIX}${index}Q`;

export function registerContent(plugin: PluginContext): void {
  const { config: eleventyConfig, options, warn } = plugin;
  const context = {
    postFile: plugin.postFile,
    relativePath: plugin.relativePath,
    // Pelican's PATH or Hugo's content/, where the attachments keep the old layout of files.
    root: contentRoot(options.attachments ? options.attachments.root : undefined, picomatch.scan(options.posts).base),
    siteUrl: options.siteUrl,
    termUrl: (kind: "tag" | "category", name: string) =>
      plugin.currentSite()?.lookup.byKey[kind].get(termKey(name))?.url,
    from: options.from,
    warn,
  };
  const placeholders = new Map<string, Placeholder[]>();
  let markdown: MarkdownIt | undefined;
  let pages = new Map<string, string>();
  let pagesIgnoringCase = new Map<string, string>();
  let pagesByName = new Map<string, { file: string; url: string }[]>();
  const fileCache = new Map<string, boolean>();
  /** Shortcodes no one defines, by name: the first call (for the message) and the posts that use it. */
  let unknownShortcodes = new Map<string, { call: ShortcodeCall; shortcodes: ShortcodeSet; files: Set<string> }>();
  const noteUnknownShortcode = (call: ShortcodeCall, shortcodes: ShortcodeSet, file: string) => {
    const known = unknownShortcodes.get(call.name) ?? { call, shortcodes, files: new Set<string>() };
    known.files.add(file);
    unknownShortcodes.set(call.name, known);
  };

  let postTexts: Map<string, string> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    fileCache.clear();
    postTexts = undefined;
    unknownShortcodes = new Map();
  });
  eleventyConfig.on("eleventy.after", () => {
    // Sorted: posts render in no fixed order, and the same site must give the same message.
    for (const { call, shortcodes, files } of unknownShortcodes.values())
      warn(shortcodes.unknownShortcodeWarning(call, [...files].sort()));
  });
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    pages = new Map();
    pagesIgnoringCase = new Map();
    pagesByName = new Map();
    for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
      const url = urls.find((candidate): candidate is string => typeof candidate === "string");
      if (url === undefined) continue;
      const file = context.relativePath(inputPath);
      pages.set(file, url);
      pagesIgnoringCase.set(file.toLowerCase(), url);
      for (const name of pageNames(file)) pagesByName.set(name, [...(pagesByName.get(name) ?? []), { file, url }]);
    }
  });

  const site: LinkSite = {
    root: context.root,
    pageUrl: (file) => pages.get(file),
    pageUrlIgnoringCase: (file) => pagesIgnoringCase.get(file.toLowerCase()),
    pagesNamed: (name) => pagesByName.get(name) ?? [],
    isFile: (file) => {
      let known = fileCache.get(file);
      if (known === undefined) {
        known =
          statSync(path.join(eleventyConfig.directories.input, file), { throwIfNoEntry: false })?.isFile() ?? false;
        fileCache.set(file, known);
      }
      return known && !pages.has(file);
    },
    copiedTo: (file) => plugin.attachmentUrls.get(file),
    termUrl: (kind, name) => (kind === "author" ? undefined : context.termUrl(kind, name)),
    homeUrl: "/",
    siteUrl: context.siteUrl,
    languages: options.languages,
    folderLanguages: options.folderLanguages,
  };

  eleventyConfig.amendLibrary("md", (library: MarkdownIt) => {
    markdown = library;
    library.core.ruler.push("ru_blog_links", (state) => {
      const page = (state.env as { page?: { inputPath?: string; url?: unknown } } | undefined)?.page;
      const file = context.postFile(page?.inputPath);
      if (!file || typeof page?.url !== "string") return;
      resolveTokens(
        state.tokens,
        { file, url: page.url },
        withTableOfContents(placeholders.get(page.inputPath as string) ?? [], state.tokens, (inline) =>
          library.renderer.renderInline(inline, library.options, state.env),
        ),
        site,
        (message) => context.warn(`${file}: ${message}`),
      );
    });
  });

  // The old generator's pass over a post's body before Markdown (Jekyll's Liquid), ahead of the shortcodes.
  const preprocessors = createPreprocessors(eleventyConfig);
  const body = context.from === undefined ? undefined : dialectOf(context.from).body;
  if (body) {
    const inputDir = eleventyConfig.directories.input;
    preprocessors.add("ru-blog-body", "md,markdown", (data: PostData, content: string) => {
      const file = context.postFile(data.page?.inputPath);
      if (!file || typeof content !== "string") return undefined;
      // The dialect's message names the post.
      return withPlace({}, () =>
        body.beforeMarkdown(content, {
          file,
          data,
          inputDir,
          posts: () => (postTexts ??= readPostTexts(inputDir, eleventyConfig.directories.output, context.postFile)),
          timezone: options.timezone,
          strict: options.strict,
          warn: (message) => context.warn(message),
        }),
      );
    });
  }

  preprocessors.add("ru-blog-shortcodes", "md,markdown", async (data: PostData, content: string) => {
    const file = context.postFile(data.page?.inputPath);
    if (!file || typeof content !== "string" || !mayHaveShortcodes(content)) return undefined;
    const shortcodes = shortcodesOf(context.from, data.page?.inputPath as string);
    if (!shortcodes) return undefined;
    const table: Placeholder[] = [];
    placeholders.set(data.page?.inputPath as string, table);
    const hold = (value: Placeholder) => placeholder(table.push(value) - 1);
    // Placeholders are per post and replaced here on every run (watch mode preprocesses a changed post again).
    let line = 0;
    try {
      return await expandShortcodes(
        content,
        codeBlocks(markdown, content),
        (call) => {
          line = call.line;
          return renderShortcode(call, {
            shortcodes,
            data,
            hold,
            markdown,
            eleventyConfig,
            strict: options.strict,
            unknown: (unknownCall) => noteUnknownShortcode(unknownCall, shortcodes, file),
          });
        },
        (at, message) =>
          context.warn(`${file}, line ${at + bodyOffset(data.page?.inputPath as string, content)}: ${message}`),
      );
    } catch (error) {
      if (error instanceof ShortcodeSyntaxError) line = error.line;
      else if (!(error instanceof UnregisteredShortcodeError) && !shortcodes.isUnsupported(error)) throw error;
      const inputPath = data.page?.inputPath as string;
      throw new RuBlogError(`line ${line + bodyOffset(inputPath, content)}: ${(error as Error).message}`, { file });
    }
  });
}

/** The texts of every post in the input folder, by path inside it (outside node_modules and the output folder). */
function readPostTexts(
  inputDir: string,
  outputDir: string,
  postFile: (inputPath: string) => string | undefined,
): Map<string, string> {
  const output = path.relative(inputDir, outputDir).split(path.sep).join("/");
  const texts = new Map<string, string>();
  for (const entry of readdirSync(inputDir, { recursive: true, encoding: "utf8" })) {
    const relative = entry.split(path.sep).join("/");
    if (relative.split("/").includes("node_modules") || (output && relative.startsWith(`${output}/`))) continue;
    const file = postFile(path.join(inputDir, entry));
    if (file !== undefined) texts.set(file, readFileSync(path.join(inputDir, entry), "utf8"));
  }
  return texts;
}

interface PostData {
  page?: { inputPath?: string; url?: string };
  eleventy?: unknown;
  [key: string]: unknown;
}

interface RenderContext {
  shortcodes: ShortcodeSet;
  data: PostData;
  /** Whether a shortcode the site does not define stops the build (`strict`). */
  strict: boolean;
  /** Notes a shortcode the site does not define, for the warning. */
  unknown(call: ShortcodeCall): void;
  hold(value: Placeholder): string;
  markdown: MarkdownIt | undefined;
  eleventyConfig: EleventyConfig;
}

async function renderShortcode(call: ShortcodeCall, context: RenderContext): Promise<string> {
  const { shortcodes, data, hold, markdown, eleventyConfig } = context;
  if (shortcodes.isLink(call.name)) {
    const link = { name: call.name, ref: call.positional[0] ?? call.named.path ?? "" };
    return hold({ link: (post, site) => shortcodes.resolveLink(link, post, site), written: call.source });
  }
  // A site's own shortcode of a built-in's name wins, as a site's layouts/shortcodes/ file wins in Hugo.
  const own =
    call.inner === undefined ? eleventyConfig.getShortcode(call.name) : eleventyConfig.getPairedShortcode(call.name);
  if (own) {
    const args: unknown[] = call.isNamed ? [{ ...call.named }] : [...call.positional];
    if (call.inner !== undefined) args.unshift(call.inner);
    const output = String((await own.call({ page: data.page, eleventy: data.eleventy, ctx: data }, ...args)) ?? "");
    return call.markdown ? output : hold({ html: output });
  }
  if (call.name === shortcodes.tableOfContentsName) return hold({ toc: shortcodes.tableOfContents });
  const output = shortcodes.render(call, builtInContext(data, markdown));
  if (output) return "markdown" in output ? output.markdown : hold({ html: output.html });
  if (context.strict) throw new UnregisteredShortcodeError(shortcodes.unregisteredMessage(call));
  // The theme that defined it did not come along: its inner text stays (paired), the rest is left out, and the
  // build goes on with one warning per name (see registerContent).
  context.unknown(call);
  // A placeholder even for nothing: in Hugo the call stands in the Markdown (two lists around it stay two lists).
  if (call.inner === undefined) return hold({ html: "" });
  return call.markdown ? call.inner : hold({ html: call.inner });
}

/**
 * How many lines come before the body Eleventy hands the preprocessor (the front matter or Pelican's header), so
 * that a message names the line of the file. Read only when there is a message to write.
 */
function bodyOffset(inputPath: string, body: string): number {
  try {
    const text = readFileSync(inputPath, "utf8");
    const at = text.indexOf(body.slice(0, 200));
    return at <= 0 ? 0 : text.slice(0, at).split("\n").length - 1;
  } catch {
    return 0;
  }
}

/**
 * The shortcodes a post's body is written with: its generator's (`from`), or without `from` the generator whose own
 * header format the post starts with (on a Pelican blog `{{< … >}}` is text, as Pelican shows it), else the first
 * that has shortcodes. Undefined when they are text. Asked only of posts that hold something like a shortcode.
 */
function shortcodesOf(from: GeneratorName | undefined, inputPath: string): ShortcodeSet | undefined {
  if (from !== undefined) return dialectOf(from).body.shortcodes;
  let start = "";
  try {
    start = readFileSync(inputPath, "utf8").slice(0, 200);
  } catch {
    // An unreadable file is in no generator's own format.
  }
  const own = DIALECTS.find((dialect) => dialect.reading.writtenInOwnFormat(start));
  if (own) return own.body.shortcodes;
  return DIALECTS.find((dialect) => dialect.body.shortcodes)?.body.shortcodes;
}

/** The placeholders with each `toc` replaced by the table of contents of the post's headings (ids as rendered). */
function withTableOfContents(
  held: readonly Placeholder[],
  tokens: Token[],
  renderInline: (tokens: Token[]) => string,
): Filled[] {
  if (!held.some((value) => "toc" in value)) return held as Filled[];
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[i + 1];
    headings.push({
      level: Number(token.tag.slice(1)),
      id: String(token.attrGet("id") ?? ""),
      html: inline?.children ? renderInline(inline.children) : "",
    });
  });
  return held.map((value) => ("toc" in value ? { html: value.toc(headings) } : value));
}

function builtInContext(data: PostData, markdown: MarkdownIt | undefined): Parameters<ShortcodeSet["render"]>[1] {
  return {
    markdownify: (text) => (markdown ? markdown.renderInline(text) : text),
    param: (key) => {
      const lower = key.toLowerCase();
      const found = Object.keys(data).find((name) => name.toLowerCase() === lower);
      return found === undefined ? undefined : data[found];
    },
  };
}

/** The lines of fenced and indented code blocks, as the site's own Markdown parser sees them. */
function codeBlocks(markdown: MarkdownIt | undefined, source: string): LineRange[] {
  if (!markdown) return [];
  const tokens: Token[] = [];
  markdown.block.parse(source, markdown, {}, tokens);
  return tokens
    .filter((token) => (token.type === "fence" || token.type === "code_block") && token.map)
    .map((token) => token.map as unknown as LineRange);
}

/** The names Hugo finds a page by: `x.md` and `x` for `posts/x.md`, and `x` for a bundle `posts/x/index.md`. */
function pageNames(file: string): string[] {
  const base = path.posix.basename(file).toLowerCase();
  const stem = base.replace(/\.[^.]+$/, "");
  if (stem === "index" || stem === "_index") return [path.posix.basename(path.posix.dirname(file)).toLowerCase()];
  return [base, stem];
}

type Token = MarkdownIt extends { parse(...args: any[]): Array<infer T> } ? T : never;

/**
 * One walk over a post's tokens: placeholders become their HTML (a paragraph holding only one becomes that HTML,
 * as Hugo unwraps it) or their resolved `ref`; Pelican links in link destinations, image sources and raw HTML
 * become the new URLs. Code tokens are left alone.
 */
function resolveTokens(
  tokens: Token[],
  post: LinkingPost,
  held: readonly Filled[],
  site: LinkSite,
  report: (message: string) => void,
): void {
  /**
   * Each placeholder in `text` as it belongs there: HTML as it is (with the placeholders of shortcodes nested in it,
   * which always come before it); a `ref` as its URL, or as written when missing.
   */
  const fill = (text: string, where: "url" | "html", below = held.length): string =>
    text.replace(PLACEHOLDER, (whole, index: string) => {
      const value = Number(index) < below ? held[Number(index)] : undefined;
      if (!value) return whole;
      if ("html" in value) return fill(value.html, "html", Number(index));
      const resolution = value.link(post, site);
      if ("problem" in resolution) {
        report(resolution.problem);
        return where === "url" ? value.written : escapeHtml(value.written);
      }
      return where === "url" ? resolution.url : escapeHtml(resolution.url);
    });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === "paragraph_open" && held.length) {
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      const only = inline?.content.trim().match(PLACEHOLDER_ALONE);
      const value = only ? held[Number(only[1])] : undefined;
      if (value && "html" in value && close?.type === "paragraph_close") {
        token.type = "html_block";
        token.tag = "";
        token.nesting = 0;
        token.content = `${fill(inline?.content.trim() ?? "", "html")}\n`;
        tokens.splice(i + 1, 2);
        continue;
      }
    }
    if (token.type === "html_block" || token.type === "html_inline") {
      token.content = rewriteHtml(held.length ? fill(token.content, "html") : token.content, post, site, report);
    }
    if (token.children) resolveTokens(token.children, post, held, site, report);
    if (token.type === "link_open" || token.type === "image") {
      const name = token.type === "image" ? "src" : "href";
      const value = token.attrGet(name);
      if (typeof value === "string")
        token.attrSet(name, resolveUrl(held.length ? fill(value, "url") : value, post, site, report));
    }
    if (token.type === "text" && held.length && token.content.includes(PLACEHOLDER_PREFIX)) {
      // Text is escaped when written; a placeholder's HTML must not be, so the token becomes raw HTML with the
      // surrounding text escaped here.
      token.type = "html_inline";
      token.content = escapeParts(token.content, (part) => fill(part, "html"));
    }
  }
}

function escapeParts(text: string, fill: (part: string) => string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += escapeHtml(text.slice(last, match.index)) + fill(match[0]);
    last = (match.index as number) + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Raw HTML with each generator's links in it rewritten. */
function rewriteHtml(html: string, post: LinkingPost, site: LinkSite, report: (message: string) => void): string {
  return LINK_SYNTAXES.reduce((text, syntax) => syntax.rewriteHtml?.(text, post, site, report) ?? text, html);
}

function resolveUrl(value: string, post: LinkingPost, site: LinkSite, report: (message: string) => void): string {
  let resolution: Resolution | undefined;
  for (const syntax of LINK_SYNTAXES) resolution ??= syntax.resolveLink?.(value, post, site);
  if (!resolution) return resolveRelativeLink(value, post, site) ?? value;
  if ("problem" in resolution) {
    report(resolution.problem);
    // As written: markdown-it percent-encodes the braces (`%7Bfilename%7D`), Pelican leaves them.
    return value.replace(
      /^(%7B|%7C)(.*?)(%7D|%7C)/i,
      (_, open: string, what: string, close: string) => decodeURIComponent(open) + what + decodeURIComponent(close),
    );
  }
  if (resolution.warning) report(resolution.warning);
  return resolution.url;
}
