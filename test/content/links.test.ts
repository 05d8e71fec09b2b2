import test from "ava";
import { resolveRelativeLink, type LinkSite } from "../../src/content/links.js";
import { resolveHugoRef } from "../../src/generators/hugo/links.js";
import { resolvePelicanLink, rewritePelicanHtml, splitPelicanLink } from "../../src/generators/pelican/links.js";

const PAGES: Record<string, string> = {
  "content/tech/grep.md": "/tech/poisk-s-grep.html",
  "content/life/прогулка.md": "/life/progulka.html",
  "content/posts/target.md": "/post/target/",
  "content/posts/bundle/index.md": "/post/bundle/",
  "content/posts/sub/deep.md": "/post/deep/",
  "content/posts/a/same.md": "/post/a-same/",
  "content/posts/b/same.md": "/post/b-same/",
  "content/posts/csharp.md": "/post/c#/",
};
const FILES = new Set([
  "content/tech/ui.gif",
  "content/images/pic.png",
  "content/tech/files/doc.pdf",
  "content/tech/c#.txt",
  "content/tech/what?.txt",
  "content/tech/%D0%B9.txt",
  "content/tech/схема 1.png",
]);
const site: LinkSite = {
  root: "content",
  pageUrl: (file) => PAGES[file],
  pageUrlIgnoringCase: (file) => Object.entries(PAGES).find(([key]) => key.toLowerCase() === file.toLowerCase())?.[1],
  pagesNamed: (name) =>
    Object.entries(PAGES)
      .filter(([file]) => {
        const parts = file.toLowerCase().split("/");
        const base = parts.at(-1) as string;
        return base.startsWith("index.") ? parts.at(-2) === name : base === name || base.replace(/\.md$/, "") === name;
      })
      .map(([file, url]) => ({ file, url })),
  isFile: (file) => FILES.has(file),
  termUrl: (kind, name) => (kind === "tag" && name === "Мнение" ? "/tag/mnenie.html" : undefined),
  homeUrl: "/",
  siteUrl: "https://example.ru",
};
const post = { file: "content/tech/ui.md", url: "/tech/interfeis.html" };
const pelican = (link: string) => {
  const split = splitPelicanLink(link);
  return split ? resolvePelicanLink(split.what, split.target, post, site) : undefined;
};

test("Pelican's indicators are found as written and as a Markdown renderer encodes them", (t) => {
  t.deepEqual(splitPelicanLink("{filename}a.md"), { what: "filename", target: "a.md" });
  t.deepEqual(splitPelicanLink("|filename|a.md"), { what: "filename", target: "a.md" });
  t.deepEqual(splitPelicanLink("%7Battach%7Dui.gif"), { what: "attach", target: "ui.gif" });
  t.is(splitPelicanLink("https://example.ru/{x}"), undefined);
  t.is(splitPelicanLink("/a.html"), undefined);
});

test("{filename} from the post's folder or the content root, with query and fragment kept", (t) => {
  t.deepEqual(pelican("{filename}grep.md"), { url: "/tech/poisk-s-grep.html" });
  t.deepEqual(pelican("{filename}./grep.md#usage"), { url: "/tech/poisk-s-grep.html#usage" });
  t.deepEqual(pelican("{filename}/tech/grep.md?x=1#y"), { url: "/tech/poisk-s-grep.html?x=1#y" });
  t.deepEqual(pelican("{filename}../life/%D0%BF%D1%80%D0%BE%D0%B3%D1%83%D0%BB%D0%BA%D0%B0.md"), {
    url: "/life/progulka.html",
  });
  t.deepEqual(pelican("|filename|grep.md"), { url: "/tech/poisk-s-grep.html" });
});

test("{static} at its path from the content root, {attach} beside the post's output", (t) => {
  t.deepEqual(pelican("{static}/images/pic.png"), { url: "/images/pic.png" });
  t.deepEqual(pelican("{static}../images/pic.png"), { url: "/images/pic.png" });
  t.deepEqual(pelican("{attach}ui.gif"), { url: "/tech/ui.gif" });
  t.deepEqual(pelican("{attach}files/doc.pdf"), { url: "/tech/files/doc.pdf" });
  // A file outside the post's folder goes beside the post by its bare name, as Pelican's attach_to does.
  t.deepEqual(pelican("{attach}../images/pic.png"), { url: "/tech/pic.png" });
  t.deepEqual(resolvePelicanLink("attach", "ui.gif", { file: "content/tech/ui.md", url: "/tech/ui/" }, site), {
    url: "/tech/ui/ui.gif",
  });
});

test("a file whose name holds #, ? or a literal %XX is linked percent-encoded, so the link finds it", (t) => {
  t.deepEqual(pelican("{attach}c%23.txt"), { url: "/tech/c%23.txt" });
  t.deepEqual(pelican("{static}/tech/what%3F.txt#top"), { url: "/tech/what%3F.txt#top" });
  t.deepEqual(pelican("{attach}%25D0%25B9.txt"), { url: "/tech/%25D0%25B9.txt" });
  t.deepEqual(pelican("{attach}схема 1.png"), { url: "/tech/%D1%81%D1%85%D0%B5%D0%BC%D0%B0%201.png" });
});

test("{filename} naming a static file links it with Pelican's warning", (t) => {
  const resolution = pelican("{filename}/images/pic.png");
  t.like(resolution, { url: "/images/pic.png" });
  t.regex((resolution as { warning: string }).warning, /names a static file; Pelican linked it and warned too/);
});

test("{tag}, {category}, {author}, {index}; a missing target or an unknown indicator is a problem, not a guess", (t) => {
  t.deepEqual(pelican("{tag}%D0%9C%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5"), { url: "/tag/mnenie.html" });
  t.deepEqual(pelican("{index}"), { url: "/" });
  t.regex((pelican("{category}nope") as { problem: string }).problem, /no page for that category/);
  t.regex((pelican("{author}Автор") as { problem: string }).problem, /writes no author pages/);
  t.regex((pelican("{filename}nope.md") as { problem: string }).problem, /Unable to find 'nope.md'/);
  t.regex((pelican("{foo}x") as { problem: string }).problem, /Replacement Indicator 'foo' not recognized/);
  // Paths never leave the input folder.
  t.truthy((pelican("{static}../../../../etc/passwd") as { problem: string }).problem);
});

test("raw HTML is rewritten with Pelican's own attribute pattern; problems are reported, the link kept", (t) => {
  const problems: string[] = [];
  const html = `<a href="{filename}grep.md">a</a> <img src='{static}/images/pic.png'> <a href="{filename}nope.md">b</a> <a title="{filename}grep.md">c</a>`;
  t.is(
    rewritePelicanHtml(html, post, site, (message) => problems.push(message)),
    `<a href="/tech/poisk-s-grep.html">a</a> <img src='/images/pic.png'> <a href="{filename}nope.md">b</a> <a title="{filename}grep.md">c</a>`,
  );
  t.is(problems.length, 1);
});

test("a linked page whose URL holds # is linked with %23, the link's own fragment kept (Pelican, Hugo)", (t) => {
  t.deepEqual(pelican("{filename}/posts/csharp.md#usage"), { url: "/post/c%23/#usage" });
  const from = { file: "content/posts/refs.md", url: "/post/refs/" };
  t.deepEqual(resolveHugoRef("csharp.md#usage", "relref", from, site), { url: "/post/c%23/#usage" });
});

test("Hugo's ref and relref find pages as Hugo 0.111 does", (t) => {
  const from = { file: "content/posts/refs.md", url: "/post/refs/" };
  const url = (ref: string, kind: "ref" | "relref" = "relref") => resolveHugoRef(ref, kind, from, site);
  t.deepEqual(url("target.md", "ref"), { url: "https://example.ru/post/target/" });
  t.deepEqual(url("/posts/target"), { url: "/post/target/" });
  t.deepEqual(url("target.md#раздел"), { url: "/post/target/#раздел" });
  t.deepEqual(url("#here"), { url: "#here" });
  t.deepEqual(url("bundle"), { url: "/post/bundle/" });
  t.deepEqual(url("sub/deep.md"), { url: "/post/deep/" });
  t.deepEqual(url("deep"), { url: "/post/deep/" });
  t.deepEqual(url("/POSTS/Target.md"), { url: "/post/target/" });
  t.regex((url("same") as { problem: string }).problem, /2 pages are named same/);
  t.regex((url("nope.md") as { problem: string }).problem, /no page is there.*REF_NOT_FOUND/);
  t.deepEqual(
    resolveHugoRef(
      "../refs.md",
      "relref",
      { file: "content/posts/sub/deep.md", url: "/post/deep/" },
      { ...site, pageUrlIgnoringCase: (file) => (file === "content/posts/refs.md" ? "/post/refs/" : undefined) },
    ),
    { url: "/post/refs/" },
  );
});

test("Hugo's ref with a per-language contentDir: every content root, among the linking page's language only (Hugo 0.111)", (t) => {
  // As real Hugo built it: content/ is en's contentDir, content-ru/ ru's; `x.ru.md` in content/ is in ru.
  const pages = new Map([
    ["content-ru/posts/a.md", "/ru/posts/a/"],
    ["content/posts/b.ru.md", "/ru/posts/b/"],
    ["content/posts/e.md", "/posts/e/"],
    ["content-ru/posts/d.en.md", "/posts/d/"],
  ]);
  const twoRoots = {
    ...site,
    root: "",
    languages: ["en", "ru"],
    folderLanguages: { content: "en", "content-ru": "ru" },
    pageUrlIgnoringCase: (file: string) => pages.get(file.toLowerCase()),
  };
  const from = (file: string) => (ref: string) => resolveHugoRef(ref, "relref", { file, url: "/" }, twoRoots);
  const fromRu = from("content/posts/b.ru.md");
  t.deepEqual(fromRu("posts/a.md"), { url: "/ru/posts/a/" });
  t.deepEqual(fromRu("a.md"), { url: "/ru/posts/a/" });
  t.deepEqual(fromRu("/posts/a"), { url: "/ru/posts/a/" });
  t.deepEqual(from("content-ru/posts/a.md")("posts/b.ru.md"), { url: "/ru/posts/b/" });
  // An en page finds no ru page (Hugo: REF_NOT_FOUND), and a suffix beats the folder: d.en.md is en.
  t.regex((from("content/posts/e.md")("posts/a.md") as { problem: string }).problem, /no page is there/);
  t.deepEqual(from("content/posts/e.md")("posts/d.en.md"), { url: "/posts/d/" });
  t.regex((fromRu("posts/e.md") as { problem: string }).problem, /no page is there/);
  // By name: only the linking page's language counts; two of its pages of one name are ambiguous, as Hugo says.
  const named = (pages: string[]) => ({
    ...twoRoots,
    pageUrlIgnoringCase: () => undefined,
    pagesNamed: () => pages.map((file) => ({ file, url: `/${file}/` })),
  });
  const byName = (pages: string[]) =>
    resolveHugoRef("dup", "relref", { file: "content-ru/posts/f.md", url: "/" }, named(pages));
  t.deepEqual(byName(["content/posts/x/dup.md", "content-ru/posts/y/dup.md"]), { url: "/content-ru/posts/y/dup.md/" });
  t.regex(
    (byName(["content-ru/posts/x/dup.md", "content-ru/posts/y/dup.md"]) as { problem: string }).problem,
    /2 pages are named dup \(Hugo calls it ambiguous\).*REF_NOT_FOUND/,
  );
});

test("a relative link to a file beside the post leads to where the file is copied, when the post's URL does not", (t) => {
  const copies = new Map([
    ["posts/scheme.svg", "/scheme.svg"],
    ["posts/trip/cover.jpg", "/post/trip/cover.jpg"],
    ["posts/схема 2.svg", "/схема 2.svg"],
  ]);
  const site = { copiedTo: (file: string) => copies.get(file) };
  const post = { file: "posts/pervaya-zapis.md", url: "/posts/pervaya-zapis/" };
  t.is(resolveRelativeLink("scheme.svg", post, site), "/scheme.svg");
  t.is(resolveRelativeLink("./scheme.svg#part", post, site), "/scheme.svg#part");
  t.is(
    resolveRelativeLink("%D1%81%D1%85%D0%B5%D0%BC%D0%B0%202.svg", post, site),
    "/%D1%81%D1%85%D0%B5%D0%BC%D0%B0%202.svg",
  );
  // Already reached from the post's URL (a bundle's file, Pelican's page at the root): left as written.
  t.is(resolveRelativeLink("cover.jpg", { file: "posts/trip/index.md", url: "/post/trip/" }, site), undefined);
  t.is(resolveRelativeLink("scheme.svg", { file: "posts/x.md", url: "/x.html" }, site), undefined);
  // Not a file copied beside the posts, or not relative: left as written.
  for (const link of [
    "other.md",
    "/scheme.svg",
    "https://example.ru/scheme.svg",
    "#scheme",
    "mailto:a@b.ru",
    "//cdn/x.svg",
    "",
  ])
    t.is(resolveRelativeLink(link, post, site), undefined, link);
});
