import type { PresetOptions } from "../dialect.js";

/**
 * What `from: "hugo"` sets: the URLs Hugo 0.111 writes with its default settings (test/fixtures/defaults,
 * expected.json there). Options given explicitly are merged over these.
 */
export const hugoPreset: PresetOptions = {
  // Hugo's URL of a page without a permalinks setting: its folder inside content/ and its slug or file name.
  permalink: "/:sections/:slugorfilename/",
  slugStyle: "unicode",
  tagPages: "/tags/:slug/",
  categoryPages: "/categories/:slug/",
  termPageSize: 10,
  feeds: {
    all: "/index.xml",
    tags: "/tags/:slug/index.xml",
    categories: "/categories/:slug/index.xml",
    limit: 0,
    entryId: "url",
  },
  sitemap: "/sitemap.xml",
  pageOneRedirects: true,
};
