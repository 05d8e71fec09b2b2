/**
 * Pelican's links in a post's body: `{filename}`, `{static}`, `{attach}`, `{tag}`, `{category}`, `{author}`,
 * `{index}` (and the old `|filename|` spelling), resolved to the new site's URLs as Pelican 4.8 does
 * (`Content._link_replacer` in pelican/contents.py), checked against it in test/fixtures/pelican-links.
 */
import path from "node:path";
import { decodeHTMLStrict } from "entities";
import {
  decodeLink,
  joinRoot,
  linkedFile,
  splitUrl,
  type LinkingPost,
  type LinkSite,
  type Resolution,
} from "../../content/links.js";
import { encodeFilePath, encodePageUrl } from "../../urls/urls.js";

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
  const written = `{${what}}${decodeLink(target)}`;
  const done = (url: string, warning?: string): Resolution => ({
    url: encodePageUrl(url) + suffix,
    ...(warning ? { warning } : {}),
  });
  // A file's URL comes from its name on disk, where `#`, `?` and `%` are plain characters.
  const doneFile = (url: string, warning?: string): Resolution => ({
    url: encodeFilePath(url) + suffix,
    ...(warning ? { warning } : {}),
  });
  switch (what) {
    case "filename":
    case "static":
    case "attach": {
      for (const candidate of spellings(pathPart)) {
        const file = linkedFile(candidate, post.file, site.root);
        if (file === undefined) continue;
        if (what === "filename") {
          const url = site.pageUrl(file);
          if (url !== undefined) return done(url);
          if (site.isFile(file)) {
            // Pelican links the static file and warns: "{filename} used for linking to static content … Use {static} instead".
            return doneFile(
              staticUrl(file, site.root),
              `the link ${written} names a static file; Pelican linked it and warned too ("Use {static} instead")`,
            );
          }
        } else if (site.isFile(file)) {
          // A file two posts attach goes beside one of them only (Pelican: the newest); the plan knows which.
          return doneFile(
            site.copiedTo?.(file) ?? (what === "attach" ? attachUrl(file, post) : staticUrl(file, site.root)),
          );
        }
      }
      const missing = linkedFile(pathPart.replaceAll("%20", " "), post.file, site.root);
      if (what !== "filename" && missing !== undefined) {
        // Pelican 4.8 still makes a static file of every {static}/{attach} target (`get_static_links`), links it
        // where it would have gone and warns "Cannot get modification stamp for …" when it finds nothing to copy.
        const url =
          site.copiedTo?.(missing) ?? (what === "attach" ? attachUrl(missing, post) : staticUrl(missing, site.root));
        return doneFile(
          url,
          `the link ${written} points to no file (looked for ${missing}); it links to ${url}, where Pelican would have copied the file (Pelican did the same and warned "Cannot get modification stamp for ${missing}"); add the file there or correct the link`,
        );
      }
      const looked = linkedFile(pathPart, post.file, site.root) ?? pathPart;
      return {
        problem: `the link ${written} points to no post or file (looked for ${looked}); it is left as written, as Pelican left it ("Unable to find '${decodeLink(target)}', skipping url replacement.")`,
      };
    }
    case "tag":
    case "category":
    case "author": {
      const name = decodeLink(pathPart);
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

/** Pelican tries the path as written, then unquoted, then HTML-unescaped. */
function spellings(pathPart: string): string[] {
  return [...new Set([pathPart, decodeLink(pathPart), decodeHTMLStrict(pathPart)])];
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
