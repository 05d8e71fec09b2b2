import test from "ava";
import { DateTime } from "luxon";
import { InvalidValueError } from "../../../src/errors.js";
import { readJekyllBlog } from "../../../src/generators/jekyll/blog.js";

const now = DateTime.fromISO("2024-01-01T00:00:00Z");
const settings = { timezone: "Europe/Moscow", url: "https://example.ru", baseurl: "", site: { title: "Заметки" } };

function read(files: Record<string, string>, warnings: string[] = []) {
  return readJekyllBlog(new Map(Object.entries(files)), settings, now, (message) => warnings.push(message));
}

test("a small blog end to end: posts, skips with why, post_url by folder, redirects, feed ids", (t) => {
  const blog = read({
    "linux/_posts/2016-03-21-Привет, мир!.md":
      "---\ndate: 2016-03-21 22:38:21 +0300\nredirect_from: /old/\n---\n## Что нового?\n{: .info}\n",
    "_posts/2016-04-01-second.md":
      "---\ntags: linux audio\n---\nСм. [раньше]({% post_url linux/2016-03-21-Привет, мир! %}), {{ site.title }}.\n",
    "_posts/2016-04-02-hidden.md": "---\npublished: false\n---\n",
    "_posts/notes.md": "no date\n",
    "_drafts/idea.md": "draft\n",
    "about.md": "not a post\n",
  });
  t.deepEqual(
    blog.posts.map((post) => [post.relativePath, post.file]),
    [
      ["linux/_posts/2016-03-21-Привет, мир!.md", "/linux/2016/03/21/Привет,-мир!.html"],
      ["_posts/2016-04-01-second.md", "/2016/04/01/second.html"],
    ],
  );
  t.deepEqual(blog.posts[1]!.tags, ["linux", "audio"]);
  t.is(blog.posts[0]!.markdown, "## Что нового?\n{:.info}\n");
  t.is(
    blog.posts[1]!.markdown,
    "См. [раньше](/linux/2016/03/21/%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82,-%D0%BC%D0%B8%D1%80!.html), Заметки.\n",
  );
  t.deepEqual(
    blog.skipped.map((skip) => skip.file),
    ["_posts/2016-04-02-hidden.md", "_posts/notes.md", "_drafts/idea.md"],
  );
  t.deepEqual(
    blog.redirects.map((redirect) => redirect.file),
    ["/old/index.html"],
  );
  t.deepEqual(blog.feedIds, [
    "https://example.ru/2016/04/01/second",
    // jekyll-feed's id: the URL's folder and the raw slug (a space in it), through absolute_url.
    "https://example.ru/linux/2016/03/21/%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82,%20%D0%BC%D0%B8%D1%80!",
  ]);
});

test("post_url without the target's folder finds it by slug and day, as Jekyll 4.3's deprecated matching does", (t) => {
  const blog = read({
    "linux/_posts/2017-05-02-zvuk.md": "---\ntitle: Звук\n---\nТекст.\n",
    "_posts/2018-01-15-a.md": "---\ntitle: A\n---\n[звук]({% post_url 2017-05-02-zvuk %})\n",
  });
  t.is(blog.posts[1]!.markdown, "[звук](/linux/2017/05/02/zvuk.html)\n");
});

test("bad input: a post_url with no target or an unparsable name, an unreadable date, an unknown placeholder", (t) => {
  const error = (files: Record<string, string>) =>
    t.throws(() => read(files), { instanceOf: InvalidValueError })!.message;
  t.is(
    error({ "_posts/2016-04-01-a.md": "{% post_url 2015-01-01-nothing %}" }),
    "_posts/2016-04-01-a.md: Could not find post \"2015-01-01-nothing\" in tag 'post_url'. Make sure the post exists and the name is correct.",
  );
  t.regex(
    error({ "_posts/2016-04-01-a.md": "{% post_url nothing %}" }),
    /^_posts\/2016-04-01-a\.md: Could not parse name of post "nothing"/,
  );
  t.regex(
    error({ "_posts/2016-04-01-a.md": "---\ndate: вчера\n---\n" }),
    /^Invalid date 'вчера': Document '_posts\/2016-04-01-a\.md'/,
  );
  t.regex(
    error({ "_posts/2016-04-01-a.md": "---\npermalink: /:yaer/:title/\n---\n" }),
    /^_posts\/2016-04-01-a\.md: The URL template doesn't have yaer keys: permalink "\/:yaer\/:title\/"/,
  );
  t.regex(
    error({ "_posts/2016-04-01-a.md": "---\ntitle: [\n---\n" }),
    /^_posts\/2016-04-01-a\.md: the front matter is not YAML Jekyll reads/,
  );
});

test("render_with_liquid: false keeps the body's Liquid as text; unknown tags warn with the post", (t) => {
  const warnings: string[] = [];
  const blog = read(
    {
      "_posts/2016-04-01-a.md": "---\nrender_with_liquid: false\n---\n{% include x.html %}\n",
      "_posts/2016-04-02-b.md": "a{% include x.html %}b\n",
    },
    warnings,
  );
  t.deepEqual(
    blog.posts.map((post) => post.markdown),
    ["{% include x.html %}\n", "ab\n"],
  );
  t.deepEqual(warnings, [
    "_posts/2016-04-02-b.md: {% include x.html %} is Liquid that the plugin does not run; it is left out of the page",
  ]);
});

test("drafts only with show_drafts: dated by the front matter, else by the file's modification time in the site zone (as Jekyll 4.3.1 wrote them)", (t) => {
  const files = {
    "_posts/2015-07-09-p.md": "---\ntitle: P\n---\nText\n",
    "_drafts/Идея-Первая.md": "---\ntitle: Идея\n---\nText\n",
    "linux/_drafts/b.md": "---\ntitle: B\ndate: 2016-03-21 22:38:21 +0300\n---\nText\n",
  };
  const modified = (file: string) => {
    t.is(file, "_drafts/Идея-Первая.md");
    return DateTime.fromISO("2020-02-03T23:30:00Z");
  };
  const blog = readJekyllBlog(new Map(Object.entries(files)), { ...settings, drafts: true, modified }, now, () => {});
  // `jekyll build` with `show_drafts: true`, the draft's mtime 2020-02-03 23:30 UTC.
  t.deepEqual(
    blog.posts.map((post) => [post.relativePath, post.url, post.date.toISO(), post.categories]),
    [
      ["_posts/2015-07-09-p.md", "/2015/07/09/p.html", "2015-07-09T00:00:00.000+03:00", []],
      [
        "_drafts/Идея-Первая.md",
        "/2020/02/04/%D0%98%D0%B4%D0%B5%D1%8F-%D0%9F%D0%B5%D1%80%D0%B2%D0%B0%D1%8F.html",
        "2020-02-04T02:30:00.000+03:00",
        [],
      ],
      ["linux/_drafts/b.md", "/linux/2016/03/21/b.html", "2016-03-21T22:38:21.000+03:00", ["linux"]],
    ],
  );
  t.deepEqual(
    readJekyllBlog(new Map(Object.entries(files)), settings, now, () => {}).skipped.map((skip) => skip.file),
    ["_drafts/Идея-Первая.md", "linux/_drafts/b.md"],
  );
});
