import { readFileSync } from "node:fs";
import test from "ava";
import {
  BUILT_INS,
  goUrl,
  tableOfContents,
  UnsupportedShortcodeError,
  type BuiltInOutput,
} from "../../../src/generators/hugo/shortcodes.js";
import { parseArguments } from "../../../src/content/shortcodes.js";

const context = {
  markdownify: (text: string) =>
    text.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/\*(.+?)\*/g, "<em>$1</em>"),
  param: (key: string) => ({ author: "Автор" })[key],
};

/** Renders `{{< name args >}}` (or with `inner`) with the built-in. */
function render(name: string, args: string, inner?: string): BuiltInOutput {
  const call = { name, markdown: false, ...parseArguments(args, name, 1), inner, source: "", line: 1 };
  return (BUILT_INS.get(name) as (c: typeof call, x: typeof context) => BuiltInOutput)(call, context);
}
const html = (name: string, args: string) => (render(name, args) as { html: string }).html;

/** What Hugo 0.111 wrote for the fixture's builtins.md, each shortcode in its own paragraph. */
const hugoBuiltins = (
  JSON.parse(readFileSync("test/fixtures/hugo-shortcodes/expected.json", "utf8")) as {
    posts: { source: string; content: string }[];
  }
).posts.find((post) => post.source === "posts/builtins.md")?.content as string;

test("figure, youtube, vimeo and gist write Hugo's HTML byte for byte", (t) => {
  for (const [name, args] of [
    [
      "figure",
      `src="/img/x.png" title="Заголовок" alt="Alt" caption="Подпись **жирная**" link="https://example.com/a?b=1&c=2" target="_blank" rel="noopener" class="wide" width="100" height="50"`,
    ],
    ["figure", `src="y.png"`],
    ["figure", `src="/img/z.png" caption="Только *подпись*" attr="Автор фото" attrlink="https://example.com/p"`],
    ["figure", `src="/img/путь с пробелом.png" title="T & \\"q\\""`],
    ["youtube", "w7Ft2ymGmfc"],
    ["youtube", "w7Ft2ymGmfc my-class"],
    ["youtube", `id="w7Ft2ymGmfc" autoplay="true" title="Видео"`],
    ["vimeo", "146022717"],
    ["vimeo", `146022717 vclass "Мой ролик"`],
    ["vimeo", `id="146022717" class="c" title="T"`],
    ["gist", "spf13 7896402"],
    ["gist", `spf13 7896402 "img.html"`],
  ] as const) {
    const output = html(name, args);
    t.true(hugoBuiltins.includes(output.trim()), `${name} ${args}:\n${output}`);
  }
});

test("param finds the post's or the site's value, and stops on a missing one as Hugo does", (t) => {
  t.is(html("param", "author"), "Автор");
  t.throws(() => html("param", "nope"), {
    instanceOf: UnsupportedShortcodeError,
    message: /param "nope" is not found/,
  });
});

test("tweet, x and instagram write the embed the service's script completes (Hugo needs the network here)", (t) => {
  t.is(
    html("tweet", `user="SanDiegoZoo" id="1453110110599868418"`),
    `<blockquote class="twitter-tweet"><a href="https://twitter.com/SanDiegoZoo/status/1453110110599868418">https://twitter.com/SanDiegoZoo/status/1453110110599868418</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n`,
  );
  t.regex(html("x", `user="a" id="1"`), /href="https:\/\/x\.com\/a\/status\/1"/);
  t.regex(html("twitter", `a 1`), /twitter\.com\/a\/status\/1/);
  t.throws(() => html("tweet", `user="a"`), { message: /requires two named parameters: user and id/ });
  t.regex(html("instagram", "BWNjjyYFxVx"), /data-instgrm-permalink="https:\/\/www\.instagram\.com\/p\/BWNjjyYFxVx\/"/);
});

test("highlight becomes a fenced block for the site's own highlighter; details wraps Markdown", (t) => {
  t.deepEqual(render("highlight", `go "linenos=table"`, "\npackage main\n"), {
    markdown: "\n```go\npackage main\n```\n",
  });
  t.deepEqual(render("highlight", "md", "\n```js\nx\n```\n"), { markdown: "\n````md\n```js\nx\n```\n````\n" });
  t.deepEqual(render("details", `summary="Ещё" open=true`, "\n*текст*\n"), {
    markdown: `\n<details open>\n  <summary>Ещё</summary>\n\n*текст*\n\n</details>\n`,
  });
});

test("qr says what to do instead", (t) => {
  t.throws(() => render("qr", `text="x"`), {
    instanceOf: UnsupportedShortcodeError,
    message: /register an Eleventy shortcode named qr/,
  });
});

test("URLs as Go's html/template writes them", (t) => {
  t.is(
    goUrl("/img/путь с пробелом.png"),
    "/img/%d0%bf%d1%83%d1%82%d1%8c%20%d1%81%20%d0%bf%d1%80%d0%be%d0%b1%d0%b5%d0%bb%d0%be%d0%bc.png",
  );
  t.is(goUrl("https://e.ru/a?b=1&c=2"), "https://e.ru/a?b=1&amp;c=2");
  t.is(goUrl("javascript:alert(1)"), "#ZgotmplZ");
});

test("toc writes Hugo's .TableOfContents byte for byte: h2 and h3, nested, indented as Hugo indents", (t) => {
  const hugoToc = (
    JSON.parse(readFileSync("test/fixtures/hugo-shortcodes/expected.json", "utf8")) as {
      posts: { source: string; content: string }[];
    }
  ).posts.find((post) => post.source === "posts/toc.md")?.content as string;
  const toc = tableOfContents([
    { level: 2, id: "установка", html: "Установка" },
    { level: 3, id: "из-пакета", html: "Из пакета" },
    { level: 3, id: "из-исходников-make", html: "Из исходников <code>make</code>" },
    { level: 4, id: "глубже-не-идёт", html: "Глубже не идёт" },
    { level: 2, id: "настройка-важно", html: "Настройка <strong>важно</strong>" },
    { level: 1, id: "первый-уровень-не-входит", html: "Первый уровень не входит" },
  ]);
  t.true(hugoToc.startsWith(`${toc}\n`), toc);
  t.is(tableOfContents([{ level: 1, id: "a", html: "A" }]), "");
});
