import path from "node:path";
import test from "ava";
import { assertWritablePages, outputFileOf } from "../../src/urls/output-paths.js";

const output = path.resolve("site/_site");

test("outputFileOf: a folder URL is its index.html, a file URL that file", (t) => {
  t.is(outputFileOf("/it/x/", "site/_site"), path.join(output, "it/x/index.html"));
  t.is(outputFileOf("/x.html", "site/_site"), path.join(output, "x.html"));
});

test("pages inside the output folder pass, also with names starting with two dots", (t) => {
  t.notThrows(() =>
    assertWritablePages(
      [
        { inputPath: "a.md", url: "/a/" },
        { inputPath: "b.md", url: "/..b.html" },
      ],
      "site/_site",
    ),
  );
});

for (const url of ["/../x.html", "/../../x/", "/a/../../x.html", "/.."]) {
  test(`${url} is refused naming the file and the key permalink`, (t) => {
    t.is(
      t.throws(() => assertWritablePages([{ inputPath: "posts/a.md", url }], "site/_site"))?.message,
      `[ru-blog] posts/a.md, key "permalink": its permalink ${JSON.stringify(url)} would write outside the output folder; change it to a path inside the site.`,
    );
  });
}

test("a path over the system's limit is refused naming the file", (t) => {
  const url = `/${"a/".repeat(60)}`;
  const bytes = Buffer.byteLength(path.join(output, url, "index.html"));
  t.is(
    t.throws(() => assertWritablePages([{ inputPath: "posts/a.md", url }], "site/_site", 100))?.message,
    `[ru-blog] posts/a.md: its URL "${url.slice(0, 78)}… makes the output file's path ${bytes} bytes long, more than the 100 this system takes; shorten its Url, Slug or permalink.`,
  );
});

test("a name over 255 bytes is refused naming the file", (t) => {
  t.regex(
    t.throws(() => assertWritablePages([{ inputPath: "p.md", url: `/${"я".repeat(130)}.html` }], "site/_site"))
      ?.message ?? "",
    /^\[ru-blog\] p\.md: its URL ".*? has a part longer than 255 bytes, which file systems refuse; shorten its Url, Slug or permalink\.$/,
  );
});
