/** Term pages (one per tag or category page, rendered with `termLayout`) and the tag and category indexes. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { builtInTermIndex, builtInTermPage } from "../output/built-in-pages.js";
import { RuBlogError } from "../errors.js";
import { termIndexTitle } from "../content/words.js";
import type { TermIndex } from "../site/site.js";
import type { TermPage } from "../site/taxonomy.js";
import { pagesOf, type PluginContext } from "./context.js";
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

type LayoutOption = "termLayout" | "termIndexLayout" | "archiveLayout";

/**
 * The layout `option` names when the includes (or layouts) folder has it, else undefined: the plugin writes built-in
 * pages. A layout the user named that is missing stops the build, saying `what` the layout is, what it `gets`, and
 * what else to do. Eleventy reads a template's layout before any build event, so whether the layout
 * exists is decided when the plugin is added (directories are final by then); adding it later needs a restart of
 * --serve.
 */
export function chosenLayout(
  { config, options }: Pick<PluginContext, "config" | "options">,
  option: LayoutOption,
  what: string,
  gets: string,
  orElse: string,
): string | undefined {
  const layout = options[option];
  if (layoutExists(layout, config)) return layout;
  if (options.given.has(option)) {
    const layouts = config.directories.layouts ?? config.directories.includes;
    config.on("eleventy.before", () => {
      throw new RuBlogError(
        `the ${what} "${layout}" is not in ${layouts}. Add that file (it gets ${gets}), ${orElse}.`,
      );
    });
  }
  return undefined;
}

export function registerTermPages({
  config,
  options,
  warn,
  written,
  currentSite,
  rendersPageListing,
}: PluginContext): void {
  const layouts = config.directories.layouts ?? config.directories.includes;
  if (options.tagPages || options.categoryPages) {
    const termLayout = chosenLayout(
      { config, options },
      "termLayout",
      "term page layout",
      "`term` and `termPage`",
      "set the termLayout option to a layout you have, or turn term pages off with tagPages: false and categoryPages: false",
    );
    config.on("eleventy.before", () => {
      if (termLayout || options.given.has("termLayout")) return;
      warn(
        `there is no term page layout "${options.termLayout}" in ${layouts}, so term pages are written as plain built-in pages; ` +
          `add that layout (it gets \`term\` and \`termPage\`) to give them the look of the site.`,
      );
    });
    config.addTemplate(
      "ru-blog/term-pages.11ty.js",
      {
        render: (data: { termPage: TermPage<CollectionItem> }) =>
          termLayout ? "" : builtInTermPage(data.termPage, options),
      },
      {
        pagination: pagesOf("termPage", () =>
          [...written().tagPages, ...written().categoryPages].filter((page) => rendersPageListing(page.posts)),
        ),
        permalink: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.url,
        layout: termLayout ?? false,
        eleventyExcludeFromCollections: true,
        eleventyComputed: {
          term: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term,
          title: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term.name,
          kind: (data: { termPage: TermPage<CollectionItem> }) => currentSite()?.lookup.kindOf.get(data.termPage.term),
        },
      },
    );
  }

  const indexLayout = chosenLayout(
    { config, options },
    "termIndexLayout",
    "term index layout",
    "`terms` and `kind`",
    "set the termIndexLayout option to a layout you have, or leave the option out for a plain built-in page",
  );
  config.addTemplate(
    "ru-blog/term-indexes.11ty.js",
    {
      render: (data: { termIndex: TermIndex<CollectionItem> }) =>
        indexLayout ? "" : builtInTermIndex(data.termIndex, options),
    },
    {
      layout: indexLayout ?? false,
      pagination: pagesOf("termIndex", () =>
        written().termIndexes.filter((index) => rendersPageListing(index.terms.flatMap((term) => term.posts))),
      ),
      permalink: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: {
        terms: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.terms,
        kind: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.kind,
        title: (data: { termIndex: TermIndex<CollectionItem> }) =>
          termIndexTitle(data.termIndex.kind, options.language),
      },
    },
  );
}
