/**
 * The starter theme `ru-blog migrate` writes, in a real browser (Debian's /usr/bin/chromium through playwright-core):
 * a fixture blog of each generator migrated, built, and read at a phone's 390 px and a desktop's 1280 px, in light
 * and dark. No page is wider than the phone's screen, axe finds no serious or critical problem, every page is
 * reachable from the home page, and screenshots are kept in test-output/screenshots/ (gitignored) for a person.
 */
import test from "ava";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildNewSite, migrate } from "../../src/cli/migrate/command.js";
import { REPO } from "../helpers/fixture-build.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

// The test's tsconfig has no DOM library; these are only used inside page.evaluate callbacks.
declare const document: any;
declare const window: any;

const CHROMIUM = "/usr/bin/chromium";
const AXE = path.join(REPO, "node_modules", "axe-core", "axe.min.js");
const SCREENSHOTS = path.join(REPO, "test-output", "screenshots");
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

/** Each generator's fixture blog and the pages photographed and checked with axe. */
const BLOGS = {
  pelican: {
    home: "/",
    page2: "/index2.html",
    post: "/posts/2016/02/wide-things/",
    term: "/tags/linux.html",
    tags: "/tags.html",
    archive: "/archives.html",
    subscribe: "/feeds/all.atom.html",
  },
  "hugo-toml": {
    home: "/",
    page2: "/page/2/",
    post: "/2014/09/bez-nazvaniya/",
    term: "/tag/python/",
    tags: "/tags/",
    archive: "/archive/",
    subscribe: "/feed.html",
  },
} as const;

let browser: Browser;
const roots: string[] = [];
const sites = new Map<string, Promise<{ output: string; server: StaticServer }>>();

test.before(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium. The test never downloads a browser.`);
  if (!existsSync(path.join(REPO, "dist", "index.js")))
    throw new Error(
      "dist/index.js is missing: the migrated site imports the packaged plugin; run `npm run build:package` first.",
    );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});

test.after.always(async () => {
  await browser?.close();
  for (const site of sites.values()) await (await site.catch(() => undefined))?.server.close();
  if (!process.env.RU_BLOG_KEEP_SITES) for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** The fixture blog migrated (no old build: exit 0 means written), built with Eleventy and served. */
function site(blog: string) {
  let result = sites.get(blog);
  if (!result) {
    result = (async () => {
      const root = await mkdtemp(path.join(tmpdir(), "ru-blog-starter-"));
      roots.push(root);
      const newSite = path.join(root, "site");
      const lines: string[] = [];
      const code = await migrate(
        { oldBlog: path.join(REPO, "test/fixtures/migrate", blog), newSite },
        { out: (line) => lines.push(line), err: (line) => lines.push(line) },
      );
      if (code !== 0) throw new Error(`migrate exited ${code}:\n${lines.join("\n")}`);
      const build = await buildNewSite(newSite);
      if (!build.ok) throw new Error(build.log);
      const output = path.join(newSite, "_site");
      return { output, server: await serveStatic(output) };
    })();
    sites.set(blog, result);
  }
  return result;
}

async function htmlPages(output: string): Promise<string[]> {
  const entries = await readdir(output, { recursive: true, withFileTypes: true });
  const pages: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.relative(output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    // Redirect pages (Hugo's /page/1/, legacy URLs) only send the reader on.
    if (/<meta http-equiv="refresh"/i.test(await readFile(path.join(output, file), "utf8"))) continue;
    pages.push(`/${file}`.replace(/(^|\/)index\.html$/, "$1"));
  }
  return pages.sort();
}

for (const [blog, pages] of Object.entries(BLOGS)) {
  test(`${blog}: every page is reachable from the home page and no page is wider than a 390 px phone`, async (t) => {
    const { output, server } = await site(blog);
    const all = await htmlPages(output);
    const context = await browser.newContext({ viewport: WIDTHS.phone });
    const page = await context.newPage();
    const reached = new Set<string>();
    const queue = ["/"];
    const overflowing: string[] = [];
    const untitledLinks: string[] = [];
    while (queue.length > 0) {
      const pathname = queue.shift()!;
      if (reached.has(pathname)) continue;
      reached.add(pathname);
      const response = await page.goto(server.origin + encodeURI(pathname));
      t.is(response?.status(), 200, pathname);
      const seen: { width: number; links: string[]; empty: number } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        links: Array.from(document.querySelectorAll("a[href]"), (link: any) => String(link.href)),
        empty: Array.from(document.querySelectorAll("a[href]")).filter((link: any) => link.textContent.trim() === "")
          .length,
      }));
      if (seen.width > WIDTHS.phone.width) overflowing.push(`${pathname}: ${seen.width}px`);
      if (seen.empty > 0) untitledLinks.push(`${pathname}: ${seen.empty} empty links`);
      for (const link of seen.links) {
        const url = new URL(link);
        if (url.origin !== server.origin || /\.(xml|xsl|png|svg|ico|txt)$/.test(url.pathname)) continue;
        const target = decodeURI(url.pathname).replace(/(^|\/)index\.html$/, "$1");
        if (!reached.has(target) && all.includes(target)) queue.push(target);
      }
    }
    await context.close();
    t.log(`${reached.size} of ${all.length} pages reached from the home page`);
    t.deepEqual(
      all.filter((pathname) => !reached.has(pathname)),
      [],
      "every page is reachable from the home page",
    );
    t.deepEqual(overflowing, [], "no page scrolls sideways on a phone");
    t.deepEqual(untitledLinks, [], "no link without text (an untitled post is linked by its date)");
  });

  test(`${blog}: axe finds no serious or critical problem on the key pages, light and dark, phone and desktop; screenshots kept`, async (t) => {
    const { server } = await site(blog);
    await mkdir(SCREENSHOTS, { recursive: true });
    const failures: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        for (const [name, pathname] of Object.entries(pages)) {
          const response = await page.goto(server.origin + encodeURI(pathname));
          t.is(response?.status(), 200, pathname);
          await page.addScriptTag({ path: AXE });
          const violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] =
            await page.evaluate(async () => (await window.axe.run()).violations);
          for (const violation of violations) {
            const line = `${name} ${pathname} (${colorScheme}, ${viewport.width}px): ${violation.id} [${violation.impact}] ${violation.nodes
              .slice(0, 2)
              .map((node) => node.target.join(" "))
              .join(", ")}`;
            if (violation.impact === "serious" || violation.impact === "critical") failures.push(line);
            else t.log(line);
          }
          await page.screenshot({
            path: path.join(
              SCREENSHOTS,
              `migrate-${blog}-${name}-${viewport.width}${colorScheme === "dark" ? "-dark" : ""}.png`,
            ),
            fullPage: true,
          });
        }
        await context.close();
      }
    }
    t.deepEqual(failures, []);
  });
}

test("the starter's pages are in the posts' language and show Russian dates, reading time and the pager", async (t) => {
  const { output } = await site("pelican");
  const home = await readFile(path.join(output, "index.html"), "utf8");
  t.regex(home, /^<!doctype html>\s*<html lang="ru">/);
  t.regex(home, /<time datetime="2016-07-30T09:45:00\+05:00">30 июля 2016<\/time> · 1 минута чтения/);
  t.regex(home, /<a rel="next" href="\/index2\.html">Старее →<\/a>/);
  t.regex(
    home,
    /<nav aria-label="Разделы сайта">[\s\S]*href="\/archives\.html">Архив<[\s\S]*href="\/tags\.html">Метки<[\s\S]*href="\/categories\.html">Рубрики</,
  );
  t.regex(home, /<link rel="icon" href="\/favicon\.ico">/);
  t.regex(home, /href="\/feeds\/all\.atom\.html">новые записи<\/a>/);
  const untitled = await readFile(path.join((await site("hugo-toml")).output, "index.html"), "utf8");
  t.regex(untitled, /<a href="\/2014\/09\/bez-nazvaniya\/">Запись от 1 сентября 2014<\/a>/);
});

test("a feed opened in the browser shows Russian dates and the blog's favicon; its HTML subscribe page lists the same posts", async (t) => {
  const { output, server } = await site("pelican");
  const context = await browser.newContext({ viewport: WIDTHS.phone });
  const page = await context.newPage();
  t.is((await page.goto(`${server.origin}/feeds/all.atom.xml`))?.status(), 200);
  const feed: { dates: string[]; titles: string[]; icon: string } = await page.evaluate(() => ({
    dates: Array.from(document.querySelectorAll("main ol li time"), (time: any) => String(time.textContent)),
    titles: Array.from(document.querySelectorAll("main ol li > a"), (link: any) => String(link.textContent)),
    icon: document.querySelector('link[rel="icon"]')?.getAttribute("href") ?? "",
  }));
  await context.close();
  t.is(feed.dates[0], "30 июля 2016");
  t.true(
    feed.dates.length > 5 && feed.dates.every((date) => /^\d{1,2} [а-я]+ \d{4}$/.test(date)),
    feed.dates.join(", "),
  );
  t.is(feed.icon, "/favicon.ico");
  const subscribe = await readFile(path.join(output, "feeds/all.atom.html"), "utf8");
  const listed = [...subscribe.matchAll(/<h2><a href="[^"]*">([^<]*)<\/a><\/h2>/g)].map((match) => match[1]);
  t.deepEqual(listed, feed.titles, "the subscribe page lists the feed's posts, in its order");
  t.regex(
    subscribe,
    /адрес ленты\s*<a href="\/feeds\/all\.atom\.xml">https:\/\/blog\.example\.ru\/feeds\/all\.atom\.xml<\/a>/,
  );
});
