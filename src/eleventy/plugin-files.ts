/**
 * The plugin's files that need no layout: feeds, the feed stylesheet, redirect pages, the redirects file, the
 * sitemap. They are not Eleventy templates: each is made from the site model (and, for feeds, the rendered posts)
 * after Eleventy has written the site, and written here part by part, one file at a time, so that neither Eleventy
 * nor the plugin keeps them in memory. Their URLs are known before anything is written, when Eleventy has every
 * page's URL (`eleventy.contentMap`): the output checks see them with the site's pages (output-checks.ts).
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { outputFileOf } from "../urls/output-paths.js";
import { addUnlistedCollection } from "./existing-site.js";
import type { EleventyConfig } from "./types.js";

/** One file the plugin writes itself. */
export interface PluginFile {
  /** Its URL, as a permalink: `/feed.xml`, `/old/` (written as `/old/index.html`). */
  url: string;
  /** How messages name it: `the plugin's feed`. */
  name: string;
  /** The option that moves it, for a clash with another page. */
  movedBy: string;
  /** Whether this build writes it: under `--watch --incremental`, only when what it lists changed. */
  write: boolean;
  /** Its text, in parts written one after another. */
  parts: () => Iterable<string>;
}

export interface PluginFiles {
  /** Adds a source of files, asked once per build when every page's URL is known. */
  add(source: () => PluginFile[]): void;
  /** This build's files (asked first by the output checks, before anything is written). */
  list(): PluginFile[];
  /**
   * Whether the build `eleventy.after` reports writes files: not a dry run (`--dryrun`), not a build to JSON
   * (`toJSON()`). Where Eleventy writes nothing, the plugin writes nothing either.
   */
  writesFiles(event: { outputMode?: string }): boolean;
}

export function createPluginFiles(config: EleventyConfig): PluginFiles {
  const sources: (() => PluginFile[])[] = [];
  let files: PluginFile[] | undefined;
  config.on("eleventy.before", () => {
    files = undefined;
  });
  const list = () => (files ??= sources.flatMap((source) => source()));
  const dryRun = trackDryRun(config);
  const writesFiles = ({ outputMode }: { outputMode?: string }) =>
    (outputMode === undefined || outputMode === "fs") && !dryRun();
  // Written after Eleventy's own files, whose rendered posts the feeds show.
  config.on("eleventy.after", (event: { outputMode?: string }) => {
    if (!writesFiles(event)) return;
    const output = config.directories.output;
    for (const file of list()) if (file.write) writeParts(outputFileOf(file.url, output), file.parts());
  });
  return { add: (source) => void sources.push(source), list, writesFiles };
}

/**
 * Eleventy 3.1 and 4.0 tell a plugin nothing of a dry run: neither the events' arguments nor the config carry it.
 * Their writer marks each template it makes for a build (`isDryRun`) before the collections are made, and every
 * collection item holds its template (`item.template`: undocumented, kept in both for the plugins that read it).
 * An --incremental rebuild marks the templates it skips too, so there the first build's answer holds.
 */
function trackDryRun(config: EleventyConfig): () => boolean {
  let dryRun = false;
  let watching = false;
  let incrementalRebuild = false;
  config.on("eleventy.beforeWatch", () => {
    watching = true;
  });
  config.on("eleventy.before", (event?: { incremental?: boolean }) => {
    incrementalRebuild = watching && event?.incremental === true;
  });
  addUnlistedCollection(config, "_ruBlogDryRun", (api) => {
    if (incrementalRebuild) return [];
    const marks = api.getAll().map((item) => (item as { template?: { isDryRun?: unknown } }).template?.isDryRun);
    // A site with no page, or an Eleventy that marks none, is written as usual.
    dryRun = marks.length > 0 && marks.every((mark) => mark === true);
    return [];
  });
  return () => dryRun;
}

/** Writes `parts` to `file` one after another, making its folder first. */
function writeParts(file: string, parts: Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}
