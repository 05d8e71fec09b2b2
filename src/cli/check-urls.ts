/**
 * `ru-blog check-urls`: does a new build still serve every URL of an old one?
 *
 * Both builds are folders of files as a static host serves them. Each tree is walked once into a set of
 * normalised paths (percent-escapes decoded per segment, Unicode NFC), so `/tags/мнение/` stored raw by Hugo
 * and `%D0%BC%D0%BD...` stored escaped by another tool are the same URL. An old file is served when the new
 * build has a file at the same normalised path: `x/index.html` (URL `/x/`) needs a new `x/index.html`,
 * `x.html` (URL `/x.html`) needs a new `x.html`. That new file may be a redirect page
 * (`<meta http-equiv="refresh" content="0; url=...">`); a redirect whose site-internal target the new build
 * does not serve is reported as broken too (chains are followed, loops reported).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import picomatch from "picomatch";
import { Parser } from "htmlparser2";
import { InvalidValueError } from "../errors.js";
import { DIALECTS } from "../generators/index.js";
import { listFiles } from "../posts/file-tree.js";

export interface CheckUrlsOptions {
  /** Globs (picomatch) of old paths to skip, relative to the old folder, no leading slash: `"theme/**"`. */
  ignore?: readonly string[];
  /** Check every old file, not only pages and feeds. @default false */
  all?: boolean;
  /**
   * The new site's address (`https://example.ru/` or `https://example.ru/blog/`). Redirect targets that are
   * absolute URLs on this host are checked against the new build; without it they count as external.
   */
  siteUrl?: string;
}

/** An old URL the new build would not serve, and why. `url` and `target` are root-relative, decoded. */
export type Breakage =
  | { url: string; reason: "missing" }
  | { url: string; reason: "redirect-to-missing"; target: string }
  | { url: string; reason: "redirect-loop"; target: string };

export interface CheckUrlsResult {
  /** Old URLs checked (after `ignore`). */
  checked: number;
  /** Old files left out by `ignore`. */
  ignored: number;
  /** Sorted by URL. */
  broken: Breakage[];
  /** Symbolic links in either build that lead out of its folder, not followed: `old/x → /etc/passwd`. */
  notFollowed: string[];
}

const PAGE_EXTENSIONS = /\.html?$/i;
const PAGE_OR_FEED_EXTENSIONS = /\.(?:html?|xml|atom|rss)$/i;
const MAX_REDIRECT_HOPS = 10;
const LOCAL_HOST = "ru-blog.invalid";

/** Pages (`.html`, `.htm`) and feeds (`.xml`, `.atom`, `.rss`) are what `check-urls` checks by default. */
export function isPageOrFeed(path: string): boolean {
  return PAGE_OR_FEED_EXTENSIONS.test(path);
}

/** Decodes a run of `%XX` escapes character by character (UTF-8 takes 1 to 4 bytes), keeping invalid bytes. */
function decodeEscapeRun(run: string): string {
  const escapes = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
  let out = "";
  for (let i = 0; i < escapes.length;) {
    let taken = 0;
    for (let length = Math.min(4, escapes.length - i); length > 0 && taken === 0; length--) {
      try {
        out += decodeURIComponent(escapes.slice(i, i + length).join(""));
        taken = length;
      } catch {
        // not a whole character; try a shorter one
      }
    }
    if (taken === 0) {
      out += escapes[i];
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** Decodes the valid percent-escapes of a text; a broken escape (`%zz`, `%D0` alone) stays as is. Then NFC. */
function decodeEscapes(text: string): string {
  // Most paths and ids are plain ASCII: nothing to decode or compose.
  if (/^[\x00-\x24\x26-\x7f]*$/.test(text)) return text;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    decoded = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeEscapeRun);
  }
  return decoded.normalize("NFC");
}

/** Decodes one path segment (see {@link decodeEscapes}); an escaped slash must not become a folder boundary. */
function decodeSegment(segment: string): string {
  return decodeEscapes(segment).replaceAll("/", "%2F");
}

/** A relative path (`/`-separated, no leading slash) with each segment percent-decoded and in NFC. */
export function normalizePath(path: string): string {
  return path.split("/").map(decodeSegment).join("/");
}

/** The root-relative URL a file is served at: `x/index.html` → `/x/`, `index.html` → `/`, `a.xml` → `/a.xml`. */
export function urlOfFile(path: string): string {
  if (path === "index.html") return "/";
  if (path.endsWith("/index.html")) return `/${path.slice(0, -"index.html".length)}`;
  return `/${path}`;
}

/**
 * The URL a meta-refresh redirect page points to, as written (not resolved), or `undefined` when the page
 * has no `<meta http-equiv="refresh">` with a URL. Any delay counts: the old URL still reaches the new one.
 */
export function redirectTarget(html: string): string | undefined {
  if (!/http-equiv/i.test(html)) return undefined;
  let target: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (target === undefined && name === "meta") target = refreshUrl(attributes);
    },
  });
  parser.write(html);
  parser.end();
  return target;
}

/** The URL of a `<meta http-equiv="refresh" content="0; url=…">`, given its attributes. */
function refreshUrl(attributes: Record<string, string>): string | undefined {
  if (attributes["http-equiv"]?.trim().toLowerCase() !== "refresh") return undefined;
  // HTML's "shared declarative refresh steps", simplified: delay, `;` or `,`, optional `url=`, optional quotes.
  const match = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(attributes["content"] ?? "");
  let url = (match?.[1] ?? "").trim();
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = url.slice(1, end === -1 ? undefined : end).trim();
  }
  return url || undefined;
}

/**
 * Every file of a built site, as `/`-separated paths relative to its folder; `.git` is no part of the site, and a
 * link out of the folder is not followed (`outside` is told of it).
 */
export function listSiteFiles(root: string, outside?: (file: string, target: string) => void): string[] {
  return listFiles(root, { skipFolder: (name) => name === ".git", outside });
}

/** Throws `InvalidValueError` unless `dir` is an existing folder; `role` names it in the message. */
export function assertFolder(dir: string, role: string): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    throw new InvalidValueError(`${role} folder not found: ${dir}`);
  }
  if (!stats.isDirectory()) throw new InvalidValueError(`${role} is not a folder: ${dir}`);
}

/** Splits `siteUrl` into the host it lives on and its path prefix (`/` or `/blog/`). */
function parseSiteUrl(siteUrl: string): { host: string; prefix: string } {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new InvalidValueError(`site URL is not an absolute URL: ${siteUrl}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidValueError(`site URL must start with http:// or https://: ${siteUrl}`);
  }
  const prefix = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { host: url.host.toLowerCase(), prefix };
}

/** The file of a build serving a root-relative URL path (without leading slash), if any. */
function fileServingIn(files: ReadonlyMap<string, string>, urlPath: string): string | undefined {
  if (urlPath === "" || urlPath.endsWith("/")) {
    const index = `${urlPath}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(urlPath)) return urlPath;
  // A static host answers `/x` with a redirect to `/x/` when `x/index.html` exists.
  const index = `${urlPath}/index.html`;
  return files.has(index) ? index : undefined;
}

/** A build's files: normalised path → the path on disk. */
function filesOf(dir: string, notFollowed: string[] = []): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of listSiteFiles(dir, notFollowedBy(dir, notFollowed))) {
    const key = normalizePath(rel);
    if (!files.has(key)) files.set(key, rel);
  }
  return files;
}

/** Collects each link out of `dir` as the report names it. */
function notFollowedBy(dir: string, into: string[]): (file: string, target: string) => void {
  return (file, target) => into.push(`${join(dir, file)} → ${target}`);
}

export function checkUrls(oldDir: string, newDir: string, options: CheckUrlsOptions = {}): CheckUrlsResult {
  assertFolder(oldDir, "old site");
  assertFolder(newDir, "new site");
  const site = options.siteUrl ? parseSiteUrl(options.siteUrl) : undefined;
  const globs = (options.ignore ?? []).map((glob) => glob.replace(/^\/+/, ""));
  const isIgnored = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;

  // The new build: normalised path → the path on disk, to read redirect pages.
  const notFollowed: string[] = [];
  const newFiles = filesOf(newDir, notFollowed);

  const oldPaths = new Set<string>();
  let ignored = 0;
  for (const rel of listSiteFiles(oldDir, notFollowedBy(oldDir, notFollowed))) {
    if (!options.all && !isPageOrFeed(rel)) continue;
    const path = normalizePath(rel);
    if (isIgnored(path) || isIgnored(rel) || isIgnored(urlOfFile(path).slice(1))) {
      ignored++;
      continue;
    }
    oldPaths.add(path);
  }

  const redirects = new Map<string, string | undefined>();
  /** The site-internal path a new redirect page at `path` leads to (`""` when external), or `undefined`. */
  const redirectOf = (path: string): string | undefined => {
    if (redirects.has(path)) return redirects.get(path);
    let result: string | undefined;
    const disk = newFiles.get(path);
    if (disk !== undefined && PAGE_EXTENSIONS.test(path)) {
      const target = redirectTarget(readFileSync(join(newDir, disk), "utf8"));
      if (target !== undefined) result = resolveInternal(target, urlOfFile(path), site) ?? "";
    }
    redirects.set(path, result);
    return result;
  };

  const fileServing = (urlPath: string) => fileServingIn(newFiles, urlPath);

  const broken: Breakage[] = [];
  for (const path of oldPaths) {
    const url = urlOfFile(path);
    if (!newFiles.has(path)) {
      broken.push({ url, reason: "missing" });
      continue;
    }
    const visited = new Set<string>([path]);
    let current = path;
    for (let hop = 0; ; hop++) {
      const target = redirectOf(current);
      if (target === undefined || target === "") break; // a page, or a redirect off the site
      const served = fileServing(target);
      if (served === undefined) {
        broken.push({ url, reason: "redirect-to-missing", target: `/${target}` });
        break;
      }
      if (served === current) break; // a page that refreshes itself is not a redirect
      if (visited.has(served) || hop >= MAX_REDIRECT_HOPS) {
        broken.push({ url, reason: "redirect-loop", target: `/${target}` });
        break;
      }
      visited.add(served);
      current = served;
    }
  }
  broken.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { checked: oldPaths.size, ignored, broken, notFollowed };
}

/**
 * Resolves a link or redirect target against the URL of the page holding it. Returns the normalised site-internal
 * path without leading slash (`tags/мнение/`, `""` for the home page), or `undefined` for a target off the site
 * (another host, `mailto:`).
 */
function resolveInternal(
  target: string,
  pageUrl: string,
  site: { host: string; prefix: string } | undefined,
): string | undefined {
  const prefix = site?.prefix ?? "/";
  let resolved: URL;
  try {
    resolved = new URL(target, `http://${LOCAL_HOST}${prefix}${pageUrl.slice(1)}`);
  } catch {
    return undefined; // not a URL a browser would follow; nothing to check
  }
  if (resolved.protocol !== "http:" && resolved.protocol !== "https:") return undefined;
  const host = resolved.host.toLowerCase();
  if (host !== LOCAL_HOST && host !== site?.host) return undefined;
  const pathname = resolved.pathname;
  if (!pathname.startsWith(prefix)) return undefined;
  return normalizePath(pathname.slice(prefix.length));
}

export interface ReportLabels {
  /** The old folder as the user named it. */
  oldLabel: string;
  /** The new folder as the user named it. */
  newLabel: string;
  /** Whether every file was checked (`--all`), for the wording. */
  all?: boolean;
}

/** The report a person reads: what was checked, each URL that would break, and a summary line. */
export function formatReport(result: CheckUrlsResult, labels: ReportLabels): string[] {
  const { checked, ignored, broken } = result;
  const folder = (label: string) => (label.endsWith("/") ? label : `${label}/`);
  const what = labels.all ? (checked === 1 ? "file" : "files") : checked === 1 ? "page or feed" : "pages and feeds";
  const skipped = ignored > 0 ? ` (${ignored} ignored)` : "";
  const lines = [
    `Checked ${checked} ${what} of ${folder(labels.oldLabel)} against ${folder(labels.newLabel)}${skipped}.`,
  ];
  if (result.notFollowed.length > 0) {
    lines.push(
      "Not followed (links out of the folder given; copy what they lead to into it if it belongs to the site):",
    );
    for (const link of result.notFollowed) lines.push(`  ${link}`);
  }
  const urls = checked === 1 ? "old URL" : "old URLs";
  if (broken.length === 0) {
    lines.push(
      checked === 1 ? "The old URL is served by the new build." : `All ${checked} ${urls} are served by the new build.`,
    );
    return lines;
  }
  lines.push("Would break:");
  for (const item of broken) {
    if (item.reason === "missing") lines.push(`  ${item.url}`);
    else if (item.reason === "redirect-to-missing")
      lines.push(`  ${item.url} (redirects to ${item.target}, which is missing)`);
    else lines.push(`  ${item.url} (redirect loop at ${item.target})`);
  }
  lines.push(`${broken.length} of ${checked} ${urls} would break.`);
  return lines;
}

/** A link in a page of the new build that leads nowhere, or that still is in an old generator's syntax. */
export interface LinkProblem {
  /** The page's URL, root-relative and decoded. */
  page: string;
  /** The element and attribute: `a href`, `img src`. */
  where: string;
  /** The link as written in the page. */
  link: string;
  /** `fragment`: an old page's `#id` link led to that id in the old build; the new page leads to no page with it. */
  reason: "missing" | "generator-syntax" | "fragment";
}

export interface CheckLinksResult {
  /** Pages read. */
  pages: number;
  /** Site-internal links checked (and links in a generator's syntax). */
  links: number;
  /** In page order, then document order. */
  problems: LinkProblem[];
}

/** The attributes that load or lead to a URL, per element. */
const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
};

/** Any generator's links or shortcodes left in a page (raw or percent-encoded by a Markdown renderer). */
const GENERATOR_SYNTAX = new RegExp(DIALECTS.map((dialect) => dialect.body.leftover.source).join("|"), "i");

/** Whether a link is still in an old generator's own syntax (its dialect's `body.leftover`), which a browser cannot follow. */
export function isGeneratorSyntax(link: string): boolean {
  return GENERATOR_SYNTAX.test(link);
}

/**
 * Old generators' body syntax a page shows as text when nothing read it: CodeHilite's `:::bash` line, `attr_list`'s
 * `{: .class}` and kramdown's `{::options}`, `[TOC]`, Pelican's `{attach}`-style links, goldmark's `{#id .class}`,
 * Hugo's `{{< shortcode >}}` and `{{% shortcode %}}`, Liquid's and Jinja's `{% tag %}`.
 */
const TEXT_SYNTAX =
  /(?:^|\n)[ \t]*:::[ \t]*[\w+#.-]+|\{:[^}\n]*\}|\[TOC\]|\{(?:filename|static|attach)\}[^\s"<]*|\{#[^}\n]+\}|\{\{[<%][^\n]*?(?:[>%]\}\}|$)|\{%-?[ \t]*[a-z_]\w*[^\n%]*%\}/gim;

/** Elements whose text is code or not shown, where generator syntax is meant (or harmless). */
const NOT_PROSE = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea", "template"]);

/** What check-urls reads in a page: its links, the ids a fragment can name, and generator syntax left as text. */
export interface PageScan {
  /** Every link, in document order, as `[where, link]` (`["a href", "/x/"]`). */
  links: [string, string][];
  /** The `id`s and `<a name>`s, normalised as fragments are (see {@link normalizeFragment}). */
  ids: Set<string>;
  /** Each piece of old generators' syntax left as text, outside code, in document order. */
  syntax: string[];
}

/** Reads a page once with htmlparser2 (the links, ids and text as a browser would see them). */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { links: [], ids: new Set(), syntax: [] };
  let inCode = 0;
  // The parser hands text over in pieces (an entity ends one); a run of text is searched whole.
  let text = "";
  const search = () => {
    // Every piece of that syntax has a `{`, `[` or `:`; most text has none, and is not searched.
    if (inCode === 0 && /[{[:]/.test(text))
      for (const match of text.matchAll(TEXT_SYNTAX)) scan.syntax.push(match[0].trim());
    text = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        search();
        if (NOT_PROSE.has(name)) inCode++;
        for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const urls = attribute === "srcset" ? srcsetUrls(value) : [value.trim()];
          for (const url of urls) scan.links.push([`${name} ${attribute}`, url]);
        }
        const id = attributes["id"] ?? (name === "a" ? attributes["name"] : undefined);
        if (id !== undefined && id !== "") scan.ids.add(normalizeFragment(id));
      },
      onclosetag(name) {
        search();
        if (NOT_PROSE.has(name)) inCode--;
      },
      ontext(piece) {
        text += piece;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  search();
  return scan;
}

/** Each piece of old generators' syntax left as text in a page, outside code, in document order. */
export function textSyntaxLeft(html: string): string[] {
  return scanPage(html).syntax;
}

/** The URLs of a `srcset` (`a.jpg 1x, b.jpg 2x`). */
function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/** Every link of an HTML page, in document order, as `[where, link]`. */
export function pageLinks(html: string): [string, string][] {
  return scanPage(html).links;
}

/** A fragment or id as compared: percent-escapes decoded (broken ones kept), in NFC. */
export function normalizeFragment(fragment: string): string {
  return decodeEscapes(fragment);
}

export interface CheckLinksOptions {
  /** The site's address, as for {@link checkUrls}: absolute links on its host are internal. */
  siteUrl?: string;
  /** The old build: each `#id` link that led to its id there must still lead to that id in the new build. */
  old?: string;
}

/** A page's links with a fragment: normalised fragment → the site-internal paths linked with it. */
type FragmentTargets = Map<string, string[]>;

/** The fragment of a link (`/x/#a` → `a`), normalised; undefined without one or when empty. */
function fragmentOf(link: string): string | undefined {
  const hash = link.indexOf("#");
  return hash === -1 || hash === link.length - 1 ? undefined : normalizeFragment(link.slice(hash + 1));
}

/** A build's pages, read once: where each leads when it is a redirect, its ids, its links with a fragment. */
interface ReadPage {
  scan: PageScan;
  /** Each link's site-internal path (see resolveInternal), in the order of `scan.links`; undefined off the site. */
  targets: (string | undefined)[];
  redirect: string | undefined;
  fragments: FragmentTargets;
}

function readPages(
  dir: string,
  files: ReadonlyMap<string, string>,
  site: { host: string; prefix: string } | undefined,
): Map<string, ReadPage> {
  const pages = new Map<string, ReadPage>();
  for (const page of [...files.keys()].filter((file) => PAGE_EXTENSIONS.test(file)).sort()) {
    const html = readFileSync(join(dir, files.get(page) as string), "utf8");
    const scan = scanPage(html);
    const url = urlOfFile(page);
    const refresh = redirectTarget(html);
    const fragments: FragmentTargets = new Map();
    const targets = scan.links.map(([, link]) => {
      const target = link === "" ? undefined : resolveInternal(link, url, site);
      const fragment = fragmentOf(link);
      if (fragment !== undefined && target !== undefined) {
        const linked = fragments.get(fragment);
        if (linked) linked.push(target);
        else fragments.set(fragment, [target]);
      }
      return target;
    });
    pages.set(page, {
      scan,
      targets,
      fragments,
      redirect: refresh === undefined ? undefined : resolveInternal(refresh, url, site),
    });
  }
  return pages;
}

/** The page a browser ends on for a site-internal path, through redirect pages (bounded); undefined when none. */
function landingPage(pages: ReadonlyMap<string, ReadPage>, files: ReadonlyMap<string, string>, path: string) {
  let served = fileServingIn(files, path);
  for (let hop = 0; served !== undefined && hop < MAX_REDIRECT_HOPS; hop++) {
    const redirect = pages.get(served)?.redirect;
    if (redirect === undefined) break;
    const next = fileServingIn(files, redirect);
    if (next === undefined || next === served) break;
    served = next;
  }
  return served === undefined ? undefined : pages.get(served);
}

/** Whether a page links, with `fragment`, to a page that has that id. */
function leadsToId(
  page: ReadPage,
  fragment: string,
  pages: ReadonlyMap<string, ReadPage>,
  files: ReadonlyMap<string, string>,
): boolean {
  return (page.fragments.get(fragment) ?? []).some(
    (target) => landingPage(pages, files, target)?.scan.ids.has(fragment) === true,
  );
}

/**
 * Walks every page (`.html`, `.htm`) of a build and reports each site-internal link, image, script or other source
 * that no file of the build serves, each link still in a generator's syntax and each piece of it shown as text. Links
 * to other hosts, `mailto:` and `data:` are not checked; a query on an internal link is ignored. With `old`, each
 * `#id` link of an old page that led to a page with that id there must be matched, on the new page at the same path,
 * by a link with that fragment to a page with that id (a fragment that led nowhere in the old build is not asked for).
 */
export function checkLinks(dir: string, options: CheckLinksOptions = {}): CheckLinksResult {
  assertFolder(dir, "new site");
  if (options.old !== undefined) assertFolder(options.old, "old site");
  const site = options.siteUrl ? parseSiteUrl(options.siteUrl) : undefined;
  const files = filesOf(dir);
  const pages = readPages(dir, files, site);
  const lost =
    options.old === undefined ? new Map<string, LinkProblem[]>() : fragmentsLost(options.old, pages, files, site);
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const [page, { scan, targets }] of pages) {
    const url = urlOfFile(page);
    for (const text of scan.syntax) problems.push({ page: url, where: "text", link: text, reason: "generator-syntax" });
    for (const [index, [where, link]] of scan.links.entries()) {
      if (isGeneratorSyntax(link)) {
        links++;
        problems.push({ page: url, where, link, reason: "generator-syntax" });
        continue;
      }
      const target = targets[index];
      if (link.startsWith("#") || target === undefined) continue;
      links++;
      if (fileServingIn(files, target) === undefined) problems.push({ page: url, where, link, reason: "missing" });
    }
    for (const problem of lost.get(page) ?? []) problems.push(problem);
  }
  return { pages: pages.size, links, problems };
}

/**
 * The `#id` links of the old build that led to their id there and that the new page at the same path no longer
 * leads to (by new page path; once per page and fragment). An old page the new build lacks is the URL check's.
 */
function fragmentsLost(
  oldDir: string,
  newPages: ReadonlyMap<string, ReadPage>,
  newFiles: ReadonlyMap<string, string>,
  site: { host: string; prefix: string } | undefined,
): Map<string, LinkProblem[]> {
  const oldFiles = filesOf(oldDir);
  const oldPages = readPages(oldDir, oldFiles, site);
  const lost = new Map<string, LinkProblem[]>();
  for (const [page, oldPage] of oldPages) {
    const newPage = landingPage(newPages, newFiles, page);
    if (newPage === undefined) continue;
    const asked = new Set<string>();
    for (const [where, link] of oldPage.scan.links) {
      const fragment = fragmentOf(link);
      if (fragment === undefined || asked.has(fragment)) continue;
      asked.add(fragment);
      if (!leadsToId(oldPage, fragment, oldPages, oldFiles)) continue;
      if (leadsToId(newPage, fragment, newPages, newFiles)) continue;
      const served = fileServingIn(newFiles, page) as string;
      const problems = lost.get(served) ?? [];
      problems.push({ page: urlOfFile(page), where, link, reason: "fragment" });
      lost.set(served, problems);
    }
  }
  return lost;
}

/** The link report: what was read, each problem under its page, and a summary line. */
export function formatLinkReport(result: CheckLinksResult, newLabel: string): string[] {
  const folder = newLabel.endsWith("/") ? newLabel : `${newLabel}/`;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `Checked ${count(result.links, "internal link", "internal links")} in ${count(result.pages, "page", "pages")} of ${folder}.`,
  ];
  if (result.problems.length === 0) {
    lines.push("Every internal link leads to a file of the new build.");
    return lines;
  }
  lines.push("Broken links:");
  let page: string | undefined;
  for (const problem of result.problems) {
    if (problem.page !== page) {
      page = problem.page;
      lines.push(`  ${page}`);
    }
    lines.push(
      problem.where === "text"
        ? `    text ${JSON.stringify(problem.link)} (the old generator's syntax, shown as text)`
        : `    ${problem.where}="${problem.link}" (${whyBroken(problem)})`,
    );
  }
  lines.push(`${count(result.problems.length, "broken link", "broken links")}.`);
  return lines;
}

function whyBroken(problem: LinkProblem): string {
  if (problem.reason === "missing") return "nothing there";
  if (problem.reason === "generator-syntax") return "still in the old generator's syntax";
  const id = JSON.stringify(fragmentOf(problem.link) ?? "");
  return `in the old build it led to the id ${id}; the new page links to no page with that id`;
}
