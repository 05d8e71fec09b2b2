import test from "ava";
import { readOtherFrontMatter, unreadFrontMatter } from "../../src/posts/front-matter-formats.js";

test("TOML between +++ lines: datetimes keep the form they were written in, so they are read as YAML's", (t) => {
  const read = readOtherFrontMatter(
    '+++\ntitle = "Заметка"\ndate = 2019-01-23T10:00:00+03:00\nday = 2019-01-23\nlocal = 2019-01-23T10:00:00\ntext = "2019-01-23"\ntags = ["a", "b"]\n[build]\nlist = "never"\n+++\n\nТекст.\n',
    "posts/x.md",
    undefined,
  );
  t.deepEqual(read, {
    format: "toml",
    data: {
      title: "Заметка",
      date: "2019-01-23T10:00:00.000+03:00",
      day: "2019-01-23",
      local: "2019-01-23T10:00:00.000",
      text: "2019-01-23",
      tags: ["a", "b"],
      build: { list: "never" },
    },
    body: "\nТекст.\n",
  });
});

test("TOML: invalid or unclosed front matter is an error naming the file and what to do", (t) => {
  t.throws(() => readOtherFrontMatter('+++\ntitle = "a\n+++\n', "posts/x.md", undefined), {
    message: /^\[ru-blog\] posts\/x\.md: the front matter between "\+\+\+" lines is not valid TOML: /,
  });
  t.throws(() => readOtherFrontMatter('+++\ntitle = "a"\n', "posts/x.md", undefined), {
    message:
      '[ru-blog] posts/x.md: the front matter opened by "+++" on the first line is never closed; add a line "+++" after its last key.',
  });
});

test("JSON front matter: an object starting the post, as Hugo reads it; braces inside strings do not end it", (t) => {
  t.deepEqual(
    readOtherFrontMatter('{\n  "title": "a } {",\n  "tags": ["x"]\n}\nТекст {с} скобками.\n', "posts/x.md", undefined),
    {
      format: "json",
      data: { title: "a } {", tags: ["x"] },
      body: "Текст {с} скобками.\n",
    },
  );
  // Template tags are not JSON front matter.
  t.is(readOtherFrontMatter("{% raw %}x{% endraw %}\n", "posts/x.md", undefined), undefined);
  t.is(readOtherFrontMatter("{{ title }}\n", "posts/x.md", undefined), undefined);
  t.throws(() => readOtherFrontMatter('{ "title": "a",\n', "posts/x.md", undefined), { message: /is never closed/ });
  t.throws(() => readOtherFrontMatter('{ "title": "a", }\n', "posts/x.md", undefined), {
    message: /^\[ru-blog\] posts\/x\.md: the JSON front matter is not valid JSON/,
  });
});

test("Pelican's header; with from: hugo, blank lines may come before any front matter, as Hugo allows", (t) => {
  t.like(readOtherFrontMatter("Title: a\nDate: 2015-01-01\n\nТекст.\n", "posts/x.md", "pelican"), {
    format: "pelican",
    data: { Title: "a", Date: "2015-01-01" },
  });
  t.is(readOtherFrontMatter("\nTitle: a\n\nТекст.\n", "posts/x.md", "pelican"), undefined);
  t.like(readOtherFrontMatter("\n\n---\ntitle: a\n---\nТекст.\n", "posts/x.md", "hugo"), {
    format: "yaml",
    data: { title: "a" },
    body: "Текст.\n",
  });
  t.like(readOtherFrontMatter("\n+++\ntitle = 'a'\n+++\n", "posts/x.md", "hugo"), {
    format: "toml",
    data: { title: "a" },
  });
  t.is(readOtherFrontMatter("\n+++\ntitle = 'a'\n+++\n", "posts/x.md", undefined), undefined);
});

test("unreadFrontMatter names front matter that blank lines pushed off the first line", (t) => {
  const reason =
    "its front matter does not start on the first line, so it is read as text; remove the blank lines above it";
  t.is(unreadFrontMatter("\nTitle: a\nDate: 2015-01-01\n\nТекст."), reason);
  t.is(unreadFrontMatter("\n\n---\ntitle: a\n---\n"), reason);
  t.is(unreadFrontMatter("\n+++\ntitle = 'a'\n+++\n"), reason);
  t.is(unreadFrontMatter("Просто текст.\n"), undefined);
  t.is(unreadFrontMatter("\nПросто текст.\n"), undefined);
});

test("each generator's formats only: Hugo reads no Pelican header, Pelican no TOML or JSON", (t) => {
  t.is(readOtherFrontMatter("Title: a\n\nТекст.\n", "posts/x.md", "hugo"), undefined);
  t.is(readOtherFrontMatter("+++\ntitle = 'a'\n+++\n", "posts/x.md", "pelican"), undefined);
  t.is(readOtherFrontMatter('{"title": "a"}\n', "posts/x.md", "pelican"), undefined);
});
