import test from "ava";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidValueError } from "../../../src/errors.js";
import { readJekyllConfig } from "../../../src/generators/jekyll/config.js";

function withConfig(text: string | undefined, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "jekyll-config-"));
  try {
    if (text !== undefined) writeFileSync(join(dir, "_config.yml"), text);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a GitHub Pages era config: unquoted :x permalink read as text, plugins, feed and timezone", (t) => {
  withConfig(
    [
      "title: Заметки",
      "url: https://example.ru/",
      "baseurl: /blog",
      "author: { name: Автор, email: a@example.ru }",
      "permalink: :categories/:title.html",
      "gems: [jekyll-feed, jekyll-redirect-from, jekyll-sitemap, jekyll-mentions]",
      "feed: { path: atom.xml, posts_limit: 20, categories: [linux] }",
      "kramdown: { input: GFM, auto_id_prefix: h- }",
      "theme: minima",
    ].join("\n"),
    (dir) => {
      const read = readJekyllConfig(dir)!;
      t.is(read.file, "_config.yml");
      t.like(read.settings, {
        title: "Заметки",
        url: "https://example.ru",
        baseurl: "/blog",
        author: { name: "Автор", email: "a@example.ru" },
        permalink: "/:categories/:title.html",
        timezone: undefined,
        feed: { path: "atom.xml", limit: 20, categories: ["linux"], tags: false },
        sitemap: true,
        redirectFrom: true,
        kramdown: { input: "GFM", autoIdPrefix: "h-" },
      });
      t.deepEqual(
        read.notCarried.map((item) => item.setting),
        ["plugins: jekyll-mentions", "theme", "timezone"],
      );
      t.regex(read.notCarried.find((item) => item.setting === "timezone")!.why, /build machine's zone/);
    },
  );
});

test("permalink styles become templates; no config is no Jekyll blog", (t) => {
  withConfig("permalink: pretty\ntimezone: Europe/Moscow", (dir) => {
    t.is(readJekyllConfig(dir)!.settings.permalink, "/:categories/:year/:month/:day/:title/");
  });
  withConfig(undefined, (dir) => t.is(readJekyllConfig(dir), undefined));
});

test("a YAML error names the file and the line", (t) => {
  withConfig("title: x\n  bad: [", (dir) => {
    t.throws(() => readJekyllConfig(dir), { instanceOf: InvalidValueError, message: /^_config\.yml, line \d+: / });
  });
});
