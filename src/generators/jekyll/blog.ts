/**
 * A whole Jekyll blog read as Jekyll 4.3 reads it: which files are posts and which are skipped (and why), each post's
 * URL, file, date, terms and feed id, its body with the Liquid subset rendered and kramdown's syntax in
 * markdown-it's, its redirect pages, and the site feed's entries. The one entry point the Eleventy glue and the
 * conformance test use; everything it does is in the modules beside it.
 */
import type { DateTime } from "luxon";
import { InvalidValueError } from "../../errors.js";
import { jekyllFeedEntryIds } from "./feed.js";
import { kramdownToMarkdownIt } from "./kramdown.js";
import { renderJekyllLiquid } from "./liquid.js";
import { jekyllPostPlace, readJekyllPost, type JekyllPost } from "./posts.js";
import { jekyllRedirects, type JekyllRedirect } from "./redirects.js";
import { jekyllAbsoluteUrl } from "./urls.js";
import { loadJekyllYaml } from "./yaml.js";

export interface JekyllBlogSettings {
  timezone: string;
  permalink?: unknown;
  future?: boolean;
  /** `show_drafts`: the `_drafts/` posts are read, each dated by `modified(file)` when it names no date. */
  drafts?: boolean;
  modified?: (file: string) => DateTime;
  url?: string | undefined;
  baseurl?: string | undefined;
  feedLimit?: number;
  /** The config, for `{{ site.* }}`. */
  site?: Record<string, unknown>;
  strict?: boolean;
}

export interface ReadJekyllBlogPost extends JekyllPost {
  data: Record<string, unknown>;
  /** The body in markdown-it syntax, Liquid rendered (or as written with `render_with_liquid: false`). */
  markdown: string;
}

export interface JekyllBlog {
  posts: ReadJekyllBlogPost[];
  skipped: { file: string; why: string }[];
  redirects: JekyllRedirect[];
  feedIds: string[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A file's front matter (Jekyll's YAML) and body; a file without `---` is all body. */
export function splitJekyllFile(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: parseJekyllFrontMatter(match[1]!, file), body: text.slice(match[0].length) };
}

/** The YAML between a post's `---` lines, read by Psych's rules (loadJekyllYaml). */
export function parseJekyllFrontMatter(matter: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = loadJekyllYaml(matter);
  } catch (error) {
    throw new InvalidValueError(
      `${file}: the front matter is not YAML Jekyll reads (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    throw new InvalidValueError(`${file}: the front matter is not a mapping of keys`);
  }
  return (data ?? {}) as Record<string, unknown>;
}

// tags/post_url.rb PostComparer::MATCHER.
const POST_NAME = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `{% post_url NAME %}` as Jekyll resolves it: by the post's path (`folder/2015-07-09-name`), then by date and slug. */
export function postUrlResolver(
  posts: readonly Pick<JekyllPost, "relativePath" | "url" | "date" | "slug">[],
  baseurl = "",
) {
  return (name: string): string | undefined => {
    const match = POST_NAME.exec(name.replace(/^\//, ""));
    if (!match)
      throw new InvalidValueError(
        `Could not parse name of post "${name}" in tag 'post_url'. Make sure the post exists and the name is correct.`,
      );
    const [, path = "", date, slug] = match as unknown as [string, string | undefined, string, string];
    const basename = `${escapeRegExp(date)}-${escapeRegExp(slug)}\\.[^.]+`;
    const pattern = new RegExp(`^_posts/${escapeRegExp(path)}${basename}|^${escapeRegExp(path)}_posts/?${basename}`);
    // Then Jekyll's deprecated matching (PostComparer#deprecated_equality): the slug and the post's day, any folder.
    const [year, month, day] = date.split("-").map(Number);
    const found =
      posts.find((post) => pattern.test(post.relativePath)) ??
      posts.find(
        (post) => post.slug === slug && post.date.year === year && post.date.month === month && post.date.day === day,
      );
    return found && jekyllAbsoluteUrl(found.url, "", baseurl);
  };
}

/** `{% link path %}` as Jekyll resolves it: the post at that path inside the blog. */
export function linkResolver(byPath: ReadonlyMap<string, JekyllPost>, baseurl: string | undefined) {
  return (path: string): string | undefined => {
    const target = byPath.get(path.replace(/^\//, ""));
    return target && jekyllAbsoluteUrl(target.url, "", baseurl);
  };
}

/**
 * A post's body as markdown-it is to read it: the Liquid subset rendered (unless `render_with_liquid: false`), then
 * kramdown's syntax in markdown-it's.
 */
export function jekyllBodyMarkdown(
  body: string,
  post: JekyllPost,
  data: Record<string, unknown>,
  context: {
    settings: Pick<JekyllBlogSettings, "site" | "strict">;
    postUrl: (name: string) => string | undefined;
    link: (path: string) => string | undefined;
    warn: (message: string) => void;
  },
): string {
  const { settings, postUrl, link, warn } = context;
  const liquid =
    data.render_with_liquid === false
      ? body
      : renderJekyllLiquid(body, {
          file: post.relativePath,
          site: settings.site ?? {},
          page: {
            ...data,
            url: post.url,
            date: post.date.toFormat("yyyy-MM-dd HH:mm:ss ZZZ"),
            slug: post.slug,
            categories: post.categories,
            tags: post.tags,
            title: post.title,
          },
          postUrl,
          link,
          warn,
          strict: settings.strict ?? false,
        });
  return kramdownToMarkdownIt(liquid, (message) => warn(`${post.relativePath}: ${message}`));
}

export function readJekyllBlog(
  files: ReadonlyMap<string, string>,
  settings: JekyllBlogSettings,
  now: DateTime,
  warn: (message: string) => void,
): JekyllBlog {
  const skipped: JekyllBlog["skipped"] = [];
  const read: { post: JekyllPost; data: Record<string, unknown>; body: string }[] = [];
  for (const [file, text] of files) {
    const place = jekyllPostPlace(file);
    if (place.kind === "other") continue;
    if (place.kind === "skipped") {
      skipped.push({ file, why: place.why });
      continue;
    }
    if (place.kind === "draft" && !settings.drafts) {
      skipped.push({ file, why: "a draft (Jekyll writes drafts only with --drafts)" });
      continue;
    }
    const { data, body } = splitJekyllFile(text, file);
    const post = readJekyllPost({
      relativePath: file,
      data,
      site: {
        timezone: settings.timezone,
        permalink: settings.permalink,
        future: settings.future ?? false,
        drafts: settings.drafts ?? false,
      },
      now,
      ...(settings.modified ? { modified: () => settings.modified!(file) } : {}),
      warn,
    })!;
    if (post.skipped) skipped.push({ file, why: post.skipped });
    else read.push({ post, data, body });
  }
  const site = { url: settings.url, baseurl: settings.baseurl };
  const postUrl = postUrlResolver(
    read.map((entry) => entry.post),
    settings.baseurl,
  );
  const byPath = new Map(read.map((entry) => [entry.post.relativePath, entry.post]));
  const link = linkResolver(byPath, settings.baseurl);
  const posts = read.map(({ post, data, body }): ReadJekyllBlogPost => ({
    ...post,
    data,
    markdown: jekyllBodyMarkdown(body, post, data, { settings, postUrl, link, warn }),
  }));
  return {
    posts,
    skipped,
    redirects: posts.flatMap((post) => jekyllRedirects(post.url, post.data.redirect_from, site)),
    feedIds: jekyllFeedEntryIds(posts, site, settings.feedLimit),
  };
}
