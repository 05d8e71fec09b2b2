/**
 * Writes the new Eleventy site `ru-blog migrate` plans: package.json, eleventy.config.js with the migrated options,
 * the starter layouts, and the old content and static folders copied as they are. The texts are made by pure
 * functions; only {@link writeNewSite} touches the disk.
 */
import { cp, mkdir, readdir, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import transliterate from "@sindresorhus/transliterate";
import picomatch from "picomatch";
import { dialectOf } from "../../generators/index.js";
import { STARTER_FILES } from "./layouts.js";
import type { MigratedOption, Migration } from "./migration.js";

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
    engines: { node: ">=20.19" },
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

/** The site's language for the starter layouts: the `language` option, else the first of `languages`, else ru. */
function siteLanguage(options: readonly MigratedOption[]): string {
  const language = options.find((option) => option.key === "language")?.value;
  if (typeof language === "string") return language;
  const languages = options.find((option) => option.key === "languages")?.value;
  return Array.isArray(languages) && typeof languages[0] === "string" ? languages[0] : "ru";
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
export function configSource(plan: Migration): string {
  const copies = passthroughCopies(plan).flatMap(({ from, to }) => [
    `  eleventyConfig.addPassthroughCopy({ ${JSON.stringify(from)}: ${JSON.stringify(to.replace(/^\/+/, "") || "/")} });`,
    // Outside the content, where the plugin keeps them out of the templates itself: an .html file there is copied.
    ...(pathInContent(plan, from) === undefined
      ? [`  eleventyConfig.ignores.add(${JSON.stringify(`${from}/**`)});`]
      : []),
  ]);
  const site = {
    title: String(plan.options.find((option) => option.key === "title")?.value ?? ""),
    language: siteLanguage(plan.options),
  };
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
    "  // The starter layouts in _includes/ (replace them with your theme's) read the title and language here.",
    `  eleventyConfig.addGlobalData("site", ${jsValue(site)});`,
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

/** Copies `from` (a folder or a file in the old blog) to the same place in the new site, without tools' folders. */
async function copyAsIs(oldBlogDir: string, newSiteDir: string, from: string): Promise<void> {
  const source = await realpath(path.join(oldBlogDir, from));
  const target = path.join(newSiteDir, from);
  await mkdir(path.dirname(target), { recursive: true });
  await cp(source, target, {
    recursive: true,
    errorOnExist: true,
    force: false,
    filter: (file) => !NOT_CONTENT.has(path.basename(file)),
  });
}

/** Whether `inner` is `outer` or inside it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Writes the new site into `newSiteDir` (missing or empty: the caller checked) and returns the paths written at its
 * top, in the order written.
 */
export async function writeNewSite(
  oldBlogDir: string,
  newSiteDir: string,
  plan: Migration,
  packageVersion: string,
): Promise<string[]> {
  await mkdir(newSiteDir, { recursive: true });
  const files: Record<string, string> = {
    "package.json": packageJsonSource(packageName(newSiteDir), packageVersion),
    "eleventy.config.js": configSource(plan),
    ".gitignore": "node_modules/\n_site/\n",
    ...STARTER_FILES,
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(newSiteDir, file)), { recursive: true });
    await writeFile(path.join(newSiteDir, file), text, { flag: "wx" });
  }
  const copied = [plan.contentDir];
  for (const { from } of plan.staticDirs) {
    if (!copied.some((folder) => isInside(path.join(oldBlogDir, from), path.join(oldBlogDir, folder))))
      copied.push(from);
  }
  for (const from of copied) {
    if ((await stat(path.join(oldBlogDir, from)).catch(() => undefined)) === undefined) continue;
    await copyAsIs(oldBlogDir, newSiteDir, from);
  }
  return [...Object.keys(files), ...copied];
}
