/**
 * Front matter of posts: the YAML engine for the posts the glob selects, Pelican's header for posts without `---`,
 * and the normalising of every post's data. Every other template's front matter is left to the site's own settings.
 */
import path from "node:path";
import picomatch from "picomatch";
import { withPlace } from "../errors.js";
import { looksMisdecoded, rereadInOwnEncoding } from "./encoding.js";
import { normalizePost, parsePelicanHeader, parsePostYaml } from "../front-matter.js";
import { DEFAULT_CATEGORY } from "../permalinks.js";
import { typesetPostData } from "../typography.js";
import type { PluginContext } from "./context.js";

interface GrayMatterFile {
  data: Record<string, unknown>;
  content: string;
  matter: string;
  excerpt?: string;
}

type Engine = (text: string, options?: { filePath?: string }) => unknown;

/**
 * Pelican's folder category: `posts/IT/x.md` with glob `posts/**` → `IT`; a post right in the glob's base folder
 * gets Pelican's default category, `misc`.
 */
function folderCategory(file: string, globBase: string): string {
  const folder = path.posix.dirname(file);
  if (folder === "." || path.posix.normalize(folder) === path.posix.normalize(globBase || ".")) return DEFAULT_CATEGORY;
  return path.posix.basename(folder);
}

/** `eleventy` builds leave drafts out; `--serve` and `--watch` show them. */
function writesDrafts(): boolean {
  return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
}

export function registerFrontMatter({
  config,
  options,
  slugify,
  postSlug,
  postFile,
  warn,
  typeset,
}: PluginContext): void {
  const postsBase = picomatch.scan(options.posts).base;
  const normalize = (raw: Record<string, unknown>, file: string) => {
    const data = normalizePost(raw, {
      file,
      folderCategory: options.categoryFromFolder ? folderCategory(file, postsBase) : undefined,
      timezone: options.timezone,
      permalink: options.permalink,
      slugify,
      postSlug,
      postTemplateEngine: options.postTemplateEngine,
      tagCollections: options.tagCollections,
      writeDrafts: writesDrafts(),
      warn,
    });
    if (typeset) typesetPostData(data, typeset, options.language);
    return data;
  };

  const previous = config.frontMatterParsingOptions ?? {};
  const previousYaml = previous.engines?.yaml as Engine | undefined;
  const previousExcerpt = previous.excerpt;
  config.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, engineOptions?: { filePath?: string }) => {
        const file = postFile(engineOptions?.filePath);
        // A file that is not UTF-8 is read again from its bytes in the excerpt hook below.
        if (file) return looksMisdecoded(text) ? {} : parsePostYaml(text, file);
        return previousYaml ? previousYaml(text, engineOptions) : undefined;
      },
    },
    // gray-matter calls `excerpt` for every file, with or without `---`: the one place where a Pelican header
    // (no `---`) can be read and every post's data normalised after its YAML is parsed.
    excerpt: (file: GrayMatterFile, matterOptions: { filePath?: string; excerpt_separator?: string }) => {
      runPreviousExcerpt(previousExcerpt, file, matterOptions);
      const postPath = postFile(matterOptions.filePath);
      if (!postPath) return;
      const reread =
        (looksMisdecoded(file.matter) || looksMisdecoded(file.content)) &&
        rereadInOwnEncoding(file, matterOptions.filePath!, postPath, warn);
      if (!reread && file.matter === "" && !file.content.startsWith("---")) {
        const header = withPlace({ file: postPath }, () => parsePelicanHeader(file.content));
        if (header) {
          file.content = header.body;
          file.data = header.data;
        }
      }
      file.data = normalize(file.data ?? {}, postPath);
    },
  });
}

/** Keeps a user's own `excerpt` setting working: a function is chained, `true` or a separator string is honoured. */
function runPreviousExcerpt(
  previous: unknown,
  file: GrayMatterFile,
  matterOptions: { excerpt_separator?: string },
): void {
  if (typeof previous === "function") {
    previous(file, matterOptions);
    return;
  }
  if (previous !== true && typeof previous !== "string") return;
  const separator = typeof previous === "string" ? previous : (matterOptions.excerpt_separator ?? "---");
  const end = file.content.indexOf(separator);
  if (end !== -1) file.excerpt = file.content.slice(0, end);
}
