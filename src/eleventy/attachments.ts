/**
 * Glue of src/attachments.ts: lists the files under the posts folder on every build, keeps Pelican's static `.html`
 * out of Eleventy's templates, checks that no copy lands on a page, and copies byte for byte after the build.
 */
import { copyFileSync, lstatSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import {
  attachedFiles,
  attachLinks,
  contentRoot,
  planAttachments,
  type AttachmentSettings,
  type Copy,
  type PostPlace,
} from "../content/attachments.js";
import { RuBlogError } from "../errors.js";
import type { AttachmentDefaults } from "../generators/dialect.js";
import { dialectOf, type GeneratorName } from "../generators/index.js";
import { listFiles } from "../posts/file-tree.js";
import type { AttachmentsOption } from "../options.js";
import { assertUniqueUrls } from "../urls/permalinks.js";
import type { PluginContext } from "./context.js";
import { addUnlistedCollection } from "./existing-site.js";
import { describeTemplate, pluginFilePages } from "./output-checks.js";
import type { EleventyConfig } from "./types.js";

const HTML_FILE = /\.html?$/i;

/** Without `from`: `.html` files are templates, and page bundles keep their files beside their page. */
const NO_GENERATOR_DEFAULTS: AttachmentDefaults = { html: false, bundles: true, underscoredPrivate: false };

/** The settings a site gets: see AttachmentsOption for the defaults and why `from` changes them. */
function attachmentSettings(
  option: AttachmentsOption,
  from: GeneratorName | undefined,
  postsBase: string,
): AttachmentSettings {
  // The links inside posts resolve `{static}` against the same root (src/eleventy/content.ts).
  const root = contentRoot(option.root, postsBase);
  if (root !== "" && postsBase !== root && !postsBase.startsWith(`${root}/`)) {
    throw new RuBlogError(
      `option "attachments.root" is ${JSON.stringify(root)}, which does not hold the posts folder ${JSON.stringify(postsBase)}; set it to the folder your old content/ folder was copied to.`,
    );
  }
  const defaults = from === undefined ? NO_GENERATOR_DEFAULTS : dialectOf(from).attachments;
  return {
    root,
    html: option.html ?? defaults.html,
    bundles: option.bundles ?? defaults.bundles,
    underscoredPrivate: defaults.underscoredPrivate,
  };
}

export function registerAttachments(context: PluginContext): void {
  const { config: eleventyConfig, options } = context;
  if (options.attachments === false) return;
  const postsBase = picomatch.scan(options.posts).base;
  const settings = attachmentSettings(options.attachments, options.from, postsBase);
  const directories = eleventyConfig.directories;
  const postsFolder = path.join(directories.input, postsBase);
  if (settings.html) {
    eleventyConfig.ignores.add(path.posix.join(postsFolder.split(path.sep).join("/"), "**/*.{html,htm}"));
    // An `.html` elsewhere in the content that a post attaches (a notebook export) is copied too, not rendered.
    for (const file of attachedHtmlElsewhere()) {
      eleventyConfig.ignores.add(path.posix.join(directories.input.split(path.sep).join("/"), file));
    }
  }
  // A glob, not the folder: Eleventy 4 watches only files that match a watched glob.
  eleventyConfig.addWatchTarget(path.posix.join(postsFolder.split(path.sep).join("/"), "**"));

  /** The files outside the posts folder that `posts` attach and that are there, input-relative. */
  function attachedElsewhere(attaching: readonly Pick<PostPlace, "file" | "attach">[], under: readonly string[]) {
    const known = new Set(under);
    const found = new Set<string>();
    for (const post of attaching) {
      for (const file of attachedFiles(post, settings.root)) {
        if (!known.has(file) && !found.has(file) && isPlainFile(path.join(directories.input, file))) found.add(file);
      }
    }
    return [...found];
  }

  /** Read before Eleventy lists its templates, which is the only time its ignores count. */
  function attachedHtmlElsewhere(): string[] {
    const input = path.resolve(directories.input);
    const skipFolder = (name: string, full: string) =>
      name.startsWith(".") || name === "node_modules" || full === path.resolve(directories.output);
    const attaching = listFiles(path.resolve(postsFolder), { skipFolder, within: input })
      .map((file) => path.posix.join(postsBase, file))
      .filter((file) => context.postFile(path.join(input, file)) !== undefined)
      .flatMap((file) => {
        const source = readIfThere(path.join(input, file));
        return source === undefined ? [] : [{ file, attach: attachLinks(source) }];
      });
    return attachedElsewhere(
      attaching.filter((post) => post.attach.some((link) => HTML_FILE.test(link))),
      [],
    ).filter((file) => HTML_FILE.test(file) && !file.startsWith(`${postsBase}/`));
  }

  let posts: PostPlace[] = [];
  let copies: Copy[] = [];
  eleventyConfig.on("eleventy.before", () => {
    posts = [];
    copies = [];
  });
  // Whatever was saved is read again by the front matter hook, and a deleted post is read from disk, as absent.
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    for (const file of queue) context.attachLinks.delete(path.resolve(file));
  });
  const output = path.resolve(directories.output);
  // Each build: the posts' output files and dates, for `{attach}` and bundles.
  addUnlistedCollection(eleventyConfig, "_ruBlogAttachmentPosts", (api) => {
    posts = api.getAll().flatMap((item) => {
      const file = context.postFile(item.inputPath);
      if (file === undefined || typeof item.outputPath !== "string") return [];
      const written = path.relative(output, path.resolve(item.outputPath)).split(path.sep).join("/");
      // As the front matter hook found them in the post's source (a preprocessor may since have rewritten them);
      // a post it has not read since a save (a deleted one) is read from disk, if it is still there.
      let attach = context.attachLinks.get(path.resolve(item.inputPath));
      if (attach === undefined) {
        const source = readIfThere(item.inputPath);
        if (source === undefined) return [];
        attach = attachLinks(source);
      }
      return [{ file, output: written, date: item.date.getTime(), attach }];
    });
    return [];
  });
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    const files = attachmentCandidates(
      path.resolve(postsFolder),
      path.resolve(directories.input),
      [output, ...otherFolders(directories)],
      (file, target) =>
        context.warn(
          `${path.posix.join(postsBase, file)} is a link to ${target}, outside the site's folder: it is not copied (copy the file itself into the posts folder if it belongs to the site)`,
        ),
    ).map((file) => path.posix.join(postsBase, file));
    const plan = planAttachments([...files, ...attachedElsewhere(posts, files)], posts, settings);
    plan.warnings.forEach(context.warn);
    copies = plan.copies;
    context.attachmentUrls.clear();
    for (const link of [...copies, ...plan.missing]) context.attachmentUrls.set(link.from, `/${link.to}`);
    // A copy must not replace a page, nor a page a copy: both are "two owners of one URL".
    assertUniqueUrls([
      ...Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) =>
        urls
          .filter((url): url is string => typeof url === "string")
          .map((url) => ({ url, inputPath: describeTemplate(context.relativePath(inputPath)) })),
      ),
      ...pluginFilePages(context),
      ...copies.map((copy) => ({
        url: `/${copy.to}`,
        inputPath: `${copy.from} (a file beside the posts, copied by the option "attachments")`,
      })),
    ]);
  });
  eleventyConfig.on("eleventy.after", (event: { outputMode?: string }) => {
    if (!context.pluginFiles.writesFiles(event)) return;
    for (const copy of copies) {
      const from = path.join(directories.input, copy.from);
      const to = path.join(output, copy.to);
      if (unchanged(from, to)) continue;
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  });
}

/**
 * A post's text, or undefined for a post deleted under --watch that Eleventy still lists (Eleventy 3 keeps a deleted
 * template when the input folder is given as `.`): it has nothing left to attach.
 */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** A file, not a folder and not a symbolic link (which may lead out of the site). */
function isPlainFile(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The includes, layouts and data folders hold the site's own files, never attachments. */
function otherFolders(directories: EleventyConfig["directories"]): string[] {
  return [directories.includes, directories.layouts, directories.data]
    .filter((folder): folder is string => typeof folder === "string" && folder !== "")
    .map((folder) => path.resolve(folder));
}

/** A copy made by an earlier build, with the same size and not older than its source, is left as it is. */
function unchanged(from: string, to: string): boolean {
  try {
    const source = statSync(from);
    const copy = statSync(to);
    return copy.size === source.size && copy.mtimeMs >= source.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Files under `root` that may be attachments: not hidden, not in node_modules, not in the `skip` folders, not
 * behind a link out of the site's `input` folder (`outside` is told of each).
 */
function attachmentCandidates(
  root: string,
  input: string,
  skip: readonly string[],
  outside: (file: string, target: string) => void,
): string[] {
  const skipFolder = (name: string, full: string) =>
    name.startsWith(".") || name === "node_modules" || skip.includes(full);
  return listFiles(root, { skipFolder, within: input, outside }).filter(
    (file) => !path.posix.basename(file).startsWith("."),
  );
}
