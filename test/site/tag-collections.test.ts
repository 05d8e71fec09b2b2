import test from "ava";
import { eleventyTagNames, itemsByTag } from "../../src/site/tag-collections.js";

test("eleventyTagNames: a list or a comma-separated string, each tag once and as text, never all", (t) => {
  t.deepEqual(eleventyTagNames({ tags: ["Zsh", "Vim", "Zsh"] }), ["Zsh", "Vim"]);
  t.deepEqual(eleventyTagNames({ tags: "Zsh,Vim" }), ["Zsh", "Vim"]);
  t.deepEqual(eleventyTagNames({ tags: [2015, "2015", "all"] }), ["2015"]);
  t.deepEqual(eleventyTagNames({}), []);
  t.deepEqual(eleventyTagNames({ tags: "" }), []);
});

test("eleventyTagNames: eleventyExcludeFromCollections leaves out the tags it names, or all of them", (t) => {
  t.deepEqual(eleventyTagNames({ tags: ["Zsh", "Vim"], eleventyExcludeFromCollections: ["Vim"] }), ["Zsh"]);
  t.deepEqual(eleventyTagNames({ tags: ["Zsh", "Vim"], eleventyExcludeFromCollections: "Zsh" }), ["Vim"]);
  t.deepEqual(eleventyTagNames({ tags: ["Zsh"], eleventyExcludeFromCollections: true }), []);
  t.deepEqual(eleventyTagNames({ tags: ["Zsh"], eleventyExcludeFromCollections: false }), ["Zsh"]);
});

test("itemsByTag: each tag's items in the order given, each item once per tag", (t) => {
  const first = { data: { tags: ["Zsh", "Vim"] } };
  const second = { data: { tags: "Vim" } };
  const third = { data: { tags: ["Zsh", "Zsh"], eleventyExcludeFromCollections: ["Vim"] } };
  const hidden = { data: { tags: ["Zsh"], eleventyExcludeFromCollections: true } };
  const byTag = itemsByTag([first, second, third, hidden]);
  t.deepEqual([...byTag.keys()], ["Zsh", "Vim"]);
  t.deepEqual(byTag.get("Zsh"), [first, third]);
  t.deepEqual(byTag.get("Vim"), [first, second]);
});
