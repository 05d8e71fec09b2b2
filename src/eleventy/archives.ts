/** Date archives: one virtual template paginated over every archive page, with `archiveLayout` or a built-in page. */
import { archiveTitle, buildArchives, type Archive } from "../archives.js";
import { builtInArchive } from "../built-in-pages.js";
import type { PluginContext } from "./context.js";
import { layoutExists } from "./term-pages.js";
import type { CollectionItem } from "./types.js";

/** The virtual template writing every archive page; messages name it by {@link describeOwner}. */
export const ARCHIVES_TEMPLATE = "ru-blog/archives.11ty.js";

/** How a page's owner is named in a message: the archive template by the option that moves its pages. */
export function describeOwner(file: string): string {
  return file === ARCHIVES_TEMPLATE ? 'a date archive page (option "archives")' : file;
}

export function registerArchives({ config, options, site }: PluginContext): void {
  const patterns = options.archives;
  if (!patterns.year && !patterns.month && !patterns.day) return;
  const page = { title: options.title, language: options.language, zone: options.timezone };
  config.addCollection("_ruBlogArchives", (api) =>
    buildArchives(
      site(api).posts.filter((post) => post.url !== false),
      { patterns, pageSize: options.termPageSize, zone: options.timezone },
    ),
  );
  // Read when the plugin is added, as for the term index layout: Eleventy reads layouts before any build event.
  const layout = layoutExists(options.archiveLayout, config) ? options.archiveLayout : undefined;
  config.addTemplate(
    ARCHIVES_TEMPLATE,
    { render: (data: { archive: Archive<CollectionItem> }) => (layout ? "" : builtInArchive(data.archive, page)) },
    {
      ...(layout ? { layout } : {}),
      pagination: { data: "collections._ruBlogArchives", size: 1, alias: "archive" },
      permalink: (data: { archive: Archive<CollectionItem> }) => data.archive.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: { title: (data: { archive: Archive<CollectionItem> }) => archiveTitle(data.archive, page) },
    },
  );
}
