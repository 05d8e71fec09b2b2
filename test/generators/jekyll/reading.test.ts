/** Jekyll's reading rules, case by case; the conformance test (test/conformance/jekyll/) checks them at scale. */
import test from "ava";
import { DateTime } from "luxon";
import { InvalidValueError } from "../../../src/errors.js";
import { jekyllSlugify } from "../../../src/generators/jekyll/slugify.js";
import { loadJekyllYaml, PsychTimestamp } from "../../../src/generators/jekyll/yaml.js";
import { jekyllPostDate } from "../../../src/generators/jekyll/dates.js";
import { jekyllCategories, jekyllPostPlace, jekyllTags, readJekyllPost } from "../../../src/generators/jekyll/posts.js";
import { jekyllOutputFile, jekyllPostUrl, permalinkTemplate } from "../../../src/generators/jekyll/urls.js";
import { jekyllPageFile, jekyllRedirects } from "../../../src/generators/jekyll/redirects.js";
import { createHeadingIds } from "../../../src/generators/jekyll/heading-ids.js";
import { jekyllFeedPaths } from "../../../src/generators/jekyll/feed.js";
import { jekyllArchivePage } from "../../../src/generators/jekyll/archives.js";

const MOSCOW = "Europe/Moscow";
const dateOf = (yaml: string, fileNameDate?: string) =>
  jekyllPostDate({
    value: (loadJekyllYaml(yaml) as { date?: unknown }).date,
    fileNameDate,
    zone: MOSCOW,
    file: "_posts/2016-03-21-x.md",
  })!.toISO({ suppressMilliseconds: true });

test("slugify: Jekyll's modes, pretty keeps case, Cyrillic and ._~!$&'()+,;=@", (t) => {
  t.is(jekyllSlugify("Привет, мир!", { mode: "pretty", cased: true }), "Привет,-мир!");
  t.is(jekyllSlugify("Привет, мир!"), "привет-мир");
  t.is(jekyllSlugify("C++ и Rust", { mode: "pretty", cased: true }), "C++-и-Rust");
  t.is(jekyllSlugify("ĉu naïve Ёлка", { mode: "latin" }), "cu-naive");
  t.is(jekyllSlugify("ĉu naïve", { mode: "ascii" }), "u-na-ve");
  t.is(jekyllSlugify("a  b\tc", { mode: "raw" }), "a-b-c");
  const warnings: string[] = [];
  t.is(jekyllSlugify("Привет", { mode: "ascii", warn: (message) => warnings.push(message) }), "");
  t.deepEqual(warnings, ['Jekyll makes an empty slug of "Привет"']);
});

test("YAML as Psych reads it: unquoted timestamps apart from quoted text, YAML 1.1 booleans", (t) => {
  const data = loadJekyllYaml(
    "a: 2016-03-21 22:38:21\nb: '2016-03-21 22:38:21'\nc: 2016-03-21\nd: no\ne: On\nf: false",
  ) as Record<string, unknown>;
  t.deepEqual(data.a, new PsychTimestamp("2016-03-21 22:38:21", "time"));
  t.is(data.b, "2016-03-21 22:38:21");
  t.deepEqual(data.c, new PsychTimestamp("2016-03-21", "date"));
  t.deepEqual([data.d, data.e, data.f], [false, true, false]);
});

test("dates: unquoted without zone is UTC, an offset keeps its instant, quoted and date-only are site time", (t) => {
  t.is(dateOf("date: 2016-03-21 22:38:21"), "2016-03-22T01:38:21+03:00");
  t.is(dateOf("date: 2016-03-21 22:38:21 +0300"), "2016-03-21T22:38:21+03:00");
  t.is(dateOf("date: 2016-03-21T22:38:21-05:00"), "2016-03-22T06:38:21+03:00");
  t.is(dateOf('date: "2016-03-21 22:38:21"'), "2016-03-21T22:38:21+03:00");
  t.is(
    dateOf("date: 2016-03-21 22:38"),
    "2016-03-21T22:38:00+03:00",
    "no seconds: not a Psych timestamp, read as text",
  );
  t.is(dateOf("date: 2016-03-21"), "2016-03-21T00:00:00+03:00");
  t.is(dateOf("title: x", "2016-3-1"), "2016-03-01T00:00:00+03:00");
  t.is(dateOf("date: '21.03.2016'"), "2016-03-21T00:00:00+03:00");
});

test("dates: an unreadable or impossible date is an error naming the value and the file, as Jekyll's", (t) => {
  for (const [yaml, value] of [
    ["date: вчера", "вчера"],
    ["date: 2015-02-30", "2015-02-30"],
    ["date: 2016-03-21 25:00", "2016-03-21 25:00"],
    ["date: 2016", "2016"],
  ]) {
    t.throws(() => dateOf(yaml!), {
      instanceOf: InvalidValueError,
      message: `Invalid date '${value}': Document '_posts/2016-03-21-x.md' does not have a valid date in the front matter. Write it as 2016-03-21, 2016-03-21 22:38:21 or 2016-03-21 22:38:21 +0300.`,
    });
  }
});

test("posts: only YYYY-MM-DD-title.ext under _posts; folders above are categories; drafts apart", (t) => {
  t.like(jekyllPostPlace("linux/_posts/2016-03-21-Привет.md"), { kind: "post", folders: ["linux"], name: "Привет" });
  t.like(jekyllPostPlace("_posts/sub/2016-3-1-x.markdown"), { kind: "post", folders: [], date: "2016-3-1" });
  t.like(jekyllPostPlace("_posts/notes.md"), { kind: "skipped" });
  t.like(jekyllPostPlace("_posts/.2016-03-21-hidden.md"), { kind: "skipped" });
  t.like(jekyllPostPlace("_drafts/idea.md"), { kind: "draft", name: "idea" });
  t.like(jekyllPostPlace("about.md"), { kind: "other" });
});

test("categories and tags: lists or whitespace strings, singular keys whole, folders first", (t) => {
  t.deepEqual(jekyllCategories(["linux"], { categories: "audio linux" }), ["linux", "audio"]);
  t.deepEqual(jekyllCategories(["linux"], { category: "dev ops" }), ["linux", "dev ops"]);
  t.deepEqual(jekyllCategories([], { categories: ["Linux", "linux"] }), ["Linux", "linux"]);
  t.deepEqual(jekyllTags({ tags: "linux audio" }), ["linux", "audio"]);
  t.deepEqual(jekyllTags({ tag: "linux audio" }), ["linux audio"]);
  t.deepEqual(jekyllTags({ tags: ["a", null, "b"] }), ["a", "b"]);
});

const post = (overrides: Record<string, unknown> = {}) => ({
  relativePath: "_posts/2016-03-21-Привет, Мир!.md",
  slug: "Привет, Мир!",
  categories: ["Linux", "Мысли вслух"],
  date: DateTime.fromISO("2016-03-21T22:38:21", { zone: MOSCOW }),
  ...overrides,
});

test("URLs: permalink styles, :title keeps case and Cyrillic, :slug lowercased, categories encoded", (t) => {
  const url = (style: unknown, extra = {}) => jekyllPostUrl(post(extra), permalinkTemplate(style));
  const encoded = "/linux/%D0%BC%D1%8B%D1%81%D0%BB%D0%B8%20%D0%B2%D1%81%D0%BB%D1%83%D1%85";
  const title = "%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82,-%D0%9C%D0%B8%D1%80!";
  t.is(url(undefined), `${encoded}/2016/03/21/${title}.html`);
  t.is(url("pretty"), `${encoded}/2016/03/21/${title}/`);
  t.is(url("ordinal"), `${encoded}/2016/081/${title}.html`);
  t.is(url("weekdate"), `${encoded}/2016/W12/Mon/${title}.html`);
  t.is(url("none"), `${encoded}/${title}.html`);
  t.is(url("/:year/:slug/"), "/2016/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82-%D0%BC%D0%B8%D1%80/");
  t.is(url(undefined, { permalink: "/x/:i_month/:title_" }), `/x/3/${title}_`);
  // strftime's English names, whatever the locale (Jekyll 4.3.1: /Sep/September/Wednesday/Wed/ for 2016-09-21).
  t.is(url("/:short_month/:long_month/:long_day/:short_day/"), "/Mar/March/Monday/Mon/");
  t.is(jekyllOutputFile(url("none")), "/linux/мысли вслух/Привет,-Мир!.html");
  t.is(jekyllOutputFile("/a/b/"), "/a/b/index.html");
  t.is(jekyllOutputFile("/a/b"), "/a/b.html");
});

test("URLs: a placeholder Jekyll does not know is an error naming it and the template", (t) => {
  t.throws(() => jekyllPostUrl(post({ permalink: "/:year/:titel/" }), permalinkTemplate(undefined)), {
    instanceOf: InvalidValueError,
    message: /^The URL template doesn't have titel keys: permalink "\/:year\/:titel\/"/,
  });
});

test("redirect_from: a page per entry at Jekyll's file, pointing at the absolute URL", (t) => {
  t.deepEqual(
    jekyllRedirects("/a/b.html", ["/old/", "старое", "/x.html"], { url: "https://example.ru", baseurl: "/blog" }),
    [
      { from: "/old/", file: "/old/index.html", to: "https://example.ru/blog/a/b.html" },
      { from: "/старое", file: "/старое.html", to: "https://example.ru/blog/a/b.html" },
      { from: "/x.html", file: "/x.html", to: "https://example.ru/blog/a/b.html" },
    ],
  );
  t.is(jekyllPageFile("/%D0%B0/"), "/а/index.html");
});

test("heading ids: GFM keeps Unicode, drops punctuation, counts repeats, then the prefix", (t) => {
  const gfm = createHeadingIds("GFM", "h-");
  t.deepEqual(["Что нового?", "Итоги", "Итоги", "snake_case и `code`"].map(gfm), [
    "h-что-нового",
    "h-итоги",
    "h-итоги-1",
    "h-snake_case-и-code",
  ]);
  const kramdown = createHeadingIds("kramdown");
  t.deepEqual(["Что нового?", "1. Intro", "Что"].map(kramdown), ["section", "intro", "section-1"]);
});

test("a post's reading: skipped when unpublished or in the future, with why", (t) => {
  const now = DateTime.fromISO("2020-01-01T00:00:00Z");
  const read = (data: Record<string, unknown>) =>
    readJekyllPost({ relativePath: "_posts/2016-03-21-x.md", data, site: { timezone: MOSCOW }, now });
  t.is(read({})!.skipped, undefined);
  t.is(read({ published: false })!.skipped, "published: false");
  t.regex(read({ date: "2099-01-01" })!.skipped!, /in the future/);
  t.is(
    readJekyllPost({ relativePath: "_posts/2099-01-01-x.md", data: {}, site: { timezone: MOSCOW, future: true }, now })!
      .skipped,
    undefined,
  );
});

test("jekyll-feed's feed paths: site, listed categories, tags of [a-zA-Z0-9_] only", (t) => {
  t.deepEqual(jekyllFeedPaths({ path: "/atom.xml", categories: ["linux"], tags: true }, ["audio", "звук", "c_lang"]), [
    { path: "/feed/linux.xml", category: "linux" },
    { path: "/atom.xml" },
    { path: "/feed/by_tag/audio.xml", tag: "audio" },
    { path: "/feed/by_tag/c_lang.xml", tag: "c_lang" },
  ]);
  t.deepEqual(jekyllFeedPaths({}, ["a"]), [{ path: "/feed.xml" }]);
});

// Both checked against a small site built by Jekyll 4.3.1 with jekyll-archives 2.2.1 and jekyll-feed 0.17.0.
test("jekyll-archives pages: default permalinks, term names slugified with Cyrillic kept", (t) => {
  t.is(jekyllArchivePage("tag", { name: "c_lang" }).file, "/tag/c-lang/index.html");
  t.deepEqual(jekyllArchivePage("tag", { name: "Мысли вслух" }), {
    url: "/tag/%D0%BC%D1%8B%D1%81%D0%BB%D0%B8-%D0%B2%D1%81%D0%BB%D1%83%D1%85/",
    file: "/tag/мысли-вслух/index.html",
  });
  t.deepEqual(jekyllArchivePage("month", { year: "2016", month: "03" }), {
    url: "/2016/03/",
    file: "/2016/03/index.html",
  });
  t.deepEqual(jekyllArchivePage("category", { name: "Linux" }, { category: "/:name.html" }), {
    url: "/linux.html",
    file: "/linux.html",
  });
});
