import type { PresetOptions } from "../dialect.js";

/**
 * What `from: "jekyll"` sets: the pages Jekyll 4.3 and its usual plugins write by default (jekyll-feed's
 * `/feed.xml` of the newest 10, jekyll-archives' term pages, jekyll-sitemap). A post's URL is not an option here:
 * it is Jekyll's own, from the blog's `_config.yml` (reading.ts).
 */
export const jekyllPreset: PresetOptions = {
  // Jekyll's posts are the files under any `_posts/` folder (and `_drafts/`, written with `show_drafts`); the
  // folders above it are categories.
  posts: "**/{_posts,_drafts}/**/*.{md,markdown}",
  slugStyle: "jekyll",
  // jekyll-archives' default permalinks (`/tag/:name/`, `/category/:name/`, the name slugified).
  tagPages: "/tag/:slug/",
  categoryPages: "/category/:slug/",
  termPageSize: 0,
  // jekyll-feed: one site feed; category and tag feeds only where `feed.categories`/`feed.tags` list them.
  feeds: { all: "/feed.xml", tags: false, categories: false, limit: 10, entryId: "jekyll" },
  sitemap: "/sitemap.xml",
};
