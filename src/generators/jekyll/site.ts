/**
 * The settings of the Jekyll blog an Eleventy site builds (`from: "jekyll"`): its own `_config.yml` in the input
 * folder, read again when the file changes, and the blog's posts as Jekyll reads them, once per set of texts.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { splitJekyllFile } from "./blog.js";
import { JEKYLL_CONFIG_FILES, jekyllSettings, readJekyllConfig, type JekyllSettings } from "./config.js";
import { readJekyllPost, type JekyllPost, type JekyllSiteSettings } from "./posts.js";

export interface JekyllSite {
  settings: JekyllSettings;
  /** The config's `timezone`, else the `timezone` option (Jekyll used the build machine's). */
  timezone: string;
  /** The blog's folder, where its files are. */
  inputDir: string;
}

const configs = new Map<string, { stamp: string; settings: JekyllSettings }>();

/** The `_config.yml` of the blog in `inputDir` (its defaults when it has none). */
export function jekyllSite(inputDir: string, fallbackZone: string): JekyllSite {
  const stamp = JEKYLL_CONFIG_FILES.map(
    (name) => statSync(join(inputDir, name), { throwIfNoEntry: false })?.mtimeMs ?? "-",
  ).join(",");
  let known = configs.get(inputDir);
  if (known?.stamp !== stamp) {
    known = { stamp, settings: readJekyllConfig(inputDir)?.settings ?? jekyllSettings({}).settings };
    configs.set(inputDir, known);
  }
  return { settings: known.settings, timezone: known.settings.timezone ?? fallbackZone, inputDir };
}

/** What a post's reading needs of the site: its zone, permalink and `future`/`show_drafts` settings. */
export function postSettings(site: JekyllSite): JekyllSiteSettings {
  const { permalink, future, drafts } = site.settings;
  return { timezone: site.timezone, permalink, future, drafts };
}

/** A file's modification time, a draft's date when it names none. */
export const modifiedTime = (site: JekyllSite, file: string) => () =>
  DateTime.fromJSDate(statSync(join(site.inputDir, file)).mtime);

/** The posts Jekyll writes, by path, read from the blog's texts; a post it cannot read is left out (its own build says why). */
const blogs = new WeakMap<ReadonlyMap<string, string>, Map<string, JekyllPost>>();

export function jekyllPosts(texts: ReadonlyMap<string, string>, site: JekyllSite, now: Date): Map<string, JekyllPost> {
  let posts = blogs.get(texts);
  if (posts) return posts;
  posts = new Map();
  for (const [file, text] of texts) {
    try {
      const post = readJekyllPost({
        relativePath: file,
        data: splitJekyllFile(text, file).data,
        site: postSettings(site),
        now: DateTime.fromJSDate(now),
        modified: modifiedTime(site, file),
      });
      if (post && !post.skipped) posts.set(file, post);
    } catch {
      // The post's own reading reports it, naming the file.
    }
  }
  blogs.set(texts, posts);
  return posts;
}
