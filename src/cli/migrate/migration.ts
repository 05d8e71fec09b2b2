/**
 * What `ru-blog migrate` makes of an old blog: the types every generator's plan (src/generators/…/plan.ts) returns
 * and the command and site writer read. Below both, so that neither imports the other for them.
 */
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
  /** A value mapped to an option the plugin refuses: the site lacks what the setting did, so migrate exits 1. */
  refused?: boolean;
}

export interface Migration {
  /** The old generator, by its name in the registry (src/generators/index.ts), which is the `from` option. */
  generator: string;
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
   * The old site's own files and folders (its config files, output, cache, theme, plugins), relative to its folder:
   * never copied, though they lie in a copied folder (a content folder that is the blog's folder itself).
   */
  notContent: string[];
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
