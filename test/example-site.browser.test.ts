/**
 * The example site, built with the packaged plugin (dist/, through `import ruBlog from "eleventy-plugin-ru-blog"`)
 * and read in a real browser: Debian's /usr/bin/chromium driven by playwright-core. Checks that every page loads
 * cleanly, every internal link and image resolves, axe finds no serious problems, and writes screenshots for a
 * human to look at.
 */
import { parse } from "node-html-parser";
import test from "ava";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { serveStatic, type StaticServer } from "./helpers/static-server.js";

// The test's tsconfig has no DOM library; these are only used inside page.evaluate callbacks.
declare const document: any;
declare const window: any;

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SITE = path.join(REPO, "example-site");
const ELEVENTY = path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const AXE = path.join(REPO, "node_modules", "axe-core", "axe.min.js");
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.join(REPO, "test-output", "screenshots");
/** The example's `siteUrl`: absolute links to it (the feed autodiscovery links) are checked against the local build. */
const SITE_URL = "https://example.ru";

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;

/** The four pages a reader sees most: home, a post (with an image, Cyrillic URL), a term page, the archive. */
const KEY_PAGES = {
  home: "/",
  post: "/it/Личный-vps/",
  term: "/tags/linux/",
  archive: "/archive/",
} as const;

let output: string;
let server: StaticServer;
let browser: Browser;
const started = Date.now();

function run(file: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args.join(" ")} failed in ${cwd}:\n${stderr || stdout}`));
      else resolve(stdout + stderr);
    });
  });
}

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** `it/Личный-vps/index.html` → `/it/%D0%9B…-vps/`, the URL a browser would ask for. */
function isRedirectPage(html: string): boolean {
  return /<meta http-equiv="refresh"/i.test(html);
}

/** The target of a redirect page's meta refresh. */
function redirectTarget(html: string): string {
  const content = parse(html).querySelector('meta[http-equiv="refresh"]')?.getAttribute("content") ?? "";
  return content.replace(/^\d+;\s*url=/i, "");
}

function urlOfFile(file: string): string {
  const pathname = `/${file}`.replace(/(^|\/)index\.html$/, "$1");
  return server.origin + encodeURI(pathname);
}

test.before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the example site's browser test needs Debian's chromium (apt-get install chromium). It never downloads a browser.`,
    );
  }
  if (!existsSync(path.join(REPO, "dist", "index.js"))) {
    throw new Error(
      "dist/index.js is missing: the example site uses the packaged plugin; run `npm run build:package` first (`npm test` does).",
    );
  }
  output = await mkdtemp(path.join(tmpdir(), "ru-blog-example-site-"));
  // Exactly what `npm run build` does after building the package: `eleventy` in example-site, here into a temp folder.
  await run(process.execPath, [ELEVENTY, `--output=${output}`, "--quiet"], SITE);
  server = await serveStatic(output);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
});

test.after.always(async () => {
  await browser?.close();
  await server?.close();
  if (output) await rm(output, { recursive: true, force: true });
});

/** One tab that records everything that goes wrong while a page loads; reused from page to page, which is faster. */
async function openTab(context: BrowserContext) {
  const page = await context.newPage();
  let problems: string[] = [];
  // Requests still running; a visit waits for them (the favicon loads after `load`) so none is cut off by the next one.
  const pending = new Set<Request>();
  // The favicon can start after that wait; the next visit cancels it, which is no fault of the page.
  let current = "";
  page.on("request", (request) => pending.add(request));
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => {
    pending.delete(request);
    const cancelled = request.failure()?.errorText === "net::ERR_ABORTED";
    if (cancelled && !request.isNavigationRequest() && request.headers().referer !== current) return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    page,
    /** Loads `url`; returns its status and what went wrong while it loaded. */
    async visit(url: string): Promise<{ problems: string[]; status: number | undefined }> {
      problems = [];
      current = url;
      const response = await page.goto(url, { waitUntil: "load" });
      for (const deadline = Date.now() + 10_000; pending.size && Date.now() < deadline;)
        await new Promise((done) => setTimeout(done, 10));
      for (const request of pending) problems.push(`still loading after 10 s: ${request.url()}`);
      return { problems, status: response?.status() };
    },
  };
}

interface PageLinks {
  links: string[];
  resources: string[];
  ids: string[];
}

async function linksOf(page: Page): Promise<PageLinks> {
  // No helper functions inside: tsx would wrap them in its `__name`, which does not exist in the page.
  return page.evaluate(() => ({
    links: Array.from(document.querySelectorAll("a[href]"), (element: any) => String(element.href)),
    resources: Array.from(document.querySelectorAll("link[href], img[src], script[src], source[src]"), (element: any) =>
      String(element.href || element.src),
    ),
    ids: Array.from(document.querySelectorAll("[id]"), (element: any) => String(element.id)),
  }));
}

test("the build writes what the example promises", async (t) => {
  const files = await htmlFiles(output);
  const read = (file: string) => readFile(path.join(output, file), "utf8");
  const has = (file: string) => existsSync(path.join(output, file));

  t.true(has("it/coreos-opinion/index.html"), "Url: it/coreos-opinion is used verbatim");
  t.true(has("it/Личный-vps/index.html"), "a raw Cyrillic Url is written as it is");
  t.true(
    has("post/2015/11/02/kak-ya-perestal-boyatsya-systemd/index.html"),
    "a post without Url gets the permalink pattern",
  );
  t.true(has("post/2016/07/03/dvesti-kilometrov/index.html"), "the post in Pelican's header format is built");
  t.false(
    files.some((file) => /rust|board-games|nastolnye/.test(file)),
    "drafts are not built",
  );
  t.true(has("tags/linux/page/2/index.html"), "term pages are paginated");
  t.true(has("feed.xml") && has("tags/linux/feed.xml") && has("categories/it/feed.xml"), "feeds are written");
  t.true(has("img/vps-scheme.svg") && has("css/style.css"), "passthrough copy");
  t.true(has("404.html"));

  const templates = await read("post/2016/05/20/figurnye-skobki-v-markdown-kak-ne-slomat-shablon/index.html");
  t.true(templates.includes("&lt;h1&gt;{{ name }}&lt;/h1&gt;"), "{{ name }} in a code block comes out verbatim");
  t.true(
    templates.includes("{% raw %}") && templates.includes("{% endraw %}"),
    "{% raw %} in a code block comes out verbatim",
  );

  // Build: {List: local}: on its term pages, not on the home pages, the archive or the site feed.
  const local = "/post/2017/03/22/zametka-na-polyakh-restic-vmesto-samopisnogo-skripta/";
  const homePages = files.filter((file) => /^(page\/\d+\/)?index\.html$/.test(file));
  t.true(homePages.length >= 2, "the home page is paginated");
  for (const file of [...homePages, "archive/index.html", "feed.xml"])
    t.false((await read(file)).includes(local), `${file} does not list the List: local post`);
  const bekapy = await read("tags/bekapy/index.html");
  t.true(bekapy.includes(local), "the List: local post is on its tag page");

  for (const file of files) {
    const html = await read(file);
    t.regex(html, /^<!doctype html>\s*<html lang="ru">/i, `${file} starts with <html lang="ru">`);
    t.false(/<script\b/i.test(html), `${file} needs no JavaScript`);
    // Redirect pages (aliases) only send the reader on; they carry no feed links.
    if (isRedirectPage(html)) continue;
    // {% feedLinks %}: the site feed everywhere, and the term's own feed on a term page.
    const feeds = html.match(/<link rel="alternate" type="application\/atom\+xml"[^>]*>/g) ?? [];
    t.true(feeds[0]?.includes('href="https://example.ru/feed.xml"'), `${file} links the site feed in <head>`);
    if (/^(tags|categories)\/[^/]+\/index\.html$/.test(file)) t.is(feeds.length, 2, `${file} links its term feed too`);
  }
  const post = await read("it/Личный-vps/index.html");
  t.true(
    post.includes('<time datetime="2016-03-10T14:30:00+03:00">10 марта 2016</time>'),
    "Date with a time, in the site zone",
  );
  t.true(post.includes('<h2 id="rezervnye-kopii">Резервные копии</h2>'), "Cyrillic headings get ids");
  t.true((await read("archive/index.html")).includes("<h2>июль 2015</h2>"), "nominative month headings");
});

test("every page loads cleanly, and every internal link, image and anchor resolves", async (t) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const tab = await openTab(context);
  const files = await htmlFiles(output);
  const home = `${server.origin}/`;
  const queue = [home];
  const seen = new Set(queue);
  const reachable = new Set<string>();
  const idsByPage = new Map<string, Set<string>>();
  const linkSources = new Map<string, string>(); // link or resource → the first page that uses it
  const resources = new Set<string>();
  const problems: string[] = [];
  const key = (url: string) => {
    const parsed = new URL(url);
    parsed.hash = "";
    return parsed.href;
  };

  // Crawl from the home page first (so we learn which pages are reachable), then every other HTML file of the output.
  const crawl = async (url: string, fromHome: boolean) => {
    const { problems: pageProblems, status } = await tab.visit(url);
    if (status !== 200)
      pageProblems.push(
        `status ${status}${linkSources.has(url) ? ` (linked from ${decodeURI(new URL(linkSources.get(url)!).pathname)})` : ""}`,
      );
    problems.push(...pageProblems.map((problem) => `${decodeURI(new URL(url).pathname)}: ${problem}`));
    const local = (link: string) =>
      link.startsWith(`${SITE_URL}/`) ? server.origin + link.slice(SITE_URL.length) : link;
    const { links, resources: pageResources, ids } = await linksOf(tab.page);
    idsByPage.set(key(tab.page.url()), new Set(ids));
    for (const resource of pageResources.map(local)) {
      if (!resource.startsWith(server.origin)) continue;
      resources.add(resource);
      if (!linkSources.has(resource)) linkSources.set(resource, url);
    }
    for (const link of links.map(local)) {
      if (!link.startsWith(server.origin)) continue;
      if (!linkSources.has(link)) linkSources.set(link, url);
      const target = key(link);
      const isPage = !/\.(xml|css|svg|png|jpe?g|ico|txt|json)$/i.test(new URL(target).pathname);
      if (!isPage) resources.add(target);
      else if (fromHome && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  };
  while (queue.length) {
    const url = queue.shift()!;
    reachable.add(url);
    await crawl(url, true);
  }
  const orphans: string[] = [];
  for (const file of files) {
    const url = urlOfFile(file);
    if (reachable.has(url)) continue;
    const html = await readFile(path.join(output, file), "utf8");
    if (isRedirectPage(html)) {
      // A redirect page (an alias) sends the browser to the absolute URL on the real site: check its target here.
      const target = redirectTarget(html);
      const response = await fetch(
        target.startsWith(`${SITE_URL}/`) ? server.origin + target.slice(SITE_URL.length) : target,
        { redirect: "manual" },
      );
      if (response.status !== 200) problems.push(`${file}: redirects to ${target}, HTTP ${response.status}`);
      continue;
    }
    await crawl(url, false);
    // The 404 page is not meant to be linked.
    if (file !== "404.html") orphans.push(file);
  }

  // Targets of links that were not loaded in the crawl (feeds, links from orphans), and every image and stylesheet.
  const targets = new Set([...[...linkSources.keys()].map(key), ...resources]);
  for (const target of targets) {
    if (idsByPage.has(target)) continue;
    const response = await fetch(target, { redirect: "manual" });
    if (response.status !== 200)
      problems.push(
        `${decodeURI(new URL(target).pathname)}: HTTP ${response.status} (used by ${decodeURI(new URL(linkSources.get(target) ?? target).pathname)})`,
      );
  }
  // Links to a heading (`/post/…/#rezervnye-kopii`) need that id on the target page.
  for (const [link, source] of linkSources) {
    const hash = decodeURIComponent(new URL(link).hash.slice(1));
    const ids = idsByPage.get(key(link));
    if (hash && ids && !ids.has(hash))
      problems.push(
        `${decodeURI(new URL(source).pathname)}: link to #${hash} on ${decodeURI(new URL(link).pathname)}, which has no such id`,
      );
  }
  await context.close();

  t.log(
    `${idsByPage.size} pages loaded (${reachable.size} reachable from the home page), ${targets.size} link and resource targets checked`,
  );
  t.deepEqual(problems, []);
  t.deepEqual(orphans, [], "every page is reachable from the home page");
  t.true(
    reachable.has(urlOfFile("post/2017/03/22/zametka-na-polyakh-restic-vmesto-samopisnogo-skripta/index.html")),
    "the List: local post is reachable through its term pages",
  );
});

test("a missing page gets the 404 page with status 404", async (t) => {
  const response = await fetch(`${server.origin}/${encodeURIComponent("нет-такой-страницы")}/`);
  t.is(response.status, 404);
  t.true((await response.text()).includes("Страница не найдена"));
});

test("axe finds no serious or critical problems, in light and dark themes, at desktop and phone widths", async (t) => {
  const failures: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, colorScheme });
      const { page, visit } = await openTab(context);
      for (const [name, pathname] of Object.entries(KEY_PAGES)) {
        await visit(server.origin + encodeURI(pathname));
        await page.addScriptTag({ path: AXE });
        const violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] =
          await page.evaluate(async () => (await window.axe.run()).violations);
        for (const violation of violations) {
          const line = `${name} (${colorScheme}, ${width}): ${violation.id} [${violation.impact}] ${violation.help} — ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join(", ")}`;
          if (violation.impact === "serious" || violation.impact === "critical") failures.push(line);
          else t.log(line);
        }
      }
      await context.close();
    }
  }
  t.deepEqual(failures, []);
});

test("key pages fit a phone screen and are photographed at desktop and phone widths", async (t) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const overflowing: string[] = [];
  const written: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, colorScheme });
      const { page, visit } = await openTab(context);
      for (const [name, pathname] of Object.entries(KEY_PAGES)) {
        const { problems } = await visit(server.origin + encodeURI(pathname));
        t.deepEqual(problems, [], `${pathname} loads cleanly`);
        const scrollWidth: number = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > viewport.width) overflowing.push(`${name} (${width}): ${scrollWidth}px wide`);
        const file = path.join(SCREENSHOTS, `${name}-${width}${colorScheme === "dark" ? "-dark" : ""}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
      await context.close();
    }
  }
  t.log(`${written.length} screenshots in ${SCREENSHOTS}`);
  t.deepEqual(overflowing, [], "no page scrolls sideways");
});

test("Aliases: an old path of a post redirects to it", async (t) => {
  const response = await fetch(`${server.origin}/blog/pereezd-s-pelican/`);
  t.is(response.status, 200);
  t.is(redirectTarget(await response.text()), `${SITE_URL}/post/2017/04/18/pereezd-s-pelican/`);
});

test("feedLinks: later pages of a term link the term's feed too", async (t) => {
  const html = await readFile(path.join(output, "tags/linux/page/2/index.html"), "utf8");
  t.true(html.includes('href="https://example.ru/tags/linux/feed.xml"'));
});

test("a feed opened in the browser is the bundled stylesheet's page: in Russian, how to subscribe, every entry", async (t) => {
  const xml = await readFile(path.join(output, "feed.xml"), "utf8");
  const titles = [
    ...xml.matchAll(/<entry(?: xml:lang="[^"]*")?>[\s\S]*?<title type="html"><!\[CDATA\[([^\]]*)\]\]><\/title>/g),
  ].map((match) => parse(match[1]!).textContent);
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const { page, visit } = await openTab(context);
  const { problems, status } = await visit(`${server.origin}/feed.xml`);
  t.is(status, 200);
  // Chromium asks for /favicon.ico, which the example does not have, for a page without an icon link, and its
  // XSLT loader does not report the stylesheet's request as finished: neither is a fault of the feed.
  const favicon = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)";
  t.deepEqual(
    problems.filter((problem) => problem !== favicon && !problem.endsWith("/feed.xsl")),
    [],
  );
  const shown: { lang: string; heading: string; subscribe: string; entries: string[]; width: number } =
    await page.evaluate(() => ({
      lang: document.documentElement.lang,
      heading: document.querySelector("h1")?.textContent ?? "",
      subscribe: document.querySelector(".subscribe")?.textContent ?? "",
      entries: Array.from(document.querySelectorAll("main ol li > a"), (link: any) => String(link.textContent)),
      width: document.documentElement.scrollWidth,
    }));
  t.is(shown.lang, "ru");
  t.is(shown.heading, "Заметки о разном");
  t.regex(
    shown.subscribe.replace(/\s+/g, " "),
    /Как подписаться.*скопируйте в неё адрес этой страницы: https:\/\/example\.ru\/feed\.xml/,
  );
  t.true(titles.length > 0);
  t.deepEqual(shown.entries, titles);
  t.true(shown.width <= VIEWPORTS.phone.width, "fits a phone screen");
  await page.addScriptTag({ path: AXE });
  // Chromium puts a banner of its own above a page made by XSLT (it is phasing XSLT out); that is not the page.
  const violations: { id: string; impact: string | null }[] = await page.evaluate(
    async () => (await window.axe.run({ exclude: [["xslt-warning-banner"]] })).violations,
  );
  t.deepEqual(
    violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => violation.id),
    [],
  );
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "feed-phone.png"), fullPage: true });
  await context.close();
});

test.after(() => {
  // Shown with `ava --verbose`: the cost of the browser test as a whole (build, server, chromium, every check).
  console.log(`example-site browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
