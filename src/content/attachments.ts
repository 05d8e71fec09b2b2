/**
 * Files beside posts: which files under the posts folder are old attachments (images, archives, PDFs, Pelican's
 * static `.html`), and where each is copied so that the links the old generator wrote keep working.
 *
 * Pelican 4.8 (checked with the real `pelican`): a file linked with `{attach}` moves next to the output of the
 * first post (newest first, Pelican's writing order) that attaches it, at its path from that post's folder (its
 * bare name when it lies outside that folder); every other file keeps its path from the content root. Hugo 0.111:
 * the resources of a leaf bundle (`x/index.md` beside `x/cover.jpg`) go next to the bundle's page, at their path
 * inside the bundle; other files keep their path from the content folder.
 *
 * Plain values in and out; the glue (src/eleventy/attachments.ts) lists the files and copies them.
 */
import path from "node:path";

export interface AttachmentSettings {
  /** The folder whose layout the old site kept (Pelican's PATH, Hugo's content/), relative to the input folder; `""` is the input folder. */
  root: string;
  /** Hugo's page bundles: files in the folder of an `index.md` post go next to that post's page. */
  bundles: boolean;
  /** `.html` and `.htm` files are old attachments, copied as they are, not site templates. */
  html: boolean;
  /** A file with a `_x` name or under a `_x` folder is the site's own (Jekyll's), not copied. */
  underscoredPrivate?: boolean;
}

/** A post, as far as attachments need it. Paths are relative to the input folder, `/`-separated. */
export interface PostPlace {
  file: string;
  /** The file the post is written to, relative to the output folder: `tech/first.html`, `posts/x/index.html`. */
  output: string;
  /** For Pelican's first-attach-wins order: newer posts are written, and attach, first. */
  date: number;
  /** The targets of the post's `{attach}` links, as written (see {@link attachLinks}). */
  attach: readonly string[];
}

/** One file to copy: `from` relative to the input folder, `to` relative to the output folder. */
/** The folder whose layout the old site kept: `attachments.root`, else the first folder of the posts glob (`content/posts/**` → `content`). */
export function contentRoot(rootOption: string | undefined, postsBase: string): string {
  return rootOption ?? postsBase.split("/")[0] ?? "";
}

export interface Copy {
  from: string;
  to: string;
}

/** Eleventy renders these (by default or once a plugin adds them); a copy would publish a template's source. */
const TEMPLATE_EXTENSIONS = [
  "md",
  "markdown",
  "njk",
  "liquid",
  "hbs",
  "mustache",
  "ejs",
  "haml",
  "pug",
  "webc",
  "vto",
  "html",
  "11ty.js",
  "11ty.cjs",
  "11ty.mjs",
  "11ty.ts",
  "11ty.tsx",
  "11ty.jsx",
];
const TEMPLATE_EXTENSION = new RegExp(
  `\\.(?:${TEMPLATE_EXTENSIONS.filter((extension) => extension !== "html")
    .map((extension) => extension.replace(".", "\\."))
    .join("|")})$`,
  "i",
);
const HTML_EXTENSION = /\.html?$/i;
/** The site's own files at the input folder's root, when the posts lie there too: never published. */
const SITE_FILE =
  /^(?:package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|eleventy\.config\.[^/]+)$/i;
const DATA_FILE = /\.11tydata\.[^/]+$/i;

/**
 * Pelican's `{attach}` targets in a post's source, in Markdown links and images and in raw HTML `href`/`src`:
 * `{attach}path`, `|attach|path` (Pelican's old spelling) and `%7Battach%7Dpath` (what a Markdown renderer makes of
 * it). The path ends at a quote, `)`, whitespace or `>`; `#fragment` and `?query` are dropped.
 */
export function attachLinks(body: string): string[] {
  const links: string[] = [];
  for (const match of body.matchAll(/(?:\{attach\}|\|attach\||%7Battach%7D)([^\s"'()<>]+)/gi)) {
    const target = (match[1] as string).replace(/[?#].*$/, "");
    if (target !== "") links.push(target);
  }
  return links;
}

/**
 * Whether a file under the posts folder is an attachment: not a post, not a template Eleventy renders, not one of
 * Eleventy's data files (`*.11tydata.*`, a folder's `x/x.json`, a template's `name.json` beside `name.njk`), not
 * the site's own `package.json`, lock file or Eleventy config (when the posts lie in the input folder itself).
 * `.html` counts only with `settings.html`.
 */
export function isAttachment(file: string, siblings: ReadonlySet<string>, html: boolean): boolean {
  const base = path.posix.basename(file);
  if (base.startsWith(".") || SITE_FILE.test(file)) return false;
  if (TEMPLATE_EXTENSION.test(base) || DATA_FILE.test(base)) return false;
  if (HTML_EXTENSION.test(base)) return html;
  if (/\.json$/i.test(base)) {
    const stem = file.slice(0, -".json".length);
    // A folder's data file (`posts/posts.json`), or a template's (`about.json` beside `about.njk`).
    if (path.posix.basename(path.posix.dirname(file)) === path.posix.basename(stem)) return false;
    if (TEMPLATE_EXTENSIONS.some((extension) => siblings.has(`${stem}.${extension}`))) return false;
  }
  return true;
}

/** The files a post's `{attach}` links name, input-relative (see {@link attachLinks}); a link out of the input folder is left out. */
export function attachedFiles(post: Pick<PostPlace, "file" | "attach">, root: string): string[] {
  return post.attach.flatMap((link) => resolveLink(link, post.file, root) ?? []);
}

/** Resolves a link target as Pelican does: from the content root when it starts with `/`, else from the post's folder. */
function resolveLink(target: string, postFile: string, root: string): string | undefined {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a broken escape is looked up as written
  }
  const joined = decoded.startsWith("/")
    ? path.posix.join(root, decoded)
    : path.posix.join(path.posix.dirname(postFile), decoded);
  const normal = path.posix.normalize(joined);
  return normal.startsWith("../") || normal === ".." ? undefined : normal.replace(/^\.\//, "");
}

/** `a/b` inside `a` → `b`; outside → undefined. */
function inside(folder: string, file: string): string | undefined {
  if (folder === "" || folder === ".") return file;
  return file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : undefined;
}

/**
 * Where each attachment is copied. `files` are every file under the posts folder, and every other file a post
 * `{attach}`es (input-relative); posts among them, non-attachments and files outside the content root are left out.
 * Returns the copies in `files` order; `missing`, where the links to an `{attach}`ed file that is not there point
 * (Pelican 4.8 links it where the file would have gone, and warns); and a warning for each file two rules send to one
 * place (the first keeps it).
 */
export function planAttachments(
  files: readonly string[],
  posts: readonly PostPlace[],
  settings: AttachmentSettings,
): { copies: Copy[]; missing: Copy[]; warnings: string[] } {
  const postFiles = new Set(posts.map((post) => post.file));
  const siblings = new Set(files);
  const candidates = files.filter(
    (file) =>
      !postFiles.has(file) &&
      inside(settings.root, file) !== undefined &&
      isAttachment(file, siblings, settings.html) &&
      !(settings.underscoredPrivate && file.split("/").some((part) => part.startsWith("_"))),
  );
  const isCandidate = new Set(candidates);

  // Pelican: the first post in writing order (newest first) that attaches a file takes it, also a missing one.
  const attachedTo = new Map<string, PostPlace>();
  const missingFiles: string[] = [];
  const writingOrder = [...posts].sort((a, b) => b.date - a.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const post of writingOrder) {
    for (const file of attachedFiles(post, settings.root)) {
      const missing = !siblings.has(file) && inside(settings.root, file) !== undefined;
      if (attachedTo.has(file) || !(isCandidate.has(file) || missing)) continue;
      attachedTo.set(file, post);
      if (missing) missingFiles.push(file);
    }
  }
  // Hugo: a leaf bundle is the folder of an `index.*` post.
  const bundles = settings.bundles
    ? posts
        .filter((post) => /^index\.[^/]+$/.test(path.posix.basename(post.file)))
        .map((post) => ({ folder: path.posix.dirname(post.file), post }))
        .sort((a, b) => b.folder.length - a.folder.length)
    : [];

  const copies: Copy[] = [];
  const warnings: string[] = [];
  const owners = new Map<string, string>();
  for (const file of candidates) {
    const to = target(file);
    if (to === undefined) continue;
    const owner = owners.get(to);
    if (owner !== undefined) {
      warnings.push(`${file} is not copied: ${owner} is copied to the same place, /${to}; rename one of them`);
      continue;
    }
    owners.set(to, file);
    copies.push({ from: file, to });
  }
  const missing = missingFiles.map((file) => ({ from: file, to: target(file) as string }));
  return { copies, missing, warnings };

  function target(file: string): string | undefined {
    const post = attachedTo.get(file);
    if (post) {
      const relative = path.posix.relative(path.posix.dirname(post.file), file);
      const tail = relative.startsWith("../") ? path.posix.basename(file) : relative;
      return path.posix.join(path.posix.dirname(post.output), tail);
    }
    const bundle = bundles.find(({ folder }) => inside(folder, file) !== undefined);
    if (bundle) return path.posix.join(path.posix.dirname(bundle.post.output), inside(bundle.folder, file) as string);
    return inside(settings.root, file);
  }
}
