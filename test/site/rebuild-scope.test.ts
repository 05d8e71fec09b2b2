import test from "ava";
import { listsFingerprint, rebuildScope, rendersPageListing, type ListedPost } from "../../src/site/rebuild-scope.js";

const post = (file: string, title = "Заметка", tags = ["Zsh"]): ListedPost => ({
  file,
  url: `/${file}/`,
  title,
  date: Date.UTC(2015, 0, 1),
  tags,
  categories: [],
  listing: "always",
});
const term = { kind: "tag", name: "Zsh", url: "/tags/zsh/", count: 2 };
const fingerprint = (posts: ListedPost[], terms = [term]) => listsFingerprint(posts, terms, [], ["/tags/zsh/"]);
const isPost = (file: string) => file.startsWith("posts/");

test("a saved post that leaves the lists as they were renders only the pages that list it", (t) => {
  const lists = fingerprint([post("posts/a.md"), post("posts/b.md")]);
  const scope = rebuildScope(lists, lists, ["posts/a.md"], isPost);
  t.true(rendersPageListing(scope, ["posts/b.md", "posts/a.md"]));
  t.false(rendersPageListing(scope, ["posts/b.md"]));
  t.false(rendersPageListing(scope, []));
});

test("a new title, new tags, a new term count, an added or a deleted post render every page", (t) => {
  const before = fingerprint([post("posts/a.md"), post("posts/b.md")]);
  for (const after of [
    fingerprint([post("posts/a.md", "Другая"), post("posts/b.md")]),
    fingerprint([post("posts/a.md", "Заметка", ["Vim"]), post("posts/b.md")]),
    fingerprint([post("posts/a.md"), post("posts/b.md")], [{ ...term, count: 3 }]),
    fingerprint([post("posts/a.md"), post("posts/b.md"), post("posts/c.md")]),
    fingerprint([post("posts/a.md")]),
  ]) {
    t.true(rendersPageListing(rebuildScope(before, after, ["posts/a.md"], isPost), ["posts/b.md"]));
  }
});

test("a full build, the first build, and a saved file that is not a post render every page", (t) => {
  const lists = fingerprint([post("posts/a.md")]);
  t.deepEqual(rebuildScope(lists, lists, undefined, isPost), { all: true });
  t.deepEqual(rebuildScope(undefined, lists, ["posts/a.md"], isPost), { all: true });
  t.deepEqual(rebuildScope(lists, lists, ["_includes/term.njk"], isPost), { all: true });
  t.deepEqual(rebuildScope(lists, lists, ["posts/a.md", "_data/site.json"], isPost), { all: true });
  t.deepEqual(rebuildScope(lists, lists, [], isPost), { all: true });
});

test("the order Eleventy hands the pages over in does not count", (t) => {
  t.is(fingerprint([post("posts/a.md"), post("posts/b.md")]), fingerprint([post("posts/b.md"), post("posts/a.md")]));
});
