/**
 * A small Jekyll blog for the plugins' own settings that the seeded blog (blog.ts) leaves at their defaults: a
 * Cyrillic `baseurl`, jekyll-feed's `posts_limit`, `feed.categories` and `feed.tags`, and jekyll-archives'
 * `enabled` and `permalinks`. record-plugins.ts builds it with real Jekyll into plugins-recording.json.
 */
export const PLUGINS_CONFIG = {
  url: "https://example.ru",
  baseurl: "/блог",
  timezone: "Europe/Moscow",
  plugins: ["jekyll-feed", "jekyll-archives"],
  feed: { posts_limit: 3, categories: ["linux", "Звук"], tags: true },
  "jekyll-archives": {
    enabled: ["year", "month", "tags", "categories"],
    layout: "archive",
    permalinks: {
      year: "/архив/:year/",
      month: "/архив/:year/:month/",
      tag: "/метки/:name/",
      category: "/разделы/:name.html",
    },
  },
};

const post = (front: string) => `---\n${front}---\nТекст.\n`;

/** Path → text. */
export const PLUGINS_BLOG: Record<string, string> = {
  "linux/_posts/2016-03-21-Привет мир.md": post("tags: [audio, Звук]\n"),
  "_posts/2016-04-01-second.md": post("categories: Звук\ntags: audio c_lang\n"),
  "_posts/2017-01-05-third.md": post("categories: [Linux Mint]\ntags: [Мысли вслух]\n"),
  "_posts/2017-02-10-fourth.md": post("tags: [audio]\n"),
  "_posts/2018-05-20-fifth.md": post("category: linux\n"),
  "_posts/2018-06-01-sixth.md": post(""),
};

/** What Jekyll wrote: every file of the site, and each feed's entry ids in order. */
export interface PluginsRecording {
  generator: string;
  files: string[];
  feeds: Array<{ path: string; ids: string[] }>;
}
