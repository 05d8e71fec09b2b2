import test from "ava";
import { load, CORE_SCHEMA } from "js-yaml";
import { assertBoundedExpansion, dropPrototypeKeys, MAX_EXPANDED_SIZE } from "../../src/posts/front-matter-guards.js";

const LAUGHS =
  'Tags: [&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"], ' +
  "bcdefghi"
    .split("")
    .map((name, index) => `&${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(",")}]`)
    .join(", ") +
  "]";

test("the billion laughs is refused naming its key, without expanding it", (t) => {
  const data = load(`Title: A\n${LAUGHS}`, { schema: CORE_SCHEMA }) as Record<string, unknown>;
  const error = t.throws(() => assertBoundedExpansion(data, "posts/a.md", LAUGHS.length));
  t.is(
    error?.message,
    `[ru-blog] posts/a.md, key "Tags": the front matter's YAML aliases (*name) expand to more than 1,000,000 characters; write the value out without aliases.`,
  );
});

test("aliases that stay small, and long values without aliases, are fine", (t) => {
  const data = load("base: &b {List: local}\nBuild: *b\nTags: &t [a, b]\nCategories: *t", { schema: CORE_SCHEMA });
  t.notThrows(() => assertBoundedExpansion(data as Record<string, unknown>, "posts/a.md", 60));
  const long = { Summary: "я".repeat(3 * MAX_EXPANDED_SIZE) };
  t.notThrows(() => assertBoundedExpansion(long, "posts/a.md", long.Summary.length + 9));
});

test("the sum over keys counts: many keys each under the limit are refused naming the largest", (t) => {
  const value = "x".repeat(MAX_EXPANDED_SIZE / 4);
  const data = { A: [value], B: [value, value], C: [value], D: [value] };
  t.is(
    t.throws(() => assertBoundedExpansion(data, "posts/a.md", 100))?.message,
    `[ru-blog] posts/a.md, key "B": the front matter's YAML aliases (*name) expand to more than 1,000,000 characters; write the value out without aliases.`,
  );
});

test("a value containing itself is refused naming its key", (t) => {
  const data = load("Title: A\nTags: &t [x, *t]", { schema: CORE_SCHEMA }) as Record<string, unknown>;
  t.is(
    t.throws(() => assertBoundedExpansion(data, "posts/a.md", 30))?.message,
    '[ru-blog] posts/a.md, key "Tags": the value contains itself through a YAML alias (*name); write it out without the alias.',
  );
});

test("__proto__ and constructor keys are dropped at any depth, each with a warning", (t) => {
  const data = load(
    "Title: A\n__proto__: {permalink: /x/}\nextra: {constructor: 1, ok: 2}\nlist: [{override:__proto__: 1}]",
    {
      schema: CORE_SCHEMA,
    },
  ) as Record<string, unknown>;
  const warnings: string[] = [];
  const kept = dropPrototypeKeys(data, "posts/a.md", (message) => warnings.push(message));
  t.deepEqual(JSON.parse(JSON.stringify(kept)), { Title: "A", extra: { ok: 2 }, list: [{}] });
  t.is(Object.getPrototypeOf(kept), Object.prototype);
  t.deepEqual(
    warnings.map((warning) => warning.slice(0, warning.indexOf(" is ignored"))),
    [
      'posts/a.md: the key "__proto__"',
      'posts/a.md: the key "extra.constructor"',
      'posts/a.md: the key "list.0.override:__proto__"',
    ],
  );
});
