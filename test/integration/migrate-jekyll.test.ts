/**
 * `ru-blog migrate` on a Jekyll blog (test/fixtures/jekyll-migrate/blog: Russian posts under `_posts/` and a category
 * folder's, `redirect_from`, jekyll-feed, jekyll-sitemap, jekyll-paginate, `{% post_url %}`, `{% raw %}`, kramdown's
 * `{: .info}`, `#fragment` links to headings, a hand-written RSS feed, a static image and favicon), against what
 * Debian's Jekyll 4.3 wrote for it (old-build/, recorded by record.sh there): with no edit, the written site builds,
 * serves every old URL and file but the theme's pages the report names, and every link in it leads somewhere.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { checkLinks, checkUrls } from "../../src/cli/check-urls.js";
import { buildNewSite, migrate, themePageGlobs, type MigrateArgs } from "../../src/cli/migrate/command.js";
import { planMigration } from "../../src/cli/migrate/plan.js";
import { REPO } from "../helpers/fixture-build.js";
import { scratchFolders } from "../helpers/scratch.js";

const BLOG = path.join(REPO, "test/fixtures/jekyll-migrate/blog");
const OLD_BUILD = path.join(REPO, "test/fixtures/jekyll-migrate/old-build");

const scratch = scratchFolders("ru-blog-migrate-jekyll-");

async function runMigrate(args: MigrateArgs): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await migrate(args, { out: (line) => out.push(`${line}\n`), err: (line) => err.push(`${line}\n`) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

test("a Jekyll blog moved with no edit: it builds, serves every old URL, redirect, feed and file, and its links work", async (t) => {
  const site = path.join(await scratch(), "new");
  const run = await runMigrate({ oldBlog: BLOG, newSite: site, oldBuild: OLD_BUILD });
  t.is(run.code, 0, run.stdout + run.stderr);
  t.regex(
    run.stdout,
    /Posts: 5 found by the posts glob \*\*\/\{_posts,_drafts\}\/\*\*\/\*\.\{md,markdown\} \(4 in _posts\/, 1 in linux\/_posts\/\)/,
  );
  t.regex(run.stdout, /All 17 old URLs are served by the new build\./);
  t.regex(run.stdout, /Every internal link leads to a file of the new build\./);

  // The same checks as `check-urls --all` and `check-urls --links`, run here on their own.
  const plan = planMigration(BLOG);
  const built = path.join(site, "_site");
  const urls = checkUrls(OLD_BUILD, built, { ignore: themePageGlobs(plan.themePages), all: true });
  t.deepEqual(urls.broken, []);
  t.deepEqual(
    themePageGlobs(plan.themePages).sort(),
    ["404*.html", "about/**", "redirects*.json", "robots*.txt"],
    "only the theme's pages and the plugins' lists are left to the user",
  );
  t.deepEqual(checkLinks(built, { siteUrl: "https://example.ru" }).problems, []);

  const read = (file: string) => readFile(path.join(built, file), "utf8");
  const first = await read("2016/03/21/Привет-мир.html");
  t.regex(first, /<p class="info">Этот блог собран Jekyll, а теперь Eleventy\.<\/p>/);
  t.regex(first, /href="\/linux\/2017\/05\/02\/zvuk-v-linux\.html"/);
  t.true(first.includes(`href="/linux/shell/2018/01/15/konsol.html#${encodeURIComponent("настройка-zsh")}"`));
  t.regex(await read("linux/shell/2018/01/15/konsol.html"), /<h2 id="настройка-zsh"/);
  const sound = await read("linux/2017/05/02/zvuk-v-linux.html");
  t.regex(sound, /<h2 id="итоги"[^>]*>/);
  t.regex(sound, /<p class="warning">/);
  t.regex(sound, /\{% for post in site\.posts %\}/, "the {% raw %} Liquid is shown as code");
  for (const redirect of ["2016/hello.html", "privet/index.html", "shell.html"])
    t.regex(await read(redirect), /http-equiv="refresh"/, redirect);
  // jekyll-feed's entry ids, and the hand-written RSS feed's path serving the Atom feed.
  const ids = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((match) => match[1]);
  t.deepEqual(ids(await read("feed.xml")), ids(await readFile(path.join(OLD_BUILD, "feed.xml"), "utf8")));
  t.regex(await read("rss.xml"), /<feed/);
  t.regex(await read("page3/index.html"), /Привет, мир/, "jekyll-paginate's later home pages, 2 posts a page");
  for (const own of ["eleventy.config.js", "_config.yml"])
    t.is(await read(own).catch(() => undefined), undefined, `${own} is not published`);
});

test("the report: what each setting became, the timezone asked for when unset, what is not carried", async (t) => {
  const root = await scratch();
  const blog = path.join(root, "blog");
  await cp(BLOG, blog, { recursive: true });
  const config = await readFile(path.join(blog, "_config.yml"), "utf8");
  await writeFile(path.join(blog, "_config.yml"), config.replace(/^timezone: .*\n/m, ""));
  const run = await runMigrate({ oldBlog: blog, newSite: path.join(root, "new") });
  t.is(run.code, 0, run.stdout + run.stderr);
  for (const line of [
    '  url = "https://example.ru" → siteUrl: "https://example.ru"',
    '  title = "Заметки о Linux" → title: "Заметки о Linux"',
    '  lang = "ru" → language: "ru"',
    '  permalink = "/:categories/:year/:month/:day/:title.html" → read by the plugin from the copied _config.yml: every post keeps its URL',
    "  paginate = 2 → the starter's home page, 2 posts a page, page 2 at /page2/",
    "  feed.posts_limit = 20 → feeds.limit: 20",
  ])
    t.true(run.stdout.includes(`${line}\n`), line);
  t.regex(run.stdout, /timezone: unset: Jekyll read the dates without a zone in the build machine's zone/);
  t.regex(run.stdout, /hand-written feeds: rss\.xml \(\/rss\.xml\)/);
  t.regex(run.stdout, /_layouts\/: the theme's layouts \(default, long-post, post\) are not carried/);
  t.regex(run.stdout, /\/about\/ \(the page about\.md\)/);
  const written = await readFile(path.join(root, "new/eleventy.config.js"), "utf8");
  t.regex(written, /from: "jekyll"/);
  t.regex(written, /all: "\/rss\.xml", \/\/ the hand-written feed rss\.xml/);
  t.notRegex(written, /timezone:/);
  // It builds as written, and its own eleventy.config.js (beside the posts, in the blog's folder) is no stranger.
  const build = await buildNewSite(path.join(root, "new"));
  t.true(build.ok, build.log);
  t.notRegex(build.log, /holds code that Eleventy runs/);
});
