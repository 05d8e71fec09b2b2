/**
 * The posts of a written site, read as the plugin will read them, before anything is built: the posts glob must find
 * a post in every folder the old generator read posts from, and each post's front matter must be one the plugin
 * takes. Each problem names the file, the setting or key, and the fix.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import { decodePostBytes } from "../../posts/encodings.js";
import { RuBlogError } from "../../errors.js";
import { dialectOf, type GeneratorName } from "../../generators/index.js";
import { normalizePost } from "../../posts/front-matter.js";
import { parsePostYaml } from "../../posts/front-matter-readers.js";
import { readOtherFrontMatter } from "../../posts/front-matter-formats.js";
import { resolveOptions } from "../../options.js";
import { createPostSlugger, createSlugger } from "../../urls/slugs.js";
import { pluginOptionsOf } from "./option-check.js";
import type { Migration } from "./migration.js";

export interface PostProblem {
  /** The file or folder, relative to the new site. */
  place: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export interface PostCheck {
  /** The posts the glob finds, relative to the new site. */
  posts: string[];
  /** How many of them are in each folder the old generator read posts from. */
  byFolder: Map<string, number>;
  problems: PostProblem[];
}

/** Every file under `folder` of `siteDir`, relative to `siteDir`, in a stable order. */
async function filesUnder(siteDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(siteDir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The front matter of `text` as the plugin reads it (Eleventy's `---` YAML, or TOML, JSON, Pelican's header). */
function frontMatterOf(text: string, file: string, from: GeneratorName | undefined): Record<string, unknown> {
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (yaml) return parsePostYaml(yaml[1]!, file);
  return readOtherFrontMatter(text, file, from)?.data ?? {};
}

/** The posts of the site written in `siteDir` from `plan`, and what the plugin would refuse among them. */
export async function checkPosts(siteDir: string, plan: Migration): Promise<PostCheck> {
  const isPost = picomatch(plan.posts, { dot: false });
  const posts = (await filesUnder(siteDir, plan.contentDir)).filter((file) => isPost(file));
  const problems: PostProblem[] = [];
  const byFolder = new Map(
    plan.postFolders.map((folder) => [
      folder,
      posts.filter((file) => folder === "" || file.startsWith(`${folder}/`)).length,
    ]),
  );
  for (const [folder, count] of byFolder) {
    if (count > 0) continue;
    problems.push({
      place: `${folder || "."}/`,
      message: `the posts glob ${plan.posts} (from ${dialectOf(plan.generator).migrate.contentSettings}) finds no post here, where the old blog's posts were; move the posts into it, or set "posts" in eleventy.config.js to the glob of the folder that holds them`,
    });
  }
  const options = resolveOptions(pluginOptionsOf(plan.options, plan.posts), () => {});
  const slugify = createSlugger(options.slugStyle);
  const postSlug = createPostSlugger(options.slugStyle);
  for (const file of posts) {
    const decoded = decodePostBytes(await readFile(path.join(siteDir, file)));
    if ("problem" in decoded) {
      problems.push({ place: file, message: `the file ${decoded.problem}; save it as UTF-8` });
      continue;
    }
    try {
      const data = frontMatterOf(decoded.text, file, options.from);
      normalizePost(data, {
        file,
        folderCategory: undefined,
        timezone: options.timezone,
        permalink: options.permalink,
        slugify,
        postSlug,
        postTemplateEngine: options.postTemplateEngine,
        tagCollections: false,
        writeDrafts: false,
        warn: () => {},
        from: options.from,
      });
    } catch (error) {
      if (!(error instanceof RuBlogError)) throw error;
      const message = error.message.replace(`[ru-blog] ${file}: `, "").replace(`[ru-blog] ${file}, `, "");
      problems.push({
        place: file,
        message: `${message.replace(/\.$/, "")}; Eleventy would stop at this post: fix it here, in the new site`,
      });
    }
  }
  return { posts, byFolder, problems };
}
