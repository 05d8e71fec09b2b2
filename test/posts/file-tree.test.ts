import test from "ava";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listFiles } from "../../src/posts/file-tree.js";

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), "file-tree-"));
  for (const file of ["a.md", "posts/2020/b.md", "posts/.hidden/c.md", "node_modules/x/d.js"]) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "");
  }
  symlinkSync(path.join(root, "posts"), path.join(root, "linked"));
  symlinkSync(root, path.join(root, "posts", "loop"));
  symlinkSync(path.join(root, "missing.md"), path.join(root, "dangling.md"));
  return root;
}

test("every file, /-separated; links are followed and each real folder is walked once; a dangling link is no file", (t) => {
  const files = listFiles(tree()).sort();
  t.true(files.includes("a.md"));
  t.true(files.includes("posts/2020/b.md"));
  t.false(files.includes("dangling.md"));
  // `posts` is reached once, through itself or through the link to it, never again through the loop.
  t.is(files.filter((file) => file.endsWith("/2020/b.md")).length, 1);
  t.is(files.filter((file) => file.endsWith("a.md")).length, 1);
});

test("skipFolder leaves a folder out with everything under it", (t) => {
  const files = listFiles(tree(), {
    skipFolder: (name) => name.startsWith(".") || name === "node_modules" || name === "linked",
  });
  t.deepEqual(files.sort(), ["a.md", "posts/2020/b.md"]);
});

test("a missing root holds no file", (t) => {
  t.deepEqual(listFiles(path.join(tmpdir(), "no-such-folder-file-tree")), []);
});

test("a link out of the tree (a system file, the filesystem's root) is not followed, and is named", (t) => {
  const root = tree();
  symlinkSync("/etc/hostname", path.join(root, "posts", "hostname"));
  symlinkSync("/", path.join(root, "posts", "everything"));
  const outside: [string, string][] = [];
  const files = listFiles(path.join(root, "posts"), { outside: (file, target) => outside.push([file, target]) });
  t.false(files.includes("hostname"));
  t.false(files.some((file) => file.startsWith("everything/")));
  t.deepEqual(outside.map(([file]) => file).sort(), ["everything", "hostname", "loop"]);
  t.true(outside.some(([, target]) => target === "/"));
});

test("with `within`, a link may lead anywhere inside that folder", (t) => {
  const root = tree();
  const files = listFiles(path.join(root, "posts"), { within: root });
  t.true(files.includes("loop/a.md"));
});
