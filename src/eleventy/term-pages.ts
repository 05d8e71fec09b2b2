/** Term pages (one per tag or category page, rendered with `termLayout`) and the tag and category indexes. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { builtInTermIndex } from "../built-in-pages.js";
import { RuBlogError } from "../errors.js";
import type { TermIndex } from "../site.js";
import type { TermPage } from "../taxonomy.js";
import type { PluginContext } from "./context.js";
import type { CollectionItem, EleventyConfig } from "./types.js";

/** Whether the includes (or layouts) folder has `layout`, with or without its extension. */
export function layoutExists(layout: string, config: EleventyConfig): boolean {
  const folder = path.resolve(config.directories.layouts ?? config.directories.includes);
  if (existsSync(path.join(folder, layout))) return true;
  // Eleventy also resolves a layout named without its extension (`term` → `term.njk`).
  if (path.extname(layout) !== "") return false;
  const dir = path.dirname(path.join(folder, layout));
  const base = path.basename(layout);
  return existsSync(dir) && readdirSync(dir).some((entry) => entry.startsWith(`${base}.`));
}

export function registerTermPages({ config, options, site, currentSite }: PluginContext): void {
  config.addCollection("_ruBlogTermPages", (api) => [...site(api).tagPages, ...site(api).categoryPages]);
  config.addCollection("_ruBlogTermIndexes", (api) => site(api).termIndexes);

  if (options.tagPages || options.categoryPages) {
    config.on("eleventy.before", () => {
      if (layoutExists(options.termLayout, config)) return;
      throw new RuBlogError(
        `the term page layout "${options.termLayout}" is not in ${config.directories.layouts ?? config.directories.includes}. ` +
          `Add that file (it gets \`term\` and \`termPage\`), set the termLayout option to a layout you have, or turn term pages off with tagPages: false and categoryPages: false.`,
      );
    });
    config.addTemplate(
      "ru-blog/term-pages.11ty.js",
      { render: () => "" },
      {
        pagination: { data: "collections._ruBlogTermPages", size: 1, alias: "termPage" },
        permalink: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.url,
        layout: options.termLayout,
        eleventyExcludeFromCollections: true,
        eleventyComputed: {
          term: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term,
          title: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term.name,
          kind: (data: { termPage: TermPage<CollectionItem> }) => currentSite()?.lookup.kindOf.get(data.termPage.term),
        },
      },
    );
  }

  // Eleventy reads a template's layout before any build event, so whether the index layout exists is decided
  // when the plugin is added (directories are final by then); adding it later needs a restart of --serve.
  const indexLayout = layoutExists(options.termIndexLayout, config) ? options.termIndexLayout : undefined;
  config.addTemplate(
    "ru-blog/term-indexes.11ty.js",
    {
      render: (data: { termIndex: TermIndex<CollectionItem> }) =>
        indexLayout ? "" : builtInTermIndex(data.termIndex, options),
    },
    {
      ...(indexLayout ? { layout: indexLayout } : {}),
      pagination: { data: "collections._ruBlogTermIndexes", size: 1, alias: "termIndex" },
      permalink: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: {
        terms: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.terms,
        kind: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.kind,
        title: (data: { termIndex: TermIndex<CollectionItem> }) =>
          data.termIndex.kind === "tag" ? "Метки" : "Категории",
      },
    },
  );
}
