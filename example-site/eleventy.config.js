// The example blog: everything a Russian-language blog needs comes from one plugin.
// Run it with `npm start` (or `npm run build`) from the repository root.
import ruBlog from "eleventy-plugin-ru-blog";

// Site metadata, shared by the plugin (feeds) and the templates (`site.title` etc.).
const site = {
  siteUrl: "https://example.ru",
  title: "Заметки о разном",
  subtitle: "Linux, самодельные серверы, книги и поездки",
  author: { name: "Алексей Петров", uri: "https://example.ru/about/" },
};

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(ruBlog, {
    ...site,
    // Posts without `Url:` in their front matter get this address.
    permalink: "/post/:year/:month/:day/:slug/",
    // Small on purpose, so that the example shows paginated tag and category pages.
    termPageSize: 3,
    // «Ёлочки», тире и неразрывные пробелы в записях: see the post "tipografika" for the text before and after.
    typography: true,
    // The blog writes in Russian and English: each post's language comes from its `lang`, a `.en.md` suffix or its
    // prose, the filters follow it, and English posts get their own feed at /en/feed.xml.
    languages: ["ru", "en"],
  });

  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addPassthroughCopy("css");
  eleventyConfig.addPassthroughCopy("img");
  // A build into another folder (`eleventy --output=…`, as the browser test does) must not read `_site` back as input.
  eleventyConfig.ignores.add("_site/**");
}
