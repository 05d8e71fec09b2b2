/**
 * Front matter of posts: the YAML engine for the posts the glob selects; TOML, Hugo's JSON and Pelican's header for
 * posts without `---` (front-matter-formats.ts); the normalising of every post's data, `---js` posts' too. Every
 * other template's front matter is left to the site's own settings.
 */
import path from "node:path";
import { load as loadYaml } from "js-yaml";
import picomatch from "picomatch";
import { RuBlogError, withPlace } from "../errors.js";
import {
  conventionKeysOf,
  normalizePost,
  readConventionPost,
  type ConventionReading,
  type PostContext,
} from "../posts/front-matter.js";
import { DIALECTS, dialectOf } from "../generators/index.js";
import { parsePostYaml } from "../posts/front-matter-readers.js";
import { readOtherFrontMatter, unreadFrontMatter } from "../posts/front-matter-formats.js";
import { looksMisdecoded, rereadInOwnEncoding } from "./encoding.js";
import { attachLinks as attachLinksOf } from "../content/attachments.js";
import { DEFAULT_CATEGORY } from "../urls/permalinks.js";
import { typesetPostData } from "../content/typography.js";
import type { PluginContext } from "./context.js";
import { tagCollectionsOf } from "./collections.js";
import { POSTS_TAG } from "../site/site.js";

interface GrayMatterFile {
  data: Record<string, unknown> | Promise<Record<string, unknown>>;
  content: string;
  matter: string;
  excerpt?: string;
  /** The front matter's language: `yaml` unless the first line names another (`---js`, `---json`). */
  language?: string;
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

/** A post's URL with its language after the slug (Pelican's ARTICLE_LANG_URL): `{slug}.html` → `{slug}-en.html`. */
function withSlugSuffix(pattern: string, suffix: string): string {
  return pattern.replace(/\{slug\}|:slug\b/, (token) => `${token}${suffix}`);
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
  relativePath,
  warn,
  irregular,
  typeset,
  languages,
  attachLinks,
}: PluginContext): void {
  const postsBase = picomatch.scan(options.posts).base;
  // A post's `---` front matter, read as its old generator reads YAML where it has its own reader (Jekyll's Psych).
  const ownYaml = options.from === undefined ? undefined : dialectOf(options.from).reading.parseYaml;
  const registerTagCollections = options.tagCollections ? tagCollectionsOf(config) : undefined;
  // With `strict`, a post read differently from its old generator, or left out, stops the build.
  const postWarn = options.strict
    ? (message: string) => {
        throw new RuBlogError(`${message} (This is an error because of strict: true.)`);
      }
    : warn;
  /** How the plugin reads the post `file` (the path inside the input folder). */
  const postContext = (file: string): PostContext => ({
    file,
    folderCategory: options.categoryFromFolder ? folderCategory(file, postsBase) : undefined,
    timezone: options.timezone,
    permalink: options.permalink,
    slugify,
    postSlug,
    postTemplateEngine: options.postTemplateEngine,
    tagCollections: options.tagCollections,
    writeDrafts: writesDrafts(),
    warn: postWarn,
    from: options.from,
    inputDir: config.directories.input,
    irregular,
  });
  const normalize = (
    raw: Record<string, unknown>,
    file: string,
    unread: string | undefined,
    fileWithoutLanguage: string,
    slugSuffix: string,
  ) =>
    normalizePost(raw, {
      ...postContext(file),
      permalink: slugSuffix ? withSlugSuffix(options.permalink, slugSuffix) : options.permalink,
      fileWithoutLanguage,
      unreadFrontMatter: unread,
    });

  // A post by Eleventy's convention (`tags: posts`, as the official starter's posts have it from their folder's
  // data) outside the posts glob: the plugin reads the keys Eleventy does not (readConventionPost). Whether a page is
  // such a post is known only once its folder's data is merged, so its URL is a global permalink function, which
  // the page's own `permalink` and its folder's win over; the title, date and terms are the page's own keys.
  const conventionPermalinks = new Map<string, string>();
  config.addGlobalData("permalink", () => (data: { tags?: unknown; page?: { inputPath?: string } }) => {
    const tags = Array.isArray(data.tags) ? data.tags : [data.tags];
    if (!tags.includes(POSTS_TAG)) return undefined;
    return conventionPermalinks.get(data.page?.inputPath ?? "");
  });
  const readConventionKeys = (file: GrayMatterFile, inputPath: string) => {
    conventionPermalinks.delete(inputPath);
    if (!/\.(md|markdown)$/i.test(inputPath) || file.data instanceof Promise) return;
    const relative = relativePath(inputPath);
    // A category comes from the page's own keys only: its folder is the site's, not a Pelican category folder.
    const context: PostContext = { ...postContext(relative), folderCategory: undefined };
    let reading: ConventionReading | undefined;
    if (file.matter !== "") {
      if ((file.language ?? "yaml") !== "yaml" || conventionKeysOf(file.data ?? {}, true).length === 0) return;
      reading = readConventionPost(parsePostYaml(file.matter, relative), true, context);
    } else if (!file.content.startsWith("---")) {
      // An old generator's own front matter (Pelican's `Key: value` header, TOML, JSON) with a title, which every
      // post has (a page whose text merely starts with `Note: …` is left alone).
      const header = withPlace({ file: relative }, () => readOtherFrontMatter(file.content, relative, options.from));
      if (!header || !Object.keys(header.data).some((key) => key.toLowerCase() === "title")) return;
      reading = readConventionPost(header.data, false, context);
      if (reading) file.content = header.body;
    }
    if (!reading) return;
    file.data = { ...file.data, ...reading.data };
    if (reading.permalink !== undefined) conventionPermalinks.set(inputPath, reading.permalink);
  };

  // A YAML key written twice: read as the old generator reads it (Hugo), or an error naming the `from` that would.
  const repeatedKeysReader = DIALECTS.find((dialect) => dialect.reading.repeatedYamlKeys);
  const readsRepeatedKeys = options.from !== undefined && dialectOf(options.from).reading.repeatedYamlKeys;
  const repeatedKeys = new Set<string>();
  config.on("eleventy.before", () => repeatedKeys.clear());
  config.on("eleventy.after", () => {
    if (repeatedKeys.size === 0) return;
    warn(
      `a key is written twice in the front matter of ${[...repeatedKeys].sort().join(", ")}; the last value is read, as ${repeatedKeysReader?.title ?? "the old generator"} reads it. Remove the other.`,
    );
  });

  const previous = config.frontMatterParsingOptions ?? {};
  const previousYaml = previous.engines?.yaml as Engine | undefined;
  const previousExcerpt = previous.excerpt;
  config.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, engineOptions?: { filePath?: string }) => {
        const file = postFile(engineOptions?.filePath);
        // A file that is not UTF-8 is read again from its bytes in the excerpt hook below.
        if (file) {
          if (looksMisdecoded(text)) return {};
          if (ownYaml) return withPlace({}, () => ownYaml(text, file));
          // One warning for every post with a key written twice, after the build (strict: the post's error at once).
          const warnRepeated = options.strict ? postWarn : () => repeatedKeys.add(file);
          return parsePostYaml(text, file, { read: readsRepeatedKeys, warn: warnRepeated, readBy: repeatedKeysReader });
        }
        // Eleventy 3 sets js-yaml's `load` as the engine; Eleventy 4 sets none and leaves YAML to gray-matter,
        // whose default is that same function. Either way the site's own engine, when it has one, reads the rest.
        return (previousYaml ?? loadYaml)(text, engineOptions);
      },
    },
    // gray-matter calls `excerpt` for every file, with or without `---`: the one place where a Pelican header
    // (no `---`) can be read and every post's data normalised after its YAML is parsed.
    excerpt: (file: GrayMatterFile, matterOptions: { filePath?: string; excerpt_separator?: string }) => {
      runPreviousExcerpt(previousExcerpt, file, matterOptions);
      const postPath = postFile(matterOptions.filePath);
      if (!postPath) {
        if (matterOptions.filePath) readConventionKeys(file, matterOptions.filePath);
        return;
      }
      if (options.attachments !== false) {
        const links = [...attachLinksOf(file.matter), ...attachLinksOf(file.content)];
        attachLinks.set(path.resolve(matterOptions.filePath!), links);
      }
      let unread: string | undefined;
      const reread =
        (looksMisdecoded(file.matter) || looksMisdecoded(file.content)) &&
        rereadInOwnEncoding(file, matterOptions.filePath!, postPath, postWarn, options.from);
      if (!reread && file.matter === "" && !file.content.startsWith("---")) {
        const read = withPlace({ file: postPath }, () => readOtherFrontMatter(file.content, postPath, options.from));
        if (read) {
          file.content = read.body;
          file.data = read.data;
        } else {
          unread = unreadFrontMatter(file.content);
        }
      }
      // Eleventy's `---js` front matter runs asynchronously: its data is a promise, which Eleventy awaits.
      const read = (raw: Record<string, unknown>) => {
        const data = languages.readPost(raw, postPath, file.content, (fileWithoutLanguage, slugSuffix) =>
          normalize(raw, postPath, unread, fileWithoutLanguage, slugSuffix),
        );
        // After the language is known: a title is set in its post's typography.
        if (typeset) typesetPostData(data, typeset, options.language);
        registerTagCollections?.(data);
        return data;
      };
      const data = file.data;
      file.data = data instanceof Promise ? data.then((resolved) => read(resolved ?? {})) : read(data ?? {});
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
