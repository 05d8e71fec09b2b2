/**
 * Checks of where the site's pages go, on every template Eleventy will write (those kept out of collections too:
 * drafts, pages of the site), whatever its data says: inside the output folder, a path the file system takes, one
 * owner per URL; and, before Eleventy reads anything, that every post file can be read.
 */
import picomatch from "picomatch";
import { assertWritablePages } from "../urls/output-paths.js";
import { assertUniqueUrls, normalizeUrlKey } from "../urls/permalinks.js";
import { optionsMovingPages } from "../site/site.js";
import type { PluginContext } from "./context.js";
import { assertPostsReadable, linksOutOfInput } from "./readable-posts.js";

/** The plugin's own templates, as messages name them, and the option that moves each one's pages when no other does. */
const PLUGIN_TEMPLATES: Record<string, { name: string; movedBy: string }> = {
  "ru-blog/term-pages.11ty.js": { name: "the plugin's term page", movedBy: "the option tagPages or categoryPages" },
  "ru-blog/term-indexes.11ty.js": { name: "the plugin's term index", movedBy: "the option tagIndex or categoryIndex" },
  "ru-blog/feeds.11ty.js": { name: "the plugin's feed", movedBy: "the option feeds" },
  "ru-blog/feed-stylesheet.11ty.js": { name: "the plugin's feed stylesheet", movedBy: "the option feeds.stylesheet" },
  "ru-blog/redirects.11ty.js": {
    name: "the plugin's redirect page",
    movedBy: "the Aliases or legacyUrls it comes from",
  },
  "ru-blog/redirects-file.11ty.js": { name: "the plugin's redirects file", movedBy: "the option redirects" },
  "ru-blog/archives.11ty.js": { name: "the plugin's date archive page", movedBy: "the option archives" },
  "ru-blog/sitemap.11ty.js": { name: "the plugin's sitemap", movedBy: "the option sitemap" },
};

/** How a template is named in a message: the plugin's own by what it writes, any other by its path. */
export function describeTemplate(file: string): string {
  return PLUGIN_TEMPLATES[file]?.name ?? file;
}

/**
 * The site model checks the pages in collections; this sees every template, those kept out of collections too
 * (a page the site writes at a URL of the plugin's was left to the site before: what clashes here is a page the
 * plugin could not see in time, or two pages of the site).
 */
export function registerOutputChecks(context: PluginContext): void {
  const isPostPath = picomatch(context.options.posts);
  const postsBase = picomatch.scan(context.options.posts).base;
  // Eleventy's own glob follows every link: one to `/` in the posts folder would walk the whole file system.
  for (const link of linksOutOfInput(context.config.directories, postsBase)) {
    context.config.ignores.add(link);
    context.config.ignores.add(`${link}/**`);
  }
  context.config.on("eleventy.before", () => {
    const code = assertPostsReadable(context.config.directories, postsBase, isPostPath);
    // A site of Eleventy's own may keep a posts.11tydata.js on purpose; in an old blog's posts it is a stranger.
    if (context.options.from !== undefined && code.length > 0)
      context.warn(
        `the posts folder holds code that Eleventy runs on every build, which the ${context.options.from} blog never ran: ${code.join(", ")}; delete each unless you wrote it for this site`,
      );
  });
  context.config.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    const model = context.currentSite();
    const moving = model ? optionsMovingPages(model) : new Map<string, string>();
    const pages = Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) => {
      const file = context.relativePath(inputPath);
      const plugin = PLUGIN_TEMPLATES[file];
      return urls
        .filter((url): url is string => typeof url === "string")
        .map((url) => {
          if (plugin) {
            return { url, inputPath: plugin.name, movedBy: moving.get(normalizeUrlKey(url)) ?? plugin.movedBy };
          }
          if (context.postFile(inputPath)) return { url, inputPath: file };
          return { url, inputPath: file, movedBy: `the permalink of ${file}` };
        });
    });
    assertWritablePages(pages, context.config.directories.output);
    assertUniqueUrls(pages);
  });
}
