import test from "ava";
import { join } from "node:path";
import { MigrateError, planMigration } from "../../src/migrate/plan.js";
import { blogFolder } from "./blog-folder.js";

test("a folder with no recognisable config: exit code 2, naming what was looked for", (t) => {
  const dir = blogFolder({ "content/posts/a.md": "# A\n", "README.md": "" });
  const error = t.throws(() => planMigration(dir), { instanceOf: MigrateError });
  t.is(error?.exitCode, 2);
  t.is(
    error?.message,
    `${dir} has no Pelican or Hugo config: looked for pelicanconf.py, publishconf.py, hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, config.yml, config.json, config/_default/. Give the folder the old blog was built in.`,
  );
});

test("a folder that does not exist says so", (t) => {
  const dir = join(blogFolder({}), "nowhere");
  t.throws(() => planMigration(dir), {
    instanceOf: MigrateError,
    message: `${dir} does not exist; give the old blog's folder.`,
  });
});

test("a config with a syntax error: exit code 2, naming the file and the line", (t) => {
  const pelican = t.throws(
    () =>
      planMigration(
        blogFolder({
          "pelicanconf.py": "SITEURL = 'x'\n",
          "publishconf.py": "from pelicanconf import *\nSITEURL = ('https://example.ru'\n",
        }),
      ),
    { instanceOf: MigrateError },
  );
  t.is(pelican?.exitCode, 2);
  t.is(
    pelican?.message,
    'publishconf.py, line 2: the "(" opened here is never closed; Pelican cannot read it either. Fix it, then run migrate again.',
  );
  t.throws(() => planMigration(blogFolder({ "config/_default/menus.yaml": "main:\n  - name: x\n   url: /\n" })), {
    instanceOf: MigrateError,
    message: /^config\/_default\/menus\.yaml, line 3: /,
  });
});

test("Pelican's settings files are taken before a Hugo config in the same folder", (t) => {
  const migration = planMigration(
    blogFolder({ "pelicanconf.py": "SITEURL = 'https://example.ru'\n", "config.toml": "" }),
  );
  t.is(migration.generator, "pelican");
});
