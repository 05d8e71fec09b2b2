/**
 * Posts without a layout: each is written as a plain built-in page (its title, date, reading time, tags and the feed
 * links), with one warning naming the layout to add, as term pages without `term.njk` are. A post with a layout of
 * its own (front matter, directory or global data) is left as the site renders it.
 */
import path from "node:path";
import picomatch from "picomatch";
import { builtInPostPage } from "../output/built-in-pages.js";
import { createDateFilters } from "../posts/dates.js";
import type { PostState } from "../posts/front-matter.js";
import { termKey } from "../site/taxonomy.js";
import { readingTime } from "../content/words.js";
import type { PluginContext } from "./context.js";

interface PostData {
  layout?: unknown;
  title?: unknown;
  ruBlog?: Partial<PostState>;
  page?: { inputPath?: string; date?: Date };
}

interface TransformThis {
  page: { inputPath: string; outputPath?: string | false; url?: string | false };
}

/** Where a site names its posts' layout: the data file of the posts' folder (`posts/posts.json`). */
export function postsDataFile(postsGlob: string): string | undefined {
  const base = picomatch.scan(postsGlob).base;
  return base ? `${base}/${path.posix.basename(base)}.json` : undefined;
}

export function registerPostPages({ config, options, warn, postFile, currentSite, languages }: PluginContext): void {
  const dates = createDateFilters({ zone: options.timezone, locale: options.language });
  // The data of each post that has no layout, by input path; the preprocessor sees the data cascade's layout.
  const withoutLayout = new Map<string, PostData>();
  config.addPreprocessor("ru-blog-post-pages", "*", (data: PostData) => {
    const inputPath = data.page?.inputPath;
    if (!inputPath || !postFile(inputPath)) return undefined;
    if (data.layout || data.ruBlog?.isPost !== true) withoutLayout.delete(inputPath);
    else withoutLayout.set(inputPath, data);
    return undefined;
  });

  const dataFile = postsDataFile(options.posts);
  const howToAdd = dataFile
    ? `add a layout for them (it gets the post's data and \`content\`), such as ${config.directories.includes}post.njk, and name it in ${dataFile}: {"layout": "post.njk"}`
    : `add a layout for them (it gets the post's data and \`content\`), such as ${config.directories.includes}post.njk, and name it in each post's front matter: layout: post.njk`;

  config.addTransform("ru-blog-post-pages", function (this: TransformThis, content: unknown) {
    const data = withoutLayout.get(this.page.inputPath);
    if (!data || typeof content !== "string" || !String(this.page.outputPath || "").endsWith(".html")) return content;
    warn(`posts have no layout, so each is written as a plain built-in page; ${howToAdd}.`);
    const language = languages.pageLanguage({ page: { inputPath: this.page.inputPath } });
    const date = data.page?.date;
    const tagUrls = currentSite()?.lookup.byKey.tag;
    const feedLinks = config.getShortcode("feedLinks")?.call({ page: this.page });
    return builtInPostPage(
      {
        title: String(data.title ?? ""),
        language,
        isoDate: date ? dates.isoDate(date) : "",
        date: date ? dates.ruDate(date, undefined, language) : "",
        readingTime: readingTime(content, undefined, language),
        tags: (data.ruBlog?.tags ?? []).map((name) => ({ name, url: tagUrls?.get(termKey(name))?.url })),
        html: content,
        feedLinks: typeof feedLinks === "string" ? feedLinks : "",
      },
      options,
    );
  });
}
