/**
 * Writes the new Eleventy site `ru-blog migrate` plans: package.json, eleventy.config.js with the migrated options,
 * the starter layouts, and the old content and static folders copied as they are. The texts are made by pure
 * functions; only {@link writeNewSite} touches the disk.
 */
import { randomUUID } from "node:crypto";
import { constants, realpathSync } from "node:fs";
import {
  copyFile,
  lstat,
  mkdir,
  readdir,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import transliterate from "@sindresorhus/transliterate";
import picomatch from "picomatch";
import { dialectOf } from "../../generators/index.js";
import { isEleventyCode } from "../../posts/eleventy-code.js";
import { starterFiles } from "./layouts.js";
import type { MigratedOption, Migration } from "./migration.js";
import { starterSiteData, SUBSCRIBE_PAGE_SOURCE, type StarterSiteData } from "./starter-site.js";

/** Folders of an old content tree that are tools' state, not content. */
const NOT_CONTENT = new Set([".git", ".hg", ".svn", "node_modules"]);

/** What the new site's `package.json` names: a lower-case npm name from the folder's name, Cyrillic transliterated. */
export function packageName(newSiteDir: string): string {
  const name = transliterate(path.basename(path.resolve(newSiteDir)))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name.slice(0, 200) || "blog";
}

export function packageJsonSource(name: string, packageVersion: string): string {
  const manifest = {
    name,
    private: true,
    type: "module",
    scripts: { build: "eleventy", start: "eleventy --serve" },
    dependencies: { "@11ty/eleventy": "^3.0.0", "eleventy-plugin-ru-blog": `^${packageVersion}` },
    engines: { node: ">=22.12" },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** An option tree: the dotted keys (`feeds.tags`) of the migrated options nested, in their order. */
type OptionTree = Map<string, { option: MigratedOption } | { children: OptionTree }>;

function optionTree(options: readonly MigratedOption[]): OptionTree {
  const root: OptionTree = new Map();
  for (const option of options) {
    const keys = option.key.split(".");
    let level = root;
    for (const key of keys.slice(0, -1)) {
      let node = level.get(key);
      if (!node || !("children" in node)) {
        node = { children: new Map() };
        level.set(key, node);
      }
      level = node.children;
    }
    level.set(keys[keys.length - 1]!, { option });
  }
  return root;
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A value as JavaScript source, objects as a person would write them: `{ name: "Автор" }`, `["ru", "en"]`. */
export function jsValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsValue).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${propertyName(key)}: ${jsValue(item)}`);
    return entries.length > 0 ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value) ?? "undefined";
}

/** A comment on one line, whatever the old setting's text holds. */
function lineComment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]+/g, " ")}`;
}

function optionLines(tree: OptionTree, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, node] of tree) {
    if ("children" in node) {
      lines.push(`${indent}${propertyName(key)}: {`, ...optionLines(node.children, `${indent}  `), `${indent}},`);
    } else {
      lines.push(`${indent}${propertyName(key)}: ${jsValue(node.option.value)}, ${lineComment(node.option.from)}`);
    }
  }
  return lines;
}

/** Where `from` lies inside the content folder, or undefined when it lies outside. */
function pathInContent(plan: Migration, from: string): string | undefined {
  const inContent = path.posix.relative(plan.contentDir, from);
  return inContent.startsWith("..") || path.posix.isAbsolute(inContent) ? undefined : inContent;
}

/**
 * Static folders the plugin's attachments do not already copy to the same place: the attachments copy only what is
 * under the posts glob's folder, to its path in the content folder.
 */
export function passthroughCopies(plan: Migration): { from: string; to: string }[] {
  const postsFolder = picomatch.scan(plan.posts).base;
  const copiedByAttachments = ({ from, to }: { from: string; to: string }) =>
    isInside(from, postsFolder) && pathInContent(plan, from) === to.replace(/^\/+|\/+$/g, "");
  return plan.staticDirs.filter((copy) => !copiedByAttachments(copy));
}

/** The options with the posts glob after `from`: the content folder is copied to the same place in the new site. */
function withPosts(plan: Migration): MigratedOption[] {
  if (plan.options.some((option) => option.key === "posts")) return plan.options;
  const posts = {
    key: "posts",
    value: plan.posts,
    from: `${dialectOf(plan.generator).migrate.contentSettings}: the posts in the content folder, copied as it is`,
  };
  const [first, ...rest] = plan.options;
  return first?.key === "from" ? [first, posts, ...rest] : [posts, ...plan.options];
}

/** The text of `eleventy.config.js`: the plugin with every migrated option, each commented with its old setting. */
export function configSource(plan: Migration, site: StarterSiteData): string {
  const copies = passthroughCopies(plan).flatMap(({ from, to }) => [
    `  eleventyConfig.addPassthroughCopy({ ${JSON.stringify(from)}: ${JSON.stringify(to.replace(/^\/+/, "") || "/")} });`,
    // Outside the content, where the plugin keeps them out of the templates itself: an .html file there is copied.
    ...(pathInContent(plan, from) === undefined
      ? [`  eleventyConfig.ignores.add(${JSON.stringify(`${from}/**`)});`]
      : []),
  ]);
  return [
    `// Written by \`ru-blog migrate\` from the ${dialectOf(plan.generator).title} blog's ${plan.configFiles.join(", ")}.`,
    "// Each option keeps a URL or a setting of the old blog; the comment after it names the old setting.",
    'import ruBlog from "eleventy-plugin-ru-blog";',
    "",
    "const options = {",
    ...optionLines(optionTree(withPosts(plan)), "  "),
    "};",
    "",
    "export default function (eleventyConfig) {",
    "  eleventyConfig.addPlugin(ruBlog, options);",
    "  // The starter layouts in _includes/ (replace them with your theme's) read the title, language and navigation here.",
    `  eleventyConfig.addGlobalData("site", ${jsValue(site)});`,
    "  // Each feed's HTML page, beside it (subscribe.njk writes them; the layouts link them).",
    `  const subscribePage = ${SUBSCRIBE_PAGE_SOURCE};`,
    '  eleventyConfig.addFilter("subscribePage", subscribePage);',
    '  eleventyConfig.addGlobalData("subscribePage", () => subscribePage);',
    "  // Code blocks and tables scroll sideways inside themselves on a phone: with the keyboard too.",
    '  eleventyConfig.addTransform("scrollable", (html, outputPath) =>',
    '    String(outputPath).endsWith(".html") ? html.replace(/<(pre|table)(?=[\\s>])(?![^>]*\\btabindex=)/g, \'<$1 tabindex="0"\') : html,',
    "  );",
    `  // Every page without a layout of its own, the posts in ${plan.contentDir || "."}/ among them, is shown with _includes/post.njk.`,
    '  eleventyConfig.addGlobalData("layout", "post.njk");',
    ...(copies.length > 0
      ? ["  // Static files of the old blog, copied as they are, never rendered as templates."]
      : []),
    ...copies,
    "}",
    "",
  ].join("\n");
}

/** Whether `dir` is missing or an empty folder; a file there, or an unreadable folder, is not. */
export async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/** Whether `inner` is `outer` or inside it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** A file of the old blog that the copy left out, and why (the report lists each). */
export interface LeftOut {
  file: string;
  why: string;
}

export interface WrittenSite {
  /** The paths written at the new site's top, in the order written (a copied folder by its old path). */
  written: string[];
  leftOut: LeftOut[];
}

/** Site files at the top of any copied folder that the new site's own files or the old blog's tools would clash with. */
const TOOL_FILES = new Set(["package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]);

/**
 * Writes the new site: first into a fresh folder beside `newSiteDir` (missing or empty: the caller checked), renamed
 * to it once everything is written, so that a failure leaves nothing behind. Every path written is checked to lie
 * inside that folder.
 */
export async function writeNewSite(
  oldBlogDir: string,
  newSiteDir: string,
  plan: Migration,
  packageVersion: string,
): Promise<WrittenSite> {
  const finalDir = path.resolve(newSiteDir);
  await mkdir(path.dirname(finalDir), { recursive: true });
  // Not mkdtemp: its folder is private (0700), and the site's folder gets the user's usual permissions.
  const staging = path.join(path.dirname(finalDir), `.${path.basename(finalDir)}.migrating-${randomUUID()}`);
  await mkdir(staging);
  try {
    const result = await writeSiteInto(oldBlogDir, staging, packageName(newSiteDir), plan, packageVersion);
    await rmdir(finalDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, finalDir);
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** `relative` inside `root`, or an error: nothing is ever written outside the new site. */
function inside(root: string, relative: string): string {
  const full = path.resolve(root, relative);
  if (!isInside(full, root)) throw new Error(`${relative} would be written outside the new site; nothing is written`);
  return full;
}

async function writeSiteInto(
  oldBlogDir: string,
  siteDir: string,
  name: string,
  plan: Migration,
  packageVersion: string,
): Promise<WrittenSite> {
  const files: Record<string, string> = {
    "package.json": packageJsonSource(name, packageVersion),
    "eleventy.config.js": configSource(plan, starterSiteData(plan, oldBlogDir)),
    ".gitignore": "node_modules/\n_site/\n",
    ...starterFiles(plan),
  };
  for (const [file, text] of Object.entries(files)) {
    const target = inside(siteDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: "wx" });
  }
  const copied = [plan.contentDir];
  for (const { from } of plan.staticDirs) {
    if (!copied.some((folder) => isInside(path.join(oldBlogDir, from), path.join(oldBlogDir, folder))))
      copied.push(from === "." ? "" : from);
  }
  const leftOut: LeftOut[] = [];
  const copier = new BlogCopier(oldBlogDir, siteDir, copied, new Set(plan.notContent), new Set(Object.keys(files)));
  for (const from of copied) await copier.copy(from, leftOut);
  return { written: [...Object.keys(files), ...copied], leftOut };
}

/**
 * Copies folders of the old blog to the same paths in the new site, content only: not tools' folders, not the old
 * site's own files (`notContent`), not code Eleventy would run, not a file the new site writes itself. A symbolic
 * link is copied as a relative link when it leads to a file or folder that is copied too (so the new site never
 * reads the old one and can move), and left out, named, when it leads anywhere else.
 */
class BlogCopier {
  private readonly realBlog: string;

  constructor(
    private readonly blogDir: string,
    private readonly siteDir: string,
    private readonly copied: readonly string[],
    private readonly notContent: ReadonlySet<string>,
    private readonly siteFiles: ReadonlySet<string>,
  ) {
    this.realBlog = realpathSync(blogDir);
  }

  /** Why `file` (relative to the blog's folder) is not copied, or undefined when it is. */
  private whyNot(file: string, isFolder: boolean): string | undefined {
    const name = path.posix.basename(file);
    if (NOT_CONTENT.has(name)) return "";
    if (this.notContent.has(file)) return "the old site's own (config, output, theme), not content";
    if (this.siteFiles.has(file) || TOOL_FILES.has(file))
      return "the new site has its own; merge what you need by hand";
    if (!isFolder && isEleventyCode(file))
      return "code Eleventy would run on every build, which the old blog never ran";
    return undefined;
  }

  /** Whether `file` (relative to the blog's folder) lies in a copied folder and is copied itself. */
  private isCopied(file: string, isFolder: boolean): boolean {
    if (!this.copied.some((folder) => isInside(path.join(this.blogDir, file), path.join(this.blogDir, folder))))
      return false;
    const parts = file === "" ? [] : file.split("/");
    const folders = parts.map((_, index) => parts.slice(0, index + 1).join("/"));
    return folders.every((folder) => this.whyNot(folder, folder !== file || isFolder) === undefined);
  }

  async copy(from: string, leftOut: LeftOut[]): Promise<void> {
    const stack = [from];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      const source = path.join(this.blogDir, file);
      // The copied folder itself may be a link (checked to lead inside the blog): it is copied as what it leads to.
      const stats = await (file === from ? stat(source) : lstat(source)).catch(() => undefined);
      if (stats === undefined) continue;
      const why = file === from ? undefined : this.whyNot(file, stats.isDirectory());
      if (why !== undefined) {
        if (why !== "") leftOut.push({ file, why });
        continue;
      }
      const target = inside(this.siteDir, file);
      if (stats.isSymbolicLink()) await this.copyLink(file, source, target, leftOut);
      else if (stats.isDirectory()) {
        await mkdir(target, { recursive: true });
        const names = (await readdir(source)).sort().reverse();
        for (const name of names) stack.push(file === "" ? name : `${file}/${name}`);
      } else if (stats.isFile()) {
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(source, target, constants.COPYFILE_EXCL);
      }
    }
  }

  private async copyLink(file: string, source: string, target: string, leftOut: LeftOut[]): Promise<void> {
    const real = await realpath(source).catch(() => undefined);
    if (real === undefined) {
      leftOut.push({ file, why: "a link to nothing" });
      return;
    }
    if (!isInside(real, this.realBlog)) {
      leftOut.push({ file, why: `a link to ${real}, outside the old blog's folder` });
      return;
    }
    const targetFile = path.relative(this.realBlog, real).split(path.sep).join("/");
    if (!this.isCopied(targetFile, (await stat(real)).isDirectory())) {
      leftOut.push({ file, why: `a link to ${targetFile || "the old blog's folder"}, which is not copied` });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await symlink(path.posix.relative(path.posix.dirname(file), targetFile) || ".", target);
  }
}
