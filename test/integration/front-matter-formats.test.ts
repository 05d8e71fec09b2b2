/**
 * Every front matter format a migrated blog uses, read through Eleventy: TOML, JSON, Eleventy's own `---json` and
 * `---js`, Pelican's header; what the old generator skipped is skipped with one warning; `strict` makes each an error.
 */
import test from "ava";
import { buildError, buildSite, captureWarnings } from "../helpers/site.js";

const LAYOUT = `title={{ title }}|date={{ page.date | isoDate }}|tags={{ tags | join(",") }}|categories={{ categories | join(",") }}|url={{ page.url }}
{{ content | safe }}`;

const COMMON = {
  "_includes/post.njk": LAYOUT,
  "_includes/term.njk": "{{ term.name }}",
  "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
  "list.njk": "---\npermalink: /list.txt\n---\n{% for post in collections.posts %}{{ post.url }}\n{% endfor %}",
  "list-pages.njk":
    "---\npermalink: /list-pages.txt\n---\n{% for page in collections.listPages %}{{ page.data.ruBlog.folder }}|{{ page.data.title }}|{{ page.content | safe }}{% endfor %}",
};

const FORMATS = {
  ...COMMON,
  "posts/toml.md":
    '+++\ntitle = "TOML-заметка"\ndate = 2019-01-23T10:00:00+03:00\ntags = ["Docker"]\ncategories = ["IT"]\n+++\n\nТекст TOML.\n',
  "posts/toml-string-date.md": '+++\ntitle = "TOML, дата строкой"\ndate = "2019-01-24"\n+++\nТекст.\n',
  "posts/toml-draft.md": '+++\ntitle = "TOML-черновик"\ndate = 2019-01-25\ndraft = true\n+++\nТекст.\n',
  "posts/json.md":
    '{\n  "title": "JSON-заметка",\n  "date": "2019-02-01T12:00:00+03:00",\n  "tags": ["JSON"]\n}\nТекст JSON.\n',
  "posts/eleventy-json.md":
    '---json\n{"title": "Eleventy JSON", "date": "2019-03-01", "permalink": "/own/json/"}\n---\nТекст.\n',
  "posts/eleventy-js.md":
    '---js\nconst title = "Eleventy JS";\nconst date = "2019-04-01";\nconst tags = ["JS"];\n---\nТекст.\n',
  "posts/eleventy-js-draft.md":
    '---js\nconst title = "JS-черновик";\nconst date = "2019-04-02";\nconst draft = true;\n---\nТекст.\n',
  "posts/javascript-permalink.md":
    '---javascript\nconst title = "JS permalink";\nconst date = "2019-04-03";\nconst permalink = "/own/js/";\n---\nТекст.\n',
  "posts/pelican.md": "Title: Pelican-заметка\nDate: 2019-05-01 10:00\nTags: Pelican\n\nТекст Pelican.\n",
  "posts/_index.md": "---\ntitle: Все заметки\n---\nВступление к списку.\n",
};

test.serial(
  "TOML, JSON, ---json, ---js and Pelican front matter are read with the same key rules as YAML",
  async (t) => {
    const { result: site, warnings, error } = await captureWarnings(() => buildSite(FORMATS, { feeds: false }));
    t.is(error, undefined);
    t.deepEqual(warnings, []);
    t.is(
      await site!.read("posts/toml-zametka/index.html"),
      "title=TOML-заметка|date=2019-01-23T10:00:00+03:00|tags=Docker|categories=IT|url=/posts/toml-zametka/\n<p>Текст TOML.</p>\n",
    );
    t.regex(
      await site!.read("posts/toml-data-strokoy/index.html"),
      /^title=TOML, дата строкой\|date=2019-01-24T00:00:00\+03:00\|/,
    );
    t.is(
      await site!.read("posts/json-zametka/index.html"),
      "title=JSON-заметка|date=2019-02-01T12:00:00+03:00|tags=JSON|categories=|url=/posts/json-zametka/\n<p>Текст JSON.</p>\n",
    );
    t.regex(await site!.read("own/json/index.html"), /^title=Eleventy JSON\|date=2019-03-01T00:00:00\+03:00\|/);
    t.regex(
      await site!.read("posts/eleventy-js/index.html"),
      /^title=Eleventy JS\|date=2019-04-01T00:00:00\+03:00\|tags=JS\|/,
    );
    t.regex(await site!.read("own/js/index.html"), /^title=JS permalink\|/);
    t.regex(
      await site!.read("posts/pelican-zametka/index.html"),
      /^title=Pelican-заметка\|date=2019-05-01T10:00:00\+03:00\|tags=Pelican\|/,
    );
    // Drafts in TOML and in ---js are drafts; the _index file is no post.
    t.false(await site!.exists("posts/toml-chernovik/index.html"));
    t.false(await site!.exists("posts/js-chernovik/index.html"));
    t.deepEqual((await site!.read("list.txt")).split("\n").filter(Boolean), [
      "/posts/toml-zametka/",
      "/posts/toml-data-strokoy/",
      "/posts/json-zametka/",
      "/own/json/",
      "/posts/eleventy-js/",
      "/own/js/",
      "/posts/pelican-zametka/",
    ]);
    t.is(await site!.read("list-pages.txt"), "posts|Все заметки|<p>Вступление к списку.</p>\n");
  },
);

const SKIPPED = {
  ...COMMON,
  "posts/ok.md": "Title: Есть\nDate: 2019-05-01\n\nТекст.\n",
  "posts/blank-first-line.md": "\nTitle: Пустая первая строка\nDate: 2019-05-02\n\nТекст.\n",
  "posts/no-title.md": "Date: 2019-05-03\nTags: a\n\nТекст.\n",
  "posts/typo.md": "---\ntitle: Опечатка\ndate: 2019-05-04\nBuild: {Link: local}\n---\nТекст.\n",
};

test.serial(
  "from: pelican — files Pelican skipped are skipped with one warning each naming the file and the reason; the build goes on",
  async (t) => {
    const {
      result: site,
      warnings,
      error,
    } = await captureWarnings(() => buildSite(SKIPPED, { feeds: false, from: "pelican" }));
    t.is(error, undefined);
    t.deepEqual(warnings.sort(), [
      "[ru-blog] warning: posts/blank-first-line.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title: its front matter does not start on the first line, so it is read as text; remove the blank lines above it.",
      "[ru-blog] warning: posts/no-title.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title; add a Title: line to publish it.",
      "[ru-blog] warning: posts/typo.md: Build: Link is not a key of Build; did you mean List? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
    ]);
    // At Pelican's own URLs, which from: "pelican" gives.
    t.deepEqual((await site!.read("list.txt")).split("\n").filter(Boolean), ["/est.html", "/opechatka.html"]);
  },
);

test.serial(
  "without from, a file with neither title nor date is skipped with a warning that names the real cause",
  async (t) => {
    const { warnings, error } = await captureWarnings(() => buildSite(SKIPPED, { feeds: false }));
    t.is(error, undefined);
    t.true(
      warnings.includes(
        "[ru-blog] warning: posts/blank-first-line.md: not published: it has neither a title nor a date: its front matter does not start on the first line, so it is read as text; remove the blank lines above it.",
      ),
      warnings.join("\n"),
    );
  },
);

test.serial("strict: true turns each such warning into an error naming the file", async (t) => {
  for (const [file, text, message] of [
    [
      "posts/no-title.md",
      SKIPPED["posts/no-title.md"],
      "[ru-blog] posts/no-title.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title; add a Title: line to publish it. (This is an error because of strict: true.)",
    ],
    [
      "posts/typo.md",
      SKIPPED["posts/typo.md"],
      "[ru-blog] posts/typo.md: Build: Link is not a key of Build; did you mean List? It is ignored, as Hugo ignores it, and the post is built as if it were not there. (This is an error because of strict: true.)",
    ],
  ] as const) {
    t.is(await buildError({ ...COMMON, [file]: text }, { feeds: false, from: "pelican", strict: true }), message);
  }
});
