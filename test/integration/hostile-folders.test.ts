/**
 * Issue 30: a received blog must publish only its content. Links out of the site's folder, the site's own files
 * beside posts at the input root, and code Eleventy would run, each built by the plugin in a temporary site (the
 * links are made by the test: a fixture folder cannot hold them portably).
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { buildSiteIn, captureWarnings, writeSite } from "../helpers/site.js";

const QUIET = { feeds: false, tagPages: false, categoryPages: false } as const;
const post = (title: string, body = "Текст.") => `---\ntitle: ${title}\ndate: 2020-01-05\n---\n${body}\n`;

test.serial(
  "links out of the site in a posts folder and a bundle are not published; each is named in a warning",
  async (t) => {
    const root = await writeSite({
      "posts/a.md": post("А", "![](img/a.png)"),
      "posts/img/a.png": "PNG",
      "posts/trip/index.md": post("Поездка"),
      "posts/trip/cover.jpg": "JPG",
      "shared/logo.png": "LOGO",
    });
    const src = path.join(root, "src");
    await symlink("/etc/passwd", path.join(src, "posts/img/passwd"));
    await symlink("/etc/hostname", path.join(src, "posts/hostname"));
    await symlink("/", path.join(src, "posts/trip/everything"));
    await symlink("../../shared/logo.png", path.join(src, "posts/img/logo.png"));
    const { result: site, error, warnings } = await captureWarnings(() => buildSiteIn(root, QUIET));
    t.is(error, undefined);
    t.is(await site!.read("img/a.png"), "PNG");
    t.is(await site!.read("img/logo.png"), "LOGO", "a link inside the site's folder is followed");
    t.is(await site!.read("posts/poezdka/cover.jpg"), "JPG");
    t.false(await site!.exists("img/passwd"));
    t.false(await site!.exists("hostname"));
    t.false(await site!.exists("posts/poezdka/everything"));
    t.deepEqual(warnings.sort(), [
      "[ru-blog] warning: posts/hostname is a link to /etc/hostname, outside the site's folder: it is not copied (copy the file itself into the posts folder if it belongs to the site)",
      "[ru-blog] warning: posts/img/passwd is a link to /etc/passwd, outside the site's folder: it is not copied (copy the file itself into the posts folder if it belongs to the site)",
      "[ru-blog] warning: posts/trip/everything is a link to /, outside the site's folder: it is not copied (copy the file itself into the posts folder if it belongs to the site)",
    ]);
  },
);

test.serial(
  "posts in the input folder itself: the site's package.json, lock file and Eleventy config are not published",
  async (t) => {
    const root = await writeSite({
      "a.md": post("А"),
      "photo.jpg": "JPG",
      "package.json": '{"name": "secret"}',
      "package-lock.json": "{}",
      "eleventy.config.js": "export default () => {};",
    });
    const { result: site, error } = await captureWarnings(() => buildSiteIn(root, { ...QUIET, posts: "**/*.md" }));
    t.is(error, undefined);
    t.is(await site!.read("photo.jpg"), "JPG");
    for (const file of ["package.json", "package-lock.json", "eleventy.config.js"])
      t.false(await site!.exists(file), file);
  },
);

test.serial("with from, a posts folder holding code Eleventy runs gets one warning naming each file", async (t) => {
  const root = await writeSite({
    "posts/a.md": post("А"),
    "posts/posts.11tydata.js": "export default {};",
    "posts/2020/feed.11ty.js": 'export default { data: { permalink: false }, render: () => "" };',
  });
  await mkdir(path.join(root, "src/posts/2021"), { recursive: true });
  await writeFile(path.join(root, "src/posts/2021/b.md"), post("Б"));
  const migrated = await captureWarnings(() => buildSiteIn(root, { ...QUIET, from: "hugo", sitemap: false }));
  t.is(migrated.error, undefined);
  t.deepEqual(migrated.warnings, [
    "[ru-blog] warning: the posts folder holds code that Eleventy runs on every build, which the hugo blog never ran: posts/2020/feed.11ty.js, posts/posts.11tydata.js; delete each unless you wrote it for this site",
  ]);
  const own = await captureWarnings(() => buildSiteIn(root, QUIET));
  t.deepEqual(own.warnings, [], "a site of Eleventy's own keeps its data files without a word");
});

test.serial(
  "with from and a posts glob from the input's top, the site's own config is not named as the old blog's code",
  async (t) => {
    const root = await writeSite({
      "content/a.md": post("А"),
      "content-ru/b.md": post("Б"),
      "content-ru/b.11tydata.js": "export default {};",
      "eleventy.config.js": "export default () => {};",
    });
    const { warnings, error } = await captureWarnings(() =>
      buildSiteIn(root, { ...QUIET, from: "hugo", sitemap: false, posts: "{content,content-ru}/**/*.md" }),
    );
    t.is(error, undefined);
    t.deepEqual(warnings, [
      "[ru-blog] warning: the posts folder holds code that Eleventy runs on every build, which the hugo blog never ran: content-ru/b.11tydata.js; delete each unless you wrote it for this site",
    ]);
  },
);
