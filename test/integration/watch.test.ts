import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import test from "ava";
import ruBlog, { type RuBlogOptions } from "../../src/index.js";
import { parseFeed } from "../helpers/feed-validation.js";
import { eleventyVersion } from "../helpers/packed.js";
import {
  AS_WRITTEN_LAYOUT,
  captureEleventyLog,
  keepingWarnings,
  siteEleventy,
  writeAsWritten,
  writeSite,
} from "../helpers/site.js";

/**
 * Runs Eleventy in watch mode, as `eleventy --watch` does (with `incremental`, as `eleventy --watch --incremental`),
 * and lets a test wait for each rebuild.
 */
async function watchSite(
  files: Record<string, string>,
  { incremental = false, serve = false, options = {} as RuBlogOptions } = {},
) {
  const root = await writeSite({ ...AS_WRITTEN_LAYOUT, ...files });
  const waiting: Array<() => void> = [];
  const noticing: Array<(changed: string[]) => void> = [];
  const { eleventy, output } = siteEleventy(
    root,
    (eleventyConfig) => {
      writeAsWritten(eleventyConfig);
      eleventyConfig.addPlugin(ruBlog, { siteUrl: "https://example.ru", title: "Заметки", ...options });
      eleventyConfig.setWatchThrottleWaitTime(0);
      // The dev server has a logger of its own ("Server at http://localhost:…"), which a test has no use for.
      const silent = () => {};
      if (serve)
        eleventyConfig.setServerOptions({ logger: { log: silent, info: silent, warn: silent, error: silent } });
      eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
        noticing.splice(0).forEach((notice) => notice(changed));
      });
      // Eleventy 4 runs a hook's handlers one after another, in the order they were added, and adds a plugin's after
      // the config function: as a plugin added after the blog's, this one hears of the build's end after the blog's
      // own `eleventy.after` work (its feeds, its copies) is done.
      eleventyConfig.addPlugin((afterBlog: any) =>
        afterBlog.on("eleventy.after", () => waiting.splice(0).forEach((resolve) => resolve())),
      );
    },
    { runMode: serve ? "serve" : "watch" },
  );
  // Under --watch Eleventy logs each change and rebuild ("File changed: …", "Wrote 9 files …"): kept, not printed.
  const log = captureEleventyLog(eleventy);
  // Not in Eleventy's types: what `--incremental` sets.
  if (incremental) (eleventy as unknown as { setIncrementalBuild(on: boolean): void }).setIncrementalBuild(true);
  const nextBuild = () => new Promise<void>((resolve) => waiting.push(resolve));
  const firstBuild = nextBuild();
  // The plugin's warnings of every build, the rebuilds too (the watcher runs them in the context it was started in).
  const warnings: string[] = [];
  await keepingWarnings(warnings, async () => {
    await eleventy.init();
    await eleventy.watch();
    await firstBuild;
  });
  // As `eleventy --serve` does: the dev server is started after the first build, on a port no other test holds.
  const port = serve ? await freePort() : undefined;
  // Not in Eleventy's types: what `--serve` calls.
  if (port !== undefined) await (eleventy as unknown as { serve(port: number): Promise<void> }).serve(port);
  return {
    /** A URL of the site, fetched from the dev server (`--serve`): its status, type and text. */
    async fetch(url: string) {
      const response = await fetch(new URL(url, `http://localhost:${port}`));
      return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
    },
    read: (file: string) => readFile(path.join(output, file), "utf8").catch(() => undefined),
    /** When a file of the output was last written (ms). */
    writtenAt: async (file: string) => (await stat(path.join(output, file))).mtimeMs,
    remove: (file: string) => rm(path.join(root, "src", file)),
    /**
     * Saves a source file and waits for the rebuild of that change: the build that starts by naming the file, not
     * one still running for an earlier change, which on a busy machine may end after the save.
     */
    async change(file: string, text: string) {
      const noticed = new Promise<void>((resolve) => {
        const notice = (changed: string[]) => {
          if (changed.some((changedFile) => changedFile.endsWith(file))) resolve();
          else noticing.push(notice);
        };
        noticing.push(notice);
      }).then(() => nextBuild().then(() => true));
      // The file watcher may still be starting up and miss the first event; saving again is what a user would do.
      for (let attempt = 0; attempt < 10; attempt++) {
        await writeFile(path.join(root, "src", file), text);
        if (await Promise.race([noticed, new Promise((resolve) => setTimeout(resolve, 5000, false))])) return;
      }
      throw new Error(`no rebuild after changing ${file}`);
    },
    stop: () => eleventy.stopWatch(),
    log,
    warnings,
  };
}

test.serial(
  "under --watch, a new tag, a renamed tag, a deleted and an added post update term pages, indexes and feeds",
  async (t) => {
    const site = await watchSite({
      "_includes/term.njk": "{{ term.name }}:{% for p in termPage.posts %}{{ p.data.title }} {% endfor %}",
      "posts/a.md": "---\nTitle: Первый\nDate: 2015-01-01\nTags: [Zsh]\n---\nТекст.\n",
      "posts/b.md": "---\nTitle: Второй\nDate: 2015-01-02\nTags: [Zsh]\n---\nТекст.\n",
    });
    try {
      t.is(await site.read("tags/zsh/index.html"), "Zsh:Второй Первый ");

      await site.change("posts/a.md", "---\nTitle: Первый\nDate: 2015-01-01\nTags: [Zsh, Vim]\n---\nТекст.\n");
      t.is(await site.read("tags/vim/index.html"), "Vim:Первый ");
      t.regex((await site.read("tags/index.html"))!, /Vim<\/a> <span>\(1\)/);

      await site.change("posts/b.md", "---\nTitle: Второй\nDate: 2015-01-02\nTags: [Fish]\n---\nТекст.\n");
      t.is(await site.read("tags/zsh/index.html"), "Zsh:Первый ");
      t.is(await site.read("tags/fish/index.html"), "Fish:Второй ");
      t.notRegex((await site.read("tags/zsh/feed.xml"))!, /Второй/);

      // Eleventy 3 does not rebuild when a file is deleted; the next save does, and nothing of the post may remain.
      await site.remove("posts/a.md");
      await site.change(
        "posts/b.md",
        "---\nTitle: Второй\nDate: 2015-01-02\nTags: [Fish]\n---\nТекст, исправленный.\n",
      );
      t.notRegex((await site.read("feed.xml"))!, /Первый/);
      t.notRegex((await site.read("tags/index.html"))!, /Zsh|Vim/);

      await site.change("posts/c.md", "---\nTitle: Третий\nDate: 2015-01-03\nTags: [Fish]\n---\nТекст.\n");
      t.is(await site.read("tags/fish/index.html"), "Fish:Третий Второй ");
      t.deepEqual(
        parseFeed((await site.read("feed.xml"))!).items.map((item) => item.title),
        ["Третий", "Второй"],
      );
    } finally {
      await site.stop();
    }
  },
);

test.serial("under --serve, the dev server serves the plugin's own files, and the new ones after a save", async (t) => {
  const site = await watchSite(
    {
      "_includes/term.njk": "{{ term.name }}",
      "posts/a.md": "---\nTitle: Первый\nDate: 2015-01-01\nTags: [Zsh]\nUrl: old/a.html\n---\nТекст.\n",
    },
    { serve: true, options: { sitemap: "/sitemap.xml" } },
  );
  try {
    const feed = await site.fetch("/feed.xml");
    t.is(feed.status, 200);
    t.regex(feed.type ?? "", /xml/);
    t.deepEqual(
      parseFeed(feed.text).items.map((item) => item.title),
      ["Первый"],
    );
    t.is((await site.fetch("/feed.xsl")).status, 200);
    t.regex((await site.fetch("/sitemap.xml")).text, /<loc>https:\/\/example\.ru\/old\/a\.html<\/loc>/);

    await site.change("posts/a.md", "---\nTitle: Первый, исправленный\nDate: 2015-01-01\nTags: [Vim]\n---\nТекст.\n");
    t.deepEqual(
      parseFeed((await site.fetch("/feed.xml")).text).items.map((item) => item.title),
      ["Первый, исправленный"],
    );
    t.is((await site.fetch("/tags/vim/feed.xml")).status, 200);
  } finally {
    await site.stop();
  }
});

test.serial("under --watch, a changed attachment beside a post is copied again", async (t) => {
  const site = await watchSite({
    "_includes/term.njk": "{{ term.name }}",
    "posts/a.md": "---\nTitle: Первый\nDate: 2015-01-01\n---\n![схема](schema.svg)\n",
    "posts/schema.svg": "<svg>v1</svg>",
  });
  try {
    t.is(await site.read("schema.svg"), "<svg>v1</svg>");
    await site.change("posts/schema.svg", "<svg>v2</svg>");
    t.is(await site.read("schema.svg"), "<svg>v2</svg>");
  } finally {
    await site.stop();
  }
});

/** A port nothing listens on now: the system's pick for a server that is then closed. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A post of the incremental tests: front matter as the seed blog writes it, and a body. */
const post = (slug: string, title: string, date: string, tags: string[], body = "Текст.") =>
  `---\nTitle: ${title}\nSlug: ${slug}\nDate: ${date}\nTags: [${tags.join(", ")}]\n---\n${body}\n`;

/** What the incremental test's pages show: every list names its posts by title, in order. */
const INCREMENTAL_SITE = {
  "_includes/term.njk":
    "{{ term.name }}:{% for p in termPage.posts %}{{ p.data.title }} {% endfor %}|{{ termPage.previousUrl }}|{{ termPage.nextUrl }}",
  "_includes/archive.njk": "{% for p in archive.posts %}{{ p.data.title }} {% endfor %}",
  // The site's own list of posts, as a home page paginates over it.
  "index.njk":
    "---\npagination: { data: collections.posts, size: 10, reverse: true, alias: list }\n---\n" +
    "{% for p in list %}{{ p.data.title }} {% endfor %}",
  "posts/a.md": post("a", "Первый", "2015-01-01", ["Zsh"]),
  "posts/b.md": post("b", "Второй", "2015-01-02", ["Zsh", "Vim"]),
  "posts/c.md": post("c", "Третий", "2016-01-03", ["Vim"]),
};

test.serial(
  "under --watch --incremental, a post's new body, tags, title and date, an added and a deleted post leave nothing stale",
  async (t) => {
    const site = await watchSite(INCREMENTAL_SITE, {
      incremental: true,
      options: { termPageSize: 1, archives: { year: "/:year/" } },
    });
    const titles = async (feed: string) => parseFeed((await site.read(feed))!).items.map((item) => item.title);
    // Eleventy 3.0.0's incremental builds do not render a page that paginates over a collection of addCollection (the
    // site's list of posts stays as it was, with or without the plugin); 3.1 and later do.
    const rendersSiteLists = !(await eleventyVersion()).startsWith("3.0.");
    const siteList = async () => (rendersSiteLists ? site.read("index.html") : undefined);
    try {
      t.is(await site.read("index.html"), "Третий Второй Первый ");
      t.is(await site.read("tags/zsh/index.html"), "Zsh:Второй ||/tags/zsh/page/2/");

      // A new body changes no list: the pages that do not list the post are not written again.
      const untouched = ["tags/zsh/index.html", "tags/vim/index.html", "tags/vim/feed.xml", "2016/index.html"];
      const before = await Promise.all(untouched.map(site.writtenAt));
      await site.change("posts/a.md", post("a", "Первый", "2015-01-01", ["Zsh"], "Новый текст."));
      t.deepEqual(await Promise.all(untouched.map(site.writtenAt)), before);
      t.regex((await site.read("tags/zsh/feed.xml"))!, /Новый текст/);
      t.regex((await site.read("feed.xml"))!, /Новый текст/);
      t.deepEqual(await titles("feed.xml"), ["Третий", "Второй", "Первый"]);
      t.is(await site.read("tags/zsh/page/2/index.html"), "Zsh:Первый |/tags/zsh/|");

      // b: new title, tags Zsh, Vim → Fish, and a date that moves it after c.
      await site.change("posts/b.md", post("b", "Второй, исправленный", "2017-01-02", ["Fish"]));
      t.is(await siteList(), rendersSiteLists ? "Второй, исправленный Третий Первый " : undefined);
      t.is(await site.read("tags/zsh/index.html"), "Zsh:Первый ||");
      t.is(await site.read("tags/vim/index.html"), "Vim:Третий ||");
      t.is(await site.read("tags/fish/index.html"), "Fish:Второй, исправленный ||");
      t.deepEqual(await titles("feed.xml"), ["Второй, исправленный", "Третий", "Первый"]);
      t.deepEqual(await titles("tags/zsh/feed.xml"), ["Первый"]);
      t.deepEqual(await titles("tags/vim/feed.xml"), ["Третий"]);
      t.deepEqual(await titles("tags/fish/feed.xml"), ["Второй, исправленный"]);
      t.notRegex((await site.read("tags/index.html"))!, /Zsh<\/a> <span>\(2\)/);
      t.regex((await site.read("tags/index.html"))!, /Fish<\/a> <span>\(1\)/);
      t.is(await site.read("2015/index.html"), "Первый ");
      t.is(await site.read("2017/index.html"), "Второй, исправленный ");

      await site.change("posts/d.md", post("d", "Четвёртый", "2016-06-01", ["Zsh"]));
      t.is(await site.read("tags/zsh/index.html"), "Zsh:Четвёртый ||/tags/zsh/page/2/");
      t.is(await site.read("tags/zsh/page/2/index.html"), "Zsh:Первый |/tags/zsh/|");
      t.deepEqual(await titles("tags/zsh/feed.xml"), ["Четвёртый", "Первый"]);
      t.is(await site.read("2016/index.html"), "Четвёртый ");
      t.is(await site.read("2016/page/2/index.html"), "Третий ");
      t.is(await siteList(), rendersSiteLists ? "Второй, исправленный Четвёртый Третий Первый " : undefined);

      // Eleventy 3 does not rebuild when a file is deleted; the next save does, and nothing of the post may remain.
      await site.remove("posts/c.md");
      await site.change("posts/a.md", post("a", "Первый", "2015-01-01", ["Zsh"], "Снова новый текст."));
      t.is(await siteList(), rendersSiteLists ? "Второй, исправленный Четвёртый Первый " : undefined);
      t.deepEqual(await titles("feed.xml"), ["Второй, исправленный", "Четвёртый", "Первый"]);
      t.notRegex((await site.read("tags/index.html"))!, /Vim/);
      t.is(await site.read("2016/index.html"), "Четвёртый ");
      t.regex((await site.read("tags/zsh/feed.xml"))!, /Снова новый текст/);
    } finally {
      await site.stop();
    }
  },
);
