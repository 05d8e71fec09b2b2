/**
 * Hugo's `ref`/`relref` in a post's body, resolved to the new site's URLs as Hugo 0.111 finds the page, checked
 * against it in test/fixtures/hugo-shortcodes.
 */
import path from "node:path";
import { joinRoot, type LinkingPost, type LinkSite, type Resolution } from "../../content/links.js";
import { languageFromFileName, languageOfFolder } from "../../site/languages.js";
import { encodePageUrl } from "../../urls/urls.js";

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
  const encoded = encodePageUrl(url);
  const absolute = kind === "ref" && site.siteUrl ? `${site.siteUrl.replace(/\/+$/, "")}${encoded}` : encoded;
  return { url: absolute + fragment };
}

function findHugoPage(ref: string, post: LinkingPost, site: LinkSite): string | { problem: string } {
  const clean = ref.replace(/\/+$/, "");
  const languages = site.languages ?? [];
  const folders = site.folderLanguages ?? {};
  // Hugo looks only among the pages of the linking page's language (REF_NOT_FOUND otherwise): from `post.ru.md`, a
  // bundle's `index.ru.md` or a page of the Russian contentDir, `x` is `x.ru.md`, `x/index.ru.md` or a page of a
  // Russian contentDir. Each content root is searched as Hugo's one tree of that language, the post's own first.
  const language = languageOf(post.file, languages, folders);
  const ownRoot = languageOfFolder(post.file, folders)?.folder ?? site.root;
  const roots = [ownRoot, ...Object.keys(folders).filter((folder) => folder !== ownRoot)];
  const inOwnRoot = ownRoot ? path.posix.relative(ownRoot, post.file) : post.file;
  const tries: string[] = [];
  for (const root of roots) {
    if (clean.startsWith("/")) tries.push(joinRoot(root, clean.slice(1)));
    else tries.push(joinRoot(root, path.posix.join(path.posix.dirname(inOwnRoot), clean)), joinRoot(root, clean));
  }
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
      if (url !== undefined && (language === undefined || languageOf(file, languages, folders) === language))
        return url;
    }
  }
  if (!clean.startsWith("/") && !clean.includes("/")) {
    const named = site
      .pagesNamed(clean.toLowerCase())
      .filter((page) => language === undefined || languageOf(page.file, languages, folders) === language);
    if (named.length === 1) return named[0]!.url;
    if (named.length > 1)
      return { problem: `${named.length} pages are named ${clean} (Hugo calls it ambiguous); name it by its path` };
  }
  return { problem: `no page is there (looked for ${[...new Set(tries)].join(", ")})` };
}

/** A file's language as Hugo reads it: its suffix, else its content root's, else the default. */
function languageOf(
  file: string,
  languages: readonly string[],
  folders: Readonly<Record<string, string>>,
): string | undefined {
  return languageFromFileName(file, languages)?.language ?? languageOfFolder(file, folders)?.language ?? languages[0];
}
