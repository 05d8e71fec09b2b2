import test from "ava";
import { buildError, buildSite, captureWarnings, pluginError } from "../helpers/site.js";

const post = (frontMatter: string) => `---\n${frontMatter}\n---\nТекст.\n`;
const base = { "_includes/term.njk": "{{ term.name }}" };
const noFeeds = { feeds: false } as const;

test("an impossible date names the file and the key", async (t) => {
  t.is(
    await buildError({ ...base, "posts/a.md": post("Title: A\nDate: 2015-02-30") }, noFeeds),
    '[ru-blog] posts/a.md, key "Date": "2015-02-30" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00',
  );
});

for (const [url, why] of [
  ["../../x", 'contains a "." or ".." segment'],
  ["it/../../x", 'contains a "." or ".." segment'],
  ["/..", 'contains a "." or ".." segment'],
  ["it/%2e%2e/x", 'contains a "." or ".." segment'],
  ["it\\\\x", "contains a backslash"],
  ["it/\\0x", "contains a control character"],
  ["http://evil.example/x", "is a URL with a scheme, not a path"],
  ["javascript:alert(1)", "is a URL with a scheme, not a path"],
  ["//evil.example/x", "is a link to another host"],
] as const) {
  test(`Url ${url} is refused`, async (t) => {
    const message = await buildError(
      { ...base, "posts/a.md": post(`Title: A\nDate: 2015-01-01\nUrl: "${url}"`) },
      noFeeds,
    );
    t.true(message.startsWith('[ru-blog] posts/a.md, key "Url": '), message);
    t.true(message.includes(why), message);
  });
}

test("a Slug that would escape the output folder is refused", async (t) => {
  const message = await buildError(
    { ...base, "posts/a.md": post("Title: A\nDate: 2015-01-01\nSlug: ../../../etc") },
    noFeeds,
  );
  t.is(
    message,
    '[ru-blog] posts/a.md, key "Slug": "../../../etc" contains a "." or ".." segment; write a path inside the site, such as it/coreos-opinion',
  );
});

test("two posts claiming one URL: an error naming both files", async (t) => {
  const message = await buildError(
    {
      ...base,
      "posts/a.md": post("Title: A\nDate: 2015-01-01\nUrl: it/same"),
      "posts/b.md": post("Title: B\nDate: 2015-01-02\nUrl: /it/same/"),
    },
    noFeeds,
  );
  t.is(
    message,
    "[ru-blog] posts/a.md and posts/b.md both claim the URL /it/same/; change the Url or Slug of one of them.",
  );
});

test("Tags of a wrong type: an error naming the file and the key", async (t) => {
  t.is(
    await buildError({ ...base, "posts/a.md": post("Title: A\nDate: 2015-01-01\nTags: {a: 1}") }, noFeeds),
    '[ru-blog] posts/a.md, key "Tags": {"a":1} is not a list of names; write `Tags: [Docker, Мнение]` or `Tags: Docker, Мнение`.',
  );
});

test("Title and title in one post: an error naming both", async (t) => {
  t.is(
    await buildError({ ...base, "posts/a.md": post("Title: A\ntitle: B\nDate: 2015-01-01") }, noFeeds),
    '[ru-blog] posts/a.md, key "title": "Title" and "title" are the same key in different casing; keep one of them.',
  );
});

test("front matter that is not a mapping", async (t) => {
  t.is(
    await buildError({ ...base, "posts/a.md": "---\n- a\n- b\n---\nТекст.\n" }, noFeeds),
    "[ru-blog] posts/a.md: the front matter must be a set of `Key: value` lines, not a single value or a list.",
  );
});

test.serial("Tags: 42 and empty tag names are read with a warning", async (t) => {
  const { result, warnings } = await captureWarnings(() =>
    buildSite(
      {
        ...base,
        "posts/a.md": post("Title: A\nDate: 2015-01-01\nTags: 42"),
        "posts/b.md": post('Title: B\nDate: 2015-01-01\nTags: [null, "", Vim]'),
      },
      noFeeds,
    ),
  );
  t.truthy(result);
  t.true(await result!.exists("tags/42/index.html"));
  t.true(await result!.exists("tags/vim/index.html"));
  t.deepEqual(warnings, [
    '[ru-blog] warning: posts/a.md: Tags: 42 is a number; it is read as the name "42".',
    "[ru-blog] warning: posts/b.md: Tags: an empty name is dropped.",
  ]);
});

test("a language Node has no ICU data for stops the build saying what Node needs", async (t) => {
  const message = await buildError(
    { "a.md": "x" },
    { feeds: false, tagPages: false, categoryPages: false, language: "zz" },
  );
  t.true(message.startsWith('[ru-blog] option "language": Node.js has no data for the locale "zz"'), message);
  t.true(message.includes("full ICU"), message);
});

test("adding the plugin twice with the same options is harmless; with other options it is an error naming the option", async (t) => {
  const { default: ruBlog } = await import("../../src/index.js");
  const files = {
    "_includes/term.njk": "{{ term.name }}",
    "posts/a.md": post("Title: A\nDate: 2015-01-01\nTags: [Zsh]"),
  };
  const site = await buildSite(files, noFeeds, (eleventyConfig) => eleventyConfig.addPlugin(ruBlog, { ...noFeeds }));
  t.true(await site.exists("posts/a/index.html"));
  t.is(await site.read("tags/zsh/index.html"), "Zsh");
  const { error } = await captureWarnings(() =>
    buildSite(files, noFeeds, (eleventyConfig) =>
      eleventyConfig.addPlugin(ruBlog, { ...noFeeds, permalink: "/other/:slug/" }),
    ),
  );
  t.is(
    pluginError(error)?.message,
    '[ru-blog] the plugin is added twice with different options (option "permalink" is undefined in the first addPlugin and "/other/:slug/" in the second); only one set of options can be used. Add the plugin once, with all its options.',
  );
});
