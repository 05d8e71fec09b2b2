/**
 * How Jekyll 4.3 reads a post, for `from: "jekyll"`: Psych's YAML, and the post's date, URL, terms, title,
 * redirect pages and feed id by the modules beside this one, with the blog's own `_config.yml`.
 */
import { DateTime } from "luxon";
import type { OwnPost, PostReading } from "../dialect.js";
import { withoutTitleAndDate } from "../../posts/skip-rules.js";
import { parseJekyllFrontMatter } from "./blog.js";
import { jekyllPostPlace, readJekyllPost } from "./posts.js";
import { jekyllRedirects } from "./redirects.js";
import { jekyllSite, modifiedTime, postSettings } from "./site.js";

export const jekyllReading: PostReading = {
  // A post's Jekyll `layout` is never looked up as an Eleventy layout, and its `permalink` is a Jekyll template:
  // both are read here, not handed to Eleventy.
  extraKeys: ["layout", "permalink"],
  // Jekyll's `author` is often a mapping, and it has no `status`, `draft`, `build`, `aliases` or `url` of its own.
  plainKeys: ["author", "authors", "status", "draft", "build", "aliases", "url"],
  // The date is Jekyll's (ownPost); no other key is a date to it.
  dateKeys: { date: [], modified: [], publishDate: undefined, expiryDate: undefined },
  readFrontMatter: () => undefined,
  header: undefined,
  writtenInOwnFormat: () => false,
  // jekyll-redirect-from puts every `redirect_from` at the site's root; it reads no `aliases`.
  relativeAliases: false,
  // Jekyll's YAML is read by parseYaml below, not by the core's reader.
  repeatedYamlKeys: false,
  languageFolders: false,
  // Its dates and term lists are read by ownPost.
  ownDates: undefined,
  splitNames: undefined,
  skipReason: (facts) => withoutTitleAndDate(facts),
  parseYaml: parseJekyllFrontMatter,
  ownPost(raw, { file, inputDir, timezone, now, warn }): OwnPost {
    const place = jekyllPostPlace(file);
    const site = jekyllSite(inputDir, timezone);
    const { settings } = site;
    if (place.kind !== "post" && (place.kind !== "draft" || !settings.drafts)) {
      const why =
        place.kind === "skipped"
          ? place.why
          : place.kind === "draft"
            ? "it is a draft (show_drafts: true in _config.yml writes drafts, as jekyll build --drafts does)"
            : "it is not under _posts/";
      return { skipped: `${file}: not published, as Jekyll does not write it: ${why}.` };
    }
    const post = readJekyllPost({
      relativePath: file,
      data: raw,
      site: postSettings(site),
      now: DateTime.fromJSDate(now),
      modified: modifiedTime(site, file),
      warn: (message) => warn(`${file}: ${message}`),
    })!;
    if (post.skipped) return { skipped: `${file}: not published, as Jekyll does not write it: ${post.skipped}.` };
    const redirects = settings.redirectFrom
      ? jekyllRedirects(post.url, raw.redirect_from, { url: settings.url, baseurl: settings.baseurl })
      : [];
    return {
      title: post.title,
      date: post.date,
      permalink: post.file,
      tags: post.tags.map(String),
      categories: post.categories.map(String),
      aliases: redirects.map((redirect) => redirect.file),
      feedPath: post.feedId,
    };
  },
};
