/**
 * Named hostile inputs, each with the outcome it must have: refused with one message naming the file and the key,
 * or built with the markup escaped and nothing written outside the output folder.
 */
import { readdir } from "node:fs/promises";
import test, { type ExecutionContext } from "ava";
import { parseFeed, validateAtom } from "./helpers/feed-validation.js";
import { buildError, buildSite, type BuiltSite } from "./helpers/site.js";

const OPTIONS = { siteUrl: "https://example.ru", title: "Заметки", feeds: { limit: 0 } } as const;
const LAYOUTS = {
  "_includes/post.njk":
    '<html><head><meta name="description" content="{{ title }}"></head><body><h1>{{ title }}</h1>{% for tag in tags %}<a>{{ tag }}</a>{% endfor %}{{ content | safe }}</body></html>',
  "_includes/term.njk": "<h1>{{ term.name }}</h1>",
  "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
};
const post = (frontMatter: string, body = "Текст.") => `---\n${frontMatter}\n---\n${body}\n`;

interface Refused {
  file: string;
  error: string;
  /** Refused only under `strict: true`; otherwise the post is left out with a warning. */
  strict?: boolean;
}
interface Built {
  file: string;
  check(t: ExecutionContext, site: BuiltSite): Promise<void>;
}

/** Every file under the site's root: only the sources and the output folder may be there. */
async function assertNothingOutside(t: ExecutionContext, site: BuiltSite): Promise<void> {
  t.deepEqual((await readdir(site.root)).sort(), ["_site", "src"]);
}

const refused = (name: string, frontMatter: string, error: string): [string, Refused] => [
  name,
  { file: post(frontMatter), error },
];
const pathRefused = (name: string, key: "Url" | "Slug", value: string, why: string): [string, Refused] =>
  refused(
    name,
    `Title: A\nDate: 2015-01-01\n${key}: ${value}`,
    `[ru-blog] posts/a.md, key "${key}": ${why}; write a path inside the site, such as it/coreos-opinion`,
  );

const CASES: Array<[string, Refused | Built]> = [
  pathRefused(
    "Url: javascript:alert(1)",
    "Url",
    '"javascript:alert(1)"',
    '"javascript:alert(1)" is a URL with a scheme, not a path',
  ),
  pathRefused("Url: //evil.example/x", "Url", '"//evil.example/x"', '"//evil.example/x" is a link to another host'),
  pathRefused("Url: ../../etc/x", "Url", "../../etc/x", '"../../etc/x" contains a "." or ".." segment'),
  pathRefused("Url: C:\\x", "Url", "'C:\\x'", '"C:\\\\x" contains a backslash'),
  pathRefused("Url: it/%2e%2e/x", "Url", "it/%2e%2e/x", '"it/%2e%2e/x" contains a "." or ".." segment'),
  pathRefused(
    "Url: http://evil.example/x",
    "Url",
    "http://evil.example/x",
    '"http://evil.example/x" is a URL with a scheme, not a path',
  ),
  pathRefused("Url with a NUL", "Url", '"it/\\0x"', '"it/\\u0000x" contains a control character'),
  pathRefused("Url with a query", "Url", "'x?y=1'", '"x?y=1" contains ? or #'),
  pathRefused("Slug: ../x", "Slug", "../x", '"../x" contains a "." or ".." segment'),
  refused(
    "Aliases leaving the site",
    "Title: A\nDate: 2015-01-01\nAliases: [../../x]",
    '[ru-blog] posts/a.md, key "Aliases": "../../x" contains a "." or ".." segment; write a path inside the site, such as it/coreos-opinion',
  ),
  refused(
    "front matter that is a list",
    "- a\n- b",
    "[ru-blog] posts/a.md: the front matter must be a set of `Key: value` lines, not a single value or a list.",
  ),
  refused(
    "front matter that is a string",
    "just text",
    "[ru-blog] posts/a.md: the front matter must be a set of `Key: value` lines, not a single value or a list.",
  ),
  refused(
    "Title and title in one post",
    "Title: A\ntitle: B\nDate: 2015-01-01",
    '[ru-blog] posts/a.md, key "title": "Title" and "title" are the same key in different casing; keep one of them.',
  ),
  refused(
    "Date: 2015-02-30",
    "Title: A\nDate: 2015-02-30",
    '[ru-blog] posts/a.md, key "Date": "2015-02-30" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00',
  ),
  refused(
    "Date: 42",
    "Title: A\nDate: 42",
    '[ru-blog] posts/a.md, key "Date": 42 is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00',
  ),
  refused(
    "Date: 2015-07-29 25:00",
    "Title: A\nDate: 2015-07-29 25:00",
    '[ru-blog] posts/a.md, key "Date": "2015-07-29 25:00" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00',
  ),
  refused(
    "Tags: {a: 1}",
    "Title: A\nDate: 2015-01-01\nTags: {a: 1}",
    '[ru-blog] posts/a.md, key "Tags": {"a":1} is not a list of names; write `Tags: [Docker, Мнение]` or `Tags: Docker, Мнение`.',
  ),
  [
    "Status: archived, with strict: true",
    {
      file: post("Title: A\nStatus: archived"),
      error:
        '[ru-blog] posts/a.md: Status: "archived" is not a status, so the post is not published, as Pelican skips it ("Unknown status"); write draft, hidden or published. (This is an error because of strict: true.)',
      strict: true,
    },
  ],
  [
    "Build: {List: sometimes}, with strict: true",
    {
      file: post("Title: A\nBuild: {List: sometimes}"),
      error:
        '[ru-blog] posts/a.md: Build: List: "sometimes" is not always, local or never; it is ignored, as Hugo ignores it, and the post is listed as by default (always). Write one of always, local or never. (This is an error because of strict: true.)',
      strict: true,
    },
  ],
  refused(
    "invalid YAML",
    "Title: [unclosed",
    '[ru-blog] posts/a.md: the front matter is not valid YAML: unexpected end of the stream within a flow collection in "posts/a.md" (3:1)',
  ),
  [
    "<script> and quotes in a title: escaped in HTML text, attributes and XML",
    {
      file: post('Title: "<script>alert(1)</script> \\"quoted\\""\nDate: 2015-01-01\nSlug: x'),
      async check(t, site) {
        const html = await site.read("posts/x/index.html");
        t.false(html.includes("<script>"));
        t.true(html.includes('content="&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;"'), html);
        const feed = await site.read("feed.xml");
        await validateAtom(feed);
        t.is(parseFeed(feed).items[0]!.title, '<script>alert(1)</script> "quoted"');
      },
    },
  ],
  [
    "<script> in a tag: escaped on the post, the term page, the built-in index and the feed",
    {
      file: post('Title: A\nDate: 2015-01-01\nSlug: x\nTags: ["<script>x</script>", "a&b", "]]>"]'),
      async check(t, site) {
        for (const file of ["posts/x/index.html", "tags/index.html", "tags/script-x-script/index.html"])
          t.false((await site.read(file)).includes("<script>"), file);
        const feed = await site.read("feed.xml");
        await validateAtom(feed);
        t.deepEqual(
          parseFeed(feed).items[0]!.categories.map((category) => category.term),
          ["<script>x</script>", "a&b", "]]>"],
        );
      },
    },
  ],
  [
    "<script> in a summary stays text in the feed",
    {
      file: post('Title: A\nDate: 2015-01-01\nSummary: "<script>alert(1)</script> & ]]>"'),
      async check(t, site) {
        const feed = await site.read("feed.xml");
        await validateAtom(feed);
        t.is(parseFeed(feed).items[0]!.description, "<script>alert(1)</script> & ]]>");
      },
    },
  ],
  [
    "a title of 10,000 characters",
    {
      file: post(`Title: ${"Очень длинный заголовок ".repeat(417)}\nDate: 2015-01-01`),
      async check(t, site) {
        const slug = "ochen-dlinniy-zagolovok-".repeat(9).slice(0, 200).replace(/-+$/, "");
        t.true((await site.read(`posts/${slug}/index.html`)).includes("<h1>Очень длинный заголовок"));
      },
    },
  ],
  [
    "a post of 5 MB",
    {
      file: post(
        "Title: Большой\nDate: 2015-01-01\nSlug: big",
        "Слово ".repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength("Слово "))),
      ),
      async check(t, site) {
        t.true(Buffer.byteLength(await site.read("posts/big/index.html")) > 5_000_000);
        await validateAtom(await site.read("feed.xml"));
      },
    },
  ],
  [
    "a byte-order mark before ---",
    {
      file: `\uFEFF${post("Title: С меткой порядка байтов\nDate: 2015-01-01\nSlug: bom")}`,
      async check(t, site) {
        t.true((await site.read("posts/bom/index.html")).includes("<h1>С меткой порядка байтов</h1>"));
      },
    },
  ],
  [
    "CRLF line ends",
    {
      file: "---\r\nTitle: Windows\r\nDate: 2015-01-01\r\nTags: [Zsh]\r\nSlug: crlf\r\n---\r\nТекст.\r\n",
      async check(t, site) {
        t.true((await site.read("posts/crlf/index.html")).includes("<h1>Windows</h1>"));
        t.is(await site.read("tags/zsh/index.html"), "<h1>Zsh</h1>");
      },
    },
  ],
  [
    "a Pelican header with CRLF line ends",
    {
      file: "Title: Pelican\r\nDate: 2015-01-01 10:20\r\nSlug: pelican-crlf\r\n\r\nТекст.\r\n",
      async check(t, site) {
        t.true((await site.read("posts/pelican-crlf/index.html")).includes("<h1>Pelican</h1>"));
      },
    },
  ],
  [
    "control characters pasted into a title and a body are removed from the feed",
    {
      file: post('Title: "Звонок\\a и \\x01"\nDate: 2015-01-01', "Текст\u0007 с \u0001 управляющими."),
      async check(t, site) {
        const feed = await site.read("feed.xml");
        await validateAtom(feed);
        t.false(/[\u0001\u0007]/.test(feed));
      },
    },
  ],
  [
    "a Url with {{ }} is used verbatim, never run as a template",
    {
      file: post('Title: A\nDate: 2015-01-01\nUrl: "it/{{ 7 * 7 }}"'),
      async check(t, site) {
        t.true((await site.read("it/{{ 7 * 7 }}/index.html")).includes("<h1>A</h1>"));
      },
    },
  ],
];

for (const [name, outcome] of CASES) {
  test(name, async (t) => {
    const files = { ...LAYOUTS, "posts/a.md": outcome.file };
    if ("error" in outcome) {
      t.is(await buildError(files, outcome.strict ? { ...OPTIONS, strict: true } : OPTIONS), outcome.error);
      return;
    }
    const site = await buildSite(files, OPTIONS);
    await assertNothingOutside(t, site);
    await outcome.check(t, site);
  });
}

test("there are at least 25 named hostile inputs", (t) => {
  t.true(CASES.length >= 25, String(CASES.length));
});

test("two posts claiming one URL, one of them in Pelican's format: an error naming both", async (t) => {
  t.is(
    await buildError(
      { ...LAYOUTS, "posts/a.md": post("Title: A\nUrl: same"), "posts/b.md": "Title: B\nUrl: same/\n\nТекст.\n" },
      OPTIONS,
    ),
    "[ru-blog] posts/a.md and posts/b.md both claim the URL /same/; change the Url or Slug of one of them.",
  );
});

test("a Pelican header giving a key twice: an error naming the file", async (t) => {
  t.is(
    await buildError({ ...LAYOUTS, "posts/a.md": "Title: A\nTitle: B\n\nТекст.\n" }, OPTIONS),
    '[ru-blog] posts/a.md: the key "Title" is given twice',
  );
});
