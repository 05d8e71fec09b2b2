import type { PresetOptions } from "../dialect.js";

/**
 * What `from: "pelican"` sets: the URLs Pelican 4.8 writes with its default settings (test/fixtures/defaults,
 * expected.json there). Options given explicitly are merged over these.
 */
export const pelicanPreset: PresetOptions = {
  permalink: "{slug}.html",
  slugStyle: "pelican",
  categoryFromFolder: true,
  tagPages: "/tag/:slug.html",
  categoryPages: "/category/:slug.html",
  // DEFAULT_PAGINATION = False: a term's articles all on one page; with a size, page 2 is `tag/{slug}2.html`.
  termPageSize: 0,
  feeds: {
    all: "/feeds/all.atom.xml",
    // Pelican writes no tag feeds by default (TAG_FEED_ATOM = None); this is the path its docs give them.
    tags: "/feeds/:slug.tag.atom.xml",
    categories: "/feeds/:slug.atom.xml",
    // TRANSLATION_FEED_ATOM: one feed per language the posts are written in, the default language's too.
    languages: "/feeds/all-:lang.atom.xml",
    limit: 0,
    entryId: "pelican",
  },
};
