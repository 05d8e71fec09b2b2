/**
 * `ru-blog migrate`'s plan: the old blog's config read (Pelican's settings files or Hugo's config) and turned into
 * this package's options, each naming the old settings it came from, with what could not be carried over and why.
 * Reads the old blog's folder; writes nothing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Generator } from "../front-matter-formats.js";
import { HUGO_CONFIG_FILES, readHugoConfig } from "./hugo-config.js";
import { MigrateError } from "./migrate-error.js";
import { readPelicanSettings } from "./pelican-settings.js";
import { planHugo } from "./plan-hugo.js";
import { planPelican } from "./plan-pelican.js";
import { withPostsLanguage } from "./posts-language.js";

export { MigrateError } from "./migrate-error.js";

/**
 * An option of this package (a dotted key for a nested one, e.g. `"feeds.tag"`), its value, and the old setting(s)
 * it came from, e.g. `"TAG_URL, TAG_SAVE_AS"`: the comment beside it in eleventy.config.js.
 */
export interface MigratedOption {
  key: string;
  value: unknown;
  from: string;
}

/** An old setting that was not carried over (THEME, PLUGINS, JINJA_*, custom outputs, an unreadable line) and why. */
export interface NotCarried {
  setting: string;
  why: string;
}

export interface Migration {
  generator: Generator;
  /** The config files read, relative to the old blog's folder, in reading order. */
  configFiles: string[];
  /**
   * `from` first, then only the options that differ from the `from` preset; `siteUrl`, `title`, `author`,
   * `timezone` and `language` (or `languages`) always, when the old config gives them.
   */
  options: MigratedOption[];
  /** Every old setting read and what it became (for the report). */
  carried: { setting: string; value: unknown; became: string }[];
  notCarried: NotCarried[];
  /** The old content folder, relative to the old blog's folder (Pelican's PATH, Hugo's contentDir); "" for the folder itself. */
  contentDir: string;
  /** The posts glob for this package, relative to the new site (the content folder is copied as it is). */
  posts: string;
  /** The folders the posts glob reads, relative to the new site: each must hold a post (counted before migrate exits). */
  postFolders: string[];
  /**
   * Folders (or files) to copy to `to` in the output, beyond what the plugin's attachments copy (every file under the
   * posts glob's folder, at its path from `attachments.root`): Hugo's static/ to the site root; Pelican's
   * STATIC_PATHS outside the posts' folder (`content/images` → `images` when ARTICLE_PATHS is `['posts']`) and
   * EXTRA_PATH_METADATA's files moved to their `path`. Each exists in the old blog's folder; `setting` names the old
   * setting that put it there (the report's line for it is checked against the written site).
   */
  staticDirs: { from: string; to: string; setting?: string }[];
  /**
   * The home page's list, paged as the old theme paged it: `pageSize` posts a page (0: all on one page), page N at
   * `laterPages` with `:n` (Pelican's `/index:n.html`, Hugo's `/page/:n/`), and Hugo's `/page/1/`, a redirect to `/`.
   */
  home: { pageSize: number; laterPages: string; pageOneRedirect: boolean };
  /** Where the starter's archive of every post is: Pelican's archives page (ARCHIVES_SAVE_AS), else `/archive/`. */
  archivePage: string;
  /** Kinds of pages the old generator wrote from its theme that the new site does not; the report names them. */
  themePages: string[];
}

/** What a folder must hold to be recognised, for the message when it holds none of it. */
const LOOKED_FOR = ["pelicanconf.py", "publishconf.py", ...HUGO_CONFIG_FILES];

/**
 * The migration of the blog in `oldBlogDir`: Pelican's when it has `pelicanconf.py` or `publishconf.py`, else
 * Hugo's when it has a Hugo config.
 * @throws MigrateError (exit code 2) when the folder has no config of either, naming what was looked for, or when a
 *   config has a syntax error, naming the file and line.
 */
export function planMigration(oldBlogDir: string): Migration {
  if (!existsSync(oldBlogDir)) throw new MigrateError(`${oldBlogDir} does not exist; give the old blog's folder.`);
  const pelican = readPelicanSettings(oldBlogDir);
  if (pelican) return withPostsLanguage(planPelican(pelican, oldBlogDir), oldBlogDir);
  const hugo = readHugoConfig(oldBlogDir);
  if (hugo) return withPostsLanguage(planHugo(hugo, oldBlogDir), oldBlogDir);
  throw new MigrateError(
    `${join(oldBlogDir)} has no Pelican or Hugo config: looked for ${LOOKED_FOR.join(", ")}. Give the folder the old blog was built in.`,
  );
}
