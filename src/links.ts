/**
 * Links in a post's body written in an old generator's syntax, resolved to the new site's URLs: Pelican's
 * `{filename}`, `{static}`, `{attach}`, `{tag}`, `{category}`, `{author}`, `{index}` (and the old `|filename|`
 * spelling), and Hugo's `ref`/`relref`. The rules are Pelican 4.8's (`Content._link_replacer` in
 * pelican/contents.py) and Hugo 0.111's (`ref` via the page lookup), checked against both in
 * test/fixtures/pelican-links and test/fixtures/hugo-shortcodes. Plain values in and out: the site is a few lookups.
 */
import path from "node:path";
import { decodeHTMLStrict } from "entities";
import { encodePath } from "./urls.js";

/** The new site, as link resolution needs it. Paths are relative to the input folder and `/`-separated. */
export interface LinkSite {
  /** The folder the old generator's content root became (Pelican's PATH, Hugo's content/); `""` is the input folder. */
  root: string;
  /** The URL of the page built from a template, by its path; undefined when there is none. */
  pageUrl(file: string): string | undefined;
  /** Pages by path compared without case (Hugo's lookup is case-insensitive). */
  pageUrlIgnoringCase(file: string): string | undefined;
  /** Templates whose file name (with or without extension) or bundle folder is `name`: Hugo's last lookup. */
  pagesNamed(name: string): string[];
  /** Whether a file (not a template) is there: an attachment or static file, copied as it is. */
  isFile(file: string): boolean;
  /** Where the site copies a file beside the posts, when it knows (the attachments plan); else Pelican's rule here. */
  copiedTo?(file: string): string | undefined;
  /** The URL of a tag's, category's or author's page; undefined when the site writes none. */
  termUrl(kind: "tag" | "category" | "author", name: string): string | undefined;
  /** The site's home page. */
  homeUrl: string;
  /** For Hugo's `ref` (absolute links); without it `ref` gives the same as `relref`. */
  siteUrl?: string | undefined;
  /** The blog's languages, the default first (Hugo's language suffixes in file names). */
  languages?: readonly string[];
}

/** The post whose links are resolved. */
export interface LinkingPost {
  /** Its path inside the input folder. */
  file: string;
  /** Its URL (`/it/x.html`, `/posts/x/`). */
  url: string;
}

/** A resolved link, or why it could not be resolved (the caller warns and leaves the link as written). */
export type Resolution = { url: string; warning?: string } | { problem: string };

/** `{filename}`, `|filename|` and what a Markdown renderer makes of them (`%7Bfilename%7D`), at a value's start. */
const PELICAN_PREFIX = /^(?:\{|\||%7B|%7C)([^{}|]*?)(?:\}|\||%7D|%7C)/i;

/** Pelican's `INTRASITE_LINK_REGEX` inside its attribute pattern: a quoted URL attribute value starting with `{what}`. */
const PELICAN_ATTRIBUTE =
  /(<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*)(["'])([{|])(.*?)[|}](.*?)\2/g;

/** Splits `{filename}x.md#a` into its indicator and the rest; undefined when the value is an ordinary URL. */
export function splitPelicanLink(value: string): { what: string; target: string } | undefined {
  const match = PELICAN_PREFIX.exec(value);
  if (!match) return undefined;
  return { what: (match[1] as string).toLowerCase(), target: value.slice(match[0].length) };
}

/**
 * Resolves one Pelican link (`what` is `filename`, `static`, …; `target` what follows the indicator). A path is
 * relative to the post's file, or to the content root when it starts with `/`; `?query` and `#fragment` are kept.
 */
export function resolvePelicanLink(what: string, target: string, post: LinkingPost, site: LinkSite): Resolution {
  const { pathPart, suffix } = splitUrl(target);
  const written = `{${what}}${decode(target)}`;
  const done = (url: string, warning?: string): Resolution => ({
    url: encodePath(url) + suffix,
    ...(warning ? { warning } : {}),
  });
  switch (what) {
    case "filename":
    case "static":
    case "attach": {
      for (const candidate of spellings(pathPart)) {
        const file = fromPost(candidate, post.file, site.root);
        if (file === undefined) continue;
        if (what === "filename") {
          const url = site.pageUrl(file);
          if (url !== undefined) return done(url);
          if (site.isFile(file)) {
            // Pelican links the static file and warns: "{filename} used for linking to static content … Use {static} instead".
            return done(
              staticUrl(file, site.root),
              `the link ${written} names a static file; Pelican linked it and warned too ("Use {static} instead")`,
            );
          }
        } else if (site.isFile(file)) {
          // A file two posts attach goes beside one of them only (Pelican: the newest); the plan knows which.
          return done(
            site.copiedTo?.(file) ?? (what === "attach" ? attachUrl(file, post) : staticUrl(file, site.root)),
          );
        }
      }
      const looked = fromPost(pathPart, post.file, site.root) ?? pathPart;
      const pelicanDid =
        what === "filename"
          ? `as Pelican left it ("Unable to find '${decode(target)}', skipping url replacement.")`
          : `where Pelican pointed it at the missing file's path and warned "Cannot get modification stamp for ${looked}"`;
      return {
        problem: `the link ${written} points to no ${what === "filename" ? "post or file" : "file"} (looked for ${looked}); it is left as written, ${pelicanDid}`,
      };
    }
    case "tag":
    case "category":
    case "author": {
      const name = decode(pathPart);
      const url = site.termUrl(what, name);
      if (url !== undefined) return done(url);
      const reason =
        what === "author"
          ? "the site has no page for that author (the plugin writes no author pages)"
          : `the site has no page for that ${what}`;
      return { problem: `the link ${written}: ${reason}; it is left as written` };
    }
    case "index":
      return done(site.homeUrl);
    default:
      return {
        problem: `the link ${written} uses {${what}}, which Pelican does not know either ("Replacement Indicator '${what}' not recognized, skipping replacement"); it is left as written`,
      };
  }
}

/**
 * Rewrites Pelican links in raw HTML (a post's inline or block HTML), with Pelican's own pattern: a quoted `href`,
 * `src` (and the other URL attributes Pelican reads) whose value starts with `{what}`. `report` gets each problem.
 */
export function rewritePelicanHtml(
  html: string,
  post: LinkingPost,
  site: LinkSite,
  report: (message: string) => void,
): string {
  if (!html.includes("{") && !html.includes("|")) return html;
  return html.replace(
    PELICAN_ATTRIBUTE,
    (whole, markup: string, quote: string, _open: string, what: string, target: string) => {
      const resolution = resolvePelicanLink(what.toLowerCase(), target, post, site);
      if ("problem" in resolution) {
        report(resolution.problem);
        return whole;
      }
      if (resolution.warning) report(resolution.warning);
      return `${markup}${quote}${resolution.url}${quote}`;
    },
  );
}

/**
 * Resolves Hugo's `ref`/`relref` argument (`post.md`, `/posts/x`, `bundle`, `x.md#anchor`, `#anchor`) as Hugo 0.111
 * finds the page: from the content root when it starts with `/`; otherwise beside the post, then from the content
 * root, then by file or bundle name when exactly one page has it. `ref` gives the absolute URL, `relref` the path.
 */
export function resolveHugoRef(ref: string, kind: "ref" | "relref", post: LinkingPost, site: LinkSite): Resolution {
  const hash = ref.indexOf("#");
  const pathPart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash);
  if (pathPart === "") return { url: fragment };
  const url = findHugoPage(pathPart, post, site);
  if (typeof url !== "string")
    return {
      problem: `{{< ${kind} "${ref}" >}}: ${url.problem}; it is left as written (Hugo stops with REF_NOT_FOUND here)`,
    };
  const encoded = encodePath(url);
  const absolute = kind === "ref" && site.siteUrl ? `${site.siteUrl.replace(/\/+$/, "")}${encoded}` : encoded;
  return { url: absolute + fragment };
}

function findHugoPage(ref: string, post: LinkingPost, site: LinkSite): string | { problem: string } {
  const clean = ref.replace(/\/+$/, "");
  const tries: string[] = [];
  if (clean.startsWith("/")) {
    tries.push(join(site.root, clean.slice(1)));
  } else {
    tries.push(path.posix.join(path.posix.dirname(post.file), clean), join(site.root, clean));
  }
  // Hugo looks in the linking page's language: from `post.ru.md` or a bundle's `index.ru.md`, `x` is `x.ru.md` or
  // `x/index.ru.md` first.
  // A post without a suffix is in the default language, whose files may still carry it (`x.en.md`).
  const language =
    /(?:^|\/)[^/]+\.([a-z]{2,3}(?:[-_][a-z0-9]+)*)\.(?:md|markdown)$/i.exec(post.file)?.[1] ?? site.languages?.[0];
  const translated = (base: string) => (language ? [`${base}.${language}.md`, `${base}/index.${language}.md`] : []);
  for (const base of tries) {
    for (const file of [
      base,
      ...translated(base),
      `${base}.md`,
      `${base}.markdown`,
      `${base}/index.md`,
      `${base}/_index.md`,
    ]) {
      const url = site.pageUrlIgnoringCase(file);
      if (url !== undefined) return url;
    }
  }
  if (!clean.startsWith("/") && !clean.includes("/")) {
    const named = site.pagesNamed(clean.toLowerCase());
    if (named.length === 1) return named[0] as string;
    if (named.length > 1)
      return { problem: `${named.length} pages are named ${clean} (Hugo calls it ambiguous); name it by its path` };
  }
  return { problem: `no page is there (looked for ${tries.join(", ")})` };
}

function join(root: string, file: string): string {
  return root ? path.posix.join(root, file) : path.posix.normalize(file);
}

/** `a.md?x#y` → path `a.md` and the suffix `?x#y`, which Pelican keeps on the new URL. */
function splitUrl(target: string): { pathPart: string; suffix: string } {
  const at = target.search(/[?#]/);
  return at === -1 ? { pathPart: target, suffix: "" } : { pathPart: target.slice(0, at), suffix: target.slice(at) };
}

/** Pelican tries the path as written, then unquoted, then HTML-unescaped. */
function spellings(pathPart: string): string[] {
  return [...new Set([pathPart, decode(pathPart), decodeHTMLStrict(pathPart)])];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A link path from the post's folder, or from the content root with a leading `/`; undefined outside the input folder. */
function fromPost(target: string, postFile: string, root: string): string | undefined {
  if (target === "") return undefined;
  const joined = target.startsWith("/")
    ? join(root, target.slice(1))
    : path.posix.join(path.posix.dirname(postFile), target);
  const normal = path.posix.normalize(joined).replace(/^\.\//, "");
  return normal === ".." || normal.startsWith("../") ? undefined : normal;
}

/** Pelican's `STATIC_URL = '{path}'`: the file's path from the content root. */
function staticUrl(file: string, root: string): string {
  return `/${root && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file}`;
}

/**
 * Pelican's `attach_to`: the file goes beside the post's output, at its path from the post's folder, or by its bare
 * name when it lies outside that folder. The post's output folder is its URL's folder (`/it/x.html` → `/it/`).
 */
function attachUrl(file: string, post: LinkingPost): string {
  const relative = path.posix.relative(path.posix.dirname(post.file), file);
  const tail = relative.startsWith("../") ? path.posix.basename(file) : relative;
  const folder = post.url.endsWith("/") ? post.url : post.url.slice(0, post.url.lastIndexOf("/") + 1);
  return `${folder}${tail}`;
}
