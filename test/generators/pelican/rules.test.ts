/**
 * Pelican's readings that the plugin follows under `from: "pelican"` (src/generators/pelican/): dateutil's date
 * forms, `;`-separated tags, Python-Markdown's bodies. The whole blog is compared with the real Pelican in
 * test/conformance/pelican; these are the rules one by one.
 */
import test from "ava";
import markdownIt from "markdown-it";
import { createIrregularities } from "../../../src/errors.js";
import { normalizePost, type PostContext } from "../../../src/posts/front-matter.js";
import { parsePelicanDate } from "../../../src/generators/pelican/dates.js";
import { pelicanMarkdown } from "../../../src/generators/pelican/markdown.js";
import { createPostSlugger, createSlugger } from "../../../src/urls/slugs.js";
import { textSyntaxLeft } from "../../../src/cli/check-urls.js";

const ZONE = "Europe/Moscow";
const iso = (text: string) => parsePelicanDate(text, ZONE)?.toISO({ suppressMilliseconds: true });

test("dateutil's forms: no padding, ' - ' before the time, / and . separators, English months, zones", (t) => {
  t.is(iso("2017-6-14 16:47"), "2017-06-14T16:47:00+03:00");
  t.is(iso("2014-09-07 - 19:27"), "2014-09-07T19:27:00+04:00");
  t.is(iso("2014/09/07 19:27"), "2014-09-07T19:27:00+04:00");
  t.is(iso("2014.09.07"), "2014-09-07T00:00:00+04:00");
  t.is(iso("7 September 2014"), "2014-09-07T00:00:00+04:00");
  t.is(iso("September 7, 2014 9:27"), "2014-09-07T09:27:00+04:00");
  t.is(iso("7 Sep 2014 19:27"), "2014-09-07T19:27:00+04:00");
  t.is(iso("2014-09-07_19:27"), "2014-09-07T19:27:00+04:00");
  t.is(iso("2014-09-07 19:27:05 +0500"), "2014-09-07T19:27:05+05:00");
  t.is(iso("2014-09-07T19:27:05Z"), "2014-09-07T19:27:05Z");
  // Month first, as dateutil reads it, unless the first part cannot be a month.
  t.is(iso("09/07/2014"), "2014-09-07T00:00:00+04:00");
  t.is(iso("25/07/2014"), "2014-07-25T00:00:00+04:00");
});

test("what dateutil would not read, or would read from the day of the build, is no date", (t) => {
  for (const text of ["2014-02-30", "September 2014", "Sep 7", "вчера", "2014-09-07 25:00", "2014-09-07 19:27 junk"]) {
    t.is(parsePelicanDate(text, ZONE), undefined, text);
  }
});

const context = (overrides: Partial<PostContext>): PostContext & { warnings: string[] } => {
  const warnings: string[] = [];
  return {
    file: "content/x.md",
    folderCategory: undefined,
    timezone: ZONE,
    permalink: "{slug}.html",
    slugify: createSlugger("pelican"),
    postSlug: createPostSlugger("pelican"),
    postTemplateEngine: "md",
    tagCollections: true,
    writeDrafts: false,
    warn: (message: string) => warnings.push(message),
    warnings,
    ...overrides,
  };
};

test('under from: "pelican" a dateutil date is read as Pelican read it, with one warning per kind naming the files', (t) => {
  const warnings: string[] = [];
  const irregular = createIrregularities((message) => warnings.push(message), false);
  for (const [file, date] of [
    ["content/b.md", "2017-6-14 16:47"],
    ["content/a.md", "2014-09-07 - 19:27"],
  ] as const) {
    normalizePost({ Title: "A", Date: date }, context({ file, from: "pelican", irregular }));
  }
  irregular.flush();
  t.deepEqual(warnings, [
    'dates Pelican (dateutil) reads in a form the plugin does not write, read as it did: 2 files: content/a.md ("2014-09-07 - 19:27"), content/b.md ("2017-6-14 16:47")',
  ]);
  const date = normalizePost({ Title: "A", Date: "2017-6-14 16:47" }, context({ from: "pelican", irregular })).date;
  t.is((date as Date).toISOString(), "2017-06-14T13:47:00.000Z");
});

test("tags split at ';' are one kind of irregularity however the key is spelled", (t) => {
  const warnings: string[] = [];
  const irregular = createIrregularities((message) => warnings.push(message), false);
  for (const [file, key] of [
    ["content/a.md", "Tags"],
    ["content/b.md", "TAGS"],
  ] as const) {
    normalizePost({ Title: "A", Date: "2015-07-29", [key]: "a; b" }, context({ file, from: "pelican", irregular }));
  }
  irregular.flush();
  t.is(warnings.length, 1);
  t.regex(warnings[0]!, /^tags split as Pelican splits them .*: 2 files: content\/a\.md, content\/b\.md$/);
});

test("without from, such a date stays an error that names the file, the key and the from that reads it", (t) => {
  const error = t.throws(() => normalizePost({ Title: "A", Date: "2014-09-07 - 19:27" }, context({})));
  t.is(
    error?.message,
    '[ru-blog] content/x.md, key "Date": "2014-09-07 - 19:27" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00, or build with from: "pelican", which reads it as Pelican did',
  );
  t.throws(() => normalizePost({ Title: "A", Date: "вчера" }, context({ from: "pelican" })), {
    message: /"вчера" is not a date; write/,
  });
});

test("with strict, the first such date stops the build", (t) => {
  const irregular = createIrregularities(() => undefined, true);
  t.throws(() => normalizePost({ Title: "A", Date: "2017-6-14" }, context({ from: "pelican", irregular })), {
    message: /content\/x\.md: dates Pelican \(dateutil\) reads.*strict: true/,
  });
});

test("Tags with a ';' are split at ';' as Pelican splits them", (t) => {
  const data = normalizePost(
    { Title: "A", Date: "2015-07-29", Tags: "Москва, Россия; Питер" },
    context({ from: "pelican" }),
  );
  t.deepEqual((data.ruBlog as { tags: string[] }).tags, ["Москва, Россия", "Питер"]);
  const plain = normalizePost({ Title: "A", Date: "2015-07-29", Tags: "a; b" }, context({}));
  t.deepEqual((plain.ruBlog as { tags: string[] }).tags, ["a; b"]);
});

const render = (source: string) => {
  const md = markdownIt({ html: true });
  md.disable("code"); // as Eleventy 3 does
  pelicanMarkdown(md, () => true);
  return md.render(source);
};

test("indented code with CodeHilite's :::lang and #!lang headers, fenced code, in Pygments' container", (t) => {
  t.is(
    render("    :::bash\n    echo 1"),
    '<div class="highlight"><pre><span></span><code class="language-bash">echo 1\n</code></pre></div>\n',
  );
  t.is(
    render("```python\nx = '<a>'\n```"),
    '<div class="highlight"><pre><span></span><code class="language-python">x = &#39;&lt;a&gt;&#39;\n</code></pre></div>\n',
  );
  t.regex(
    render("    #!python\n    a\n    b"),
    /<td class="linenos"><div class="linenodiv"><pre><span class="normal">1<\/span>\n<span class="normal">2<\/span><\/pre>/,
  );
  t.regex(render("    #!/bin/sh\n    ls"), /<code class="language-sh">#!\/bin\/sh\nls\n<\/code>/);
});

test("extra: attr_list, footnotes in Python-Markdown's markup, abbreviations, definition lists, md_in_html; no heading ids", (t) => {
  t.is(render('![x](a.png){: style="width:100%"}'), '<p><img src="a.png" alt="x" style="width:100%"></p>\n');
  t.regex(
    render("a[^1]\n\n[^1]: b"),
    /<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1<\/a><\/sup>.*<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1">/s,
  );
  t.regex(render("HTML\n\n*[HTML]: Hyper Text"), /<abbr title="Hyper Text">HTML<\/abbr>/);
  t.is(render("Термин\n:   Определение"), "<dl>\n<dt>Термин</dt>\n<dd>Определение</dd>\n</dl>\n");
  t.is(render('<div class="x" markdown="1">\n*a*\n</div>'), '<div class="x">\n<p><em>a</em></p>\n</div>\n');
  t.is(render("## Раздел"), "<h2>Раздел</h2>\n");
  t.is(render("#!python"), "<h1>!python</h1>\n");
  t.is(
    render("[x]({filename}/Мои заметки/a.md)"),
    '<p><a href="%7Bfilename%7D/%D0%9C%D0%BE%D0%B8%20%D0%B7%D0%B0%D0%BC%D0%B5%D1%82%D0%BA%D0%B8/a.md">x</a></p>\n',
  );
});

test("a list item's text is a paragraph only when a blank line touches that item", (t) => {
  t.is(render("* a\n* b\n\n* c"), "<ul>\n<li>a</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n");
  t.is(render("* a\n* b\n\ntext"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>text</p>\n");
});

test("check-urls: generator syntax left as text outside code is found; inside code it is not", (t) => {
  t.deepEqual(
    textSyntaxLeft(
      '<p>[TOC]</p><p>:::bash\necho</p><p><img src="a.png">{: style="x"}</p><p>{attach}f.zip</p><h2>Раздел {#razdel}</h2><p>{{&lt; youtube x &gt;}}</p><pre><code>:::bash [TOC] {: .x}</code></pre>',
    ),
    ["[TOC]", ":::bash", '{: style="x"}', "{attach}f.zip", "{#razdel}", "{{< youtube x >}}"],
  );
});
