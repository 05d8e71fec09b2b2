/** Date archives: one virtual template paginated over every archive page, with `archiveLayout` or a built-in page. */
import { archiveTitle, buildArchives, type Archive } from "../output/archives.js";
import { builtInArchive } from "../output/built-in-pages.js";
import { pagesOf, type PluginContext } from "./context.js";
import { chosenLayout } from "./term-pages.js";
import type { CollectionItem } from "./types.js";

export function registerArchives({ config, options, currentSite, rendersPageListing }: PluginContext): void {
  const patterns = options.archives;
  if (!patterns.year && !patterns.month && !patterns.day) return;
  const page = { title: options.title, language: options.language, zone: options.timezone };
  // Computed once a build, when Eleventy first asks for the pages (after the collections, so the model is there).
  let archives: Archive<CollectionItem>[] | undefined;
  config.on("eleventy.before", () => {
    archives = undefined;
  });
  const pages = () =>
    (archives ??= buildArchives(
      (currentSite()?.posts ?? []).filter((post) => post.url !== false),
      { patterns, pageSize: options.termPageSize, zone: options.timezone },
    ));
  const layout = chosenLayout(
    { config, options },
    "archiveLayout",
    "archive layout",
    "`archive`",
    "set the archiveLayout option to a layout you have, or leave the option out for plain built-in pages",
  );
  config.addTemplate(
    "ru-blog/archives.11ty.js",
    { render: (data: { archive: Archive<CollectionItem> }) => (layout ? "" : builtInArchive(data.archive, page)) },
    {
      layout: layout ?? false,
      // A layout may show the whole period (`archive.allPosts`), not only this page's posts.
      pagination: pagesOf("archive", () => pages().filter((archive) => rendersPageListing(archive.allPosts))),
      permalink: (data: { archive: Archive<CollectionItem> }) => data.archive.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: { title: (data: { archive: Archive<CollectionItem> }) => archiveTitle(data.archive, page) },
    },
  );
}
