import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import Eleventy from "@11ty/eleventy";
import ruBlog from "../../src/index.js";
import { parseFeed } from "../helpers/feed-validation.js";
import { captureEleventyLog, writeSite } from "../helpers/site.js";

/** Runs Eleventy in watch mode, as `eleventy --watch` does, and lets a test wait for each rebuild. */
async function watchSite(files: Record<string, string>) {
  const root = await writeSite(files);
  const input = path.relative(process.cwd(), path.join(root, "src"));
  const output = path.join(root, "_site");
  const waiting: Array<() => void> = [];
  const noticing: Array<(changed: string[]) => void> = [];
  const eleventy = new Eleventy(input, path.relative(process.cwd(), output), {
    quietMode: true,
    runMode: "watch",
    config(eleventyConfig: any) {
      eleventyConfig.setUseGitIgnore(false);
      eleventyConfig.addPlugin(ruBlog, { siteUrl: "https://example.ru", title: "Заметки" });
      eleventyConfig.setWatchThrottleWaitTime(0);
      eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
        noticing.splice(0).forEach((notice) => notice(changed));
      });
      eleventyConfig.on("eleventy.after", () => waiting.splice(0).forEach((resolve) => resolve()));
    },
  });
  // Under --watch Eleventy logs each change and rebuild ("File changed: …", "Wrote 9 files …"): kept, not printed.
  captureEleventyLog(eleventy);
  const nextBuild = () => new Promise<void>((resolve) => waiting.push(resolve));
  const firstBuild = nextBuild();
  await eleventy.init();
  await eleventy.watch();
  await firstBuild;
  return {
    read: (file: string) => readFile(path.join(output, file), "utf8").catch(() => undefined),
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
  };
}

test.serial("under --watch, a new tag, a renamed tag, a deleted and an added post update term pages, indexes and feeds", async (t) => {
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
    await site.change("posts/b.md", "---\nTitle: Второй\nDate: 2015-01-02\nTags: [Fish]\n---\nТекст, исправленный.\n");
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
