import { readFile } from "node:fs/promises";
import test from "ava";
import { pelicanEntryId } from "../../src/generators/pelican/entry-ids.js";
import { createEntryIdRegistry, customEntryId, entryIdOf, type EntryIdPost } from "../../src/output/entry-ids.js";

const pelicanBlog = JSON.parse(
  await readFile(new URL("../fixtures/pelican-blog/expected.json", import.meta.url), "utf8"),
) as { feeds: { path: string; entries: { id: string; link: string; published: string }[] }[] };

test("Pelican's id of every entry Pelican 4.8 wrote for the fixture blog: host, the day as written, the path", (t) => {
  let checked = 0;
  for (const feed of pelicanBlog.feeds) {
    for (const entry of feed.entries) {
      const path = decodeURI(entry.link.slice("https://example.ru".length));
      t.is(pelicanEntryId(path, "https://example.ru", entry.published.slice(0, 10)), entry.id, entry.link);
      checked++;
    }
  }
  t.true(checked > 70);
});

test("Pelican's id keeps Cyrillic raw, a site path, and drops the port; an escaped URL is decoded", (t) => {
  t.is(
    pelicanEntryId("/кириллица.html", "https://example.ru", "2016-04-01"),
    "tag:example.ru,2016-04-01:/кириллица.html",
  );
  t.is(
    pelicanEntryId("/%D0%BA%D0%B8.html", "https://example.ru:8080/blog", "2016-04-01"),
    "tag:example.ru,2016-04-01:/blog/ки.html",
  );
});

const post: EntryIdPost = {
  url: "/yuzveri.html",
  inputPath: "./content/IT/slugged.md",
  date: new Date("2016-03-01T23:30:00Z"),
  data: { title: "Юзвери" },
};
const settings = {
  siteUrl: "https://example.ru",
  zone: "Europe/Moscow",
  file: "content/IT/slugged.md",
  feedPath: undefined,
};

test("entryIdOf: the written day wins over the site zone's; without one, the day in the site zone", (t) => {
  t.is(
    entryIdOf("pelican", post, { ...settings, writtenDay: "2016-03-01" }),
    "tag:example.ru,2016-03-01:/yuzveri.html",
  );
  t.is(entryIdOf("pelican", post, { ...settings, writtenDay: undefined }), "tag:example.ru,2016-03-02:/yuzveri.html");
  t.is(entryIdOf("url", post, { ...settings, writtenDay: undefined }), undefined);
});

test("a function's id is used when it is an IRI, and an error naming the file otherwise", (t) => {
  t.is(
    entryIdOf((p) => `urn:blog:${p.url}`, post, { ...settings, writtenDay: undefined }),
    "urn:blog:/yuzveri.html",
  );
  for (const bad of ["", "yuzveri", "urn:a b", 'urn:"x"', undefined, 42]) {
    t.throws(() => customEntryId(() => bad as string, post, settings.file), {
      message: new RegExp(
        `^\\[ru-blog\\] content/IT/slugged\\.md: option "feeds\\.entryId" returned .* for this post; return an IRI`,
      ),
    });
  }
});

test("two posts with one id are an error naming both files; a new build starts afresh", (t) => {
  const ids = createEntryIdRegistry();
  ids.claim("urn:x", "a.md");
  ids.claim("urn:x", "a.md");
  t.throws(() => ids.claim("urn:x", "b.md"), {
    message:
      '[ru-blog] a.md and b.md both have the feed entry id "urn:x"; a reader would take them for one post. Make the "feeds.entryId" function give each post its own id.',
  });
  ids.clear();
  t.notThrows(() => ids.claim("urn:x", "b.md"));
});

test("a function that throws is named with the post's file", (t) => {
  t.throws(
    () =>
      customEntryId(
        () => {
          throw new Error("no id");
        },
        post,
        settings.file,
      ),
    { message: '[ru-blog] content/IT/slugged.md: option "feeds.entryId" failed for this post: no id' },
  );
});
