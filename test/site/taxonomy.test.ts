import test from "ava";
import { InvalidValueError } from "../../src/errors.js";
import {
  buildTerms,
  compareTermNames,
  fillPattern,
  paginateTerm,
  termKey,
  termPageUrl,
  type BuildTermsOptions,
  type Term,
  type TermSource,
} from "../../src/site/taxonomy.js";

/** Stand-in for src/slugs.ts: keeps letters and digits of any script, everything else becomes `-`. */
const simpleSlug = (name: string) =>
  name
    .toLocaleLowerCase("ru")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");

const tagOptions: BuildTermsOptions = {
  slugify: simpleSlug,
  pagePattern: "/tags/:slug/",
  feedPattern: "/tags/:slug/feed.xml",
  kind: "tag",
};

let sourceCounter = 0;
/** A post named by its inputPath; dates are days since the epoch to keep the tests readable. */
function source(names: string[], day = 0, inputPath = `post-${++sourceCounter}.md`): TermSource<string> {
  return { post: inputPath, names, date: day * 86_400_000, inputPath };
}

function termNamed(terms: Term<string>[], name: string): Term<string> {
  const term = terms.find((candidate) => candidate.name === name);
  if (term === undefined) throw new Error(`no term ${name}`);
  return term;
}

// fillPattern

test("fillPattern replaces :slug", (t) => {
  t.is(fillPattern("/tags/:slug/", "mnenie"), "/tags/mnenie/");
  t.is(fillPattern("/tag/:slug.html", "mnenie"), "/tag/mnenie.html");
});

test("fillPattern replaces Pelican's {slug} and every occurrence", (t) => {
  t.is(fillPattern("/tag/{slug}.html", "mnenie"), "/tag/mnenie.html");
  t.is(fillPattern("/:slug/:slug.xml", "a"), "/a/a.xml");
});

test("fillPattern takes a slug with $ literally", (t) => {
  t.is(fillPattern("/tags/:slug/", "$&-$1"), "/tags/$&-$1/");
});

// termKey

test("termKey ignores case, surrounding and repeated whitespace, and normalisation form", (t) => {
  t.is(termKey(" Vim "), "vim");
  t.is(termKey("Emacs\u00a0  Lisp"), "emacs lisp");
  t.is(termKey("ЁЛКА"), "ёлка");
  t.is(termKey("и\u0306"), "й");
});

// compareTermNames

test("compareTermNames puts Ё beside Е", (t) => {
  t.deepEqual(["Ель", "Ёлка", "Ж", "Елка", "Дом"].sort(compareTermNames), ["Дом", "Елка", "Ёлка", "Ель", "Ж"]);
});

test("compareTermNames ignores case before anything else", (t) => {
  t.deepEqual(["b", "B", "a", "A", "Б", "а"].sort(compareTermNames), ["а", "Б", "a", "A", "b", "B"]);
});

test("compareTermNames: punctuation, digits, Cyrillic, then Latin", (t) => {
  t.deepEqual(["Zsh", "apple", "Ядро", "42", "#meta", "абв"].sort(compareTermNames), [
    "#meta",
    "42",
    "абв",
    "Ядро",
    "apple",
    "Zsh",
  ]);
});

test("compareTermNames is total: only identical strings compare equal", (t) => {
  const composed = "й";
  const decomposed = "и\u0306";
  t.is(compareTermNames("Vim", "Vim"), 0);
  t.not(compareTermNames(composed, decomposed), 0);
  t.is(Math.sign(compareTermNames(composed, decomposed)), -Math.sign(compareTermNames(decomposed, composed)));
});

// Grouping

test("names differing in case or surrounding whitespace are one term", (t) => {
  const { terms } = buildTerms([source(["Zsh", " Vim "]), source(["zsh", "vim"]), source(["ZSH"])], tagOptions);
  t.deepEqual(
    terms.map(({ name, count }) => ({ name, count })),
    [
      { name: "Vim", count: 2 },
      { name: "Zsh", count: 3 },
    ],
  );
});

test("inner whitespace runs collapse to one space", (t) => {
  const { terms } = buildTerms(
    [source(["Emacs  Lisp"]), source(["emacs\u00a0lisp"]), source(["Emacs Lisp"])],
    tagOptions,
  );
  t.deepEqual(
    terms.map(({ name, count }) => ({ name, count })),
    [{ name: "Emacs Lisp", count: 3 }],
  );
});

test("the display name is the most common spelling", (t) => {
  const { terms } = buildTerms([source(["zsh"]), source(["Zsh"]), source(["Zsh"])], tagOptions);
  t.is(terms[0]?.name, "Zsh");
});

test("termName firstFile: the spelling of the post whose path sorts first without case, its last one (Hugo 0.111)", (t) => {
  // As real Hugo 0.111 named /tags/linux/: a-b.md before a.md ("-" < "."), a.md before B.md (paths lower-cased),
  // and of a post's two spellings the last.
  const first = (...sources: TermSource<string>[]) =>
    buildTerms(sources, { ...tagOptions, termName: "firstFile" }).terms[0]?.name;
  t.is(
    first(source(["Linux"], 0, "posts/z.md"), source(["LINUX"], 9, "posts/a-b.md"), source(["linux"], 0, "posts/a.md")),
    "LINUX",
  );
  t.is(first(source(["LiNuX"], 0, "posts/B.md"), source(["lInux"], 0, "posts/a.md")), "lInux");
  t.is(first(source(["LiNuX", "lInux"], 0, "posts/a.md"), source(["linux", "linux"], 0, "posts/b.md")), "lInux");
  // Inside each content folder: content/posts/a.ru.md before content-ru/posts/b.md by their paths there.
  t.is(
    first(
      { ...source(["Linux"], 0, "content-ru/posts/b.md"), contentPath: "posts/b.md" },
      { ...source(["linux"], 0, "content/posts/a.ru.md"), contentPath: "posts/a.ru.md" },
    ),
    "linux",
  );
});

test("on a tie the spelling seen first is the display name", (t) => {
  t.is(buildTerms([source(["zsh"]), source(["Zsh"])], tagOptions).terms[0]?.name, "zsh");
  t.is(buildTerms([source(["Zsh"]), source(["zsh"])], tagOptions).terms[0]?.name, "Zsh");
});

test("a post naming a term twice counts once", (t) => {
  const { terms } = buildTerms([source(["Zsh", "zsh", " ZSH"], 1, "a.md")], tagOptions);
  t.is(terms[0]?.count, 1);
  t.deepEqual(terms[0]?.posts, ["a.md"]);
});

test("empty and whitespace-only names are skipped", (t) => {
  const { terms, warnings } = buildTerms([source(["", "  ", "\u00a0", "Vim"])], tagOptions);
  t.deepEqual(
    terms.map((term) => term.name),
    ["Vim"],
  );
  t.deepEqual(warnings, []);
});

// Count and post order

test("posts are newest first, same dates ordered by inputPath", (t) => {
  const { terms } = buildTerms(
    [
      source(["Vim"], 1, "old.md"),
      source(["Vim"], 5, "b.md"),
      source(["Vim"], 9, "new.md"),
      source(["Vim"], 5, "a.md"),
    ],
    tagOptions,
  );
  t.is(terms[0]?.count, 4);
  t.deepEqual(terms[0]?.posts, ["new.md", "a.md", "b.md", "old.md"]);
});

// Slugs

test("slug and URLs come from slugify and the patterns", (t) => {
  const { terms } = buildTerms([source(["Мнение"], 1, "a.md")], tagOptions);
  t.deepEqual(terms, [
    {
      name: "Мнение",
      slug: "мнение",
      url: "/tags/мнение/",
      feedUrl: "/tags/мнение/feed.xml",
      count: 1,
      posts: ["a.md"],
    },
  ]);
});

test("URLs are undefined when pages or feeds are off", (t) => {
  const { terms } = buildTerms([source(["Vim"])], { ...tagOptions, pagePattern: false, feedPattern: false });
  t.is(terms[0]?.url, undefined);
  t.is(terms[0]?.feedUrl, undefined);
  t.is(terms[0]?.slug, "vim");
});

test("terms sharing a slug are told apart by key order, with a warning", (t) => {
  const { terms, warnings } = buildTerms([source(["C++"]), source(["C"])], tagOptions);
  t.deepEqual(
    terms.map(({ name, slug, url }) => ({ name, slug, url })),
    [
      { name: "C", slug: "c", url: "/tags/c/" },
      { name: "C++", slug: "c-2", url: "/tags/c-2/" },
    ],
  );
  t.deepEqual(warnings, ['tags "C" and "C++" both slug to "c"; "C" gets "c", "C++" gets "c-2"']);
});

test("disambiguation does not depend on the order of the posts", (t) => {
  const posts = [source(["Node.js"]), source(["node-js"]), source(["C++"]), source(["C"])];
  const forward = buildTerms(posts, tagOptions);
  const backward = buildTerms([...posts].reverse(), tagOptions);
  const slugs = (result: typeof forward) => result.terms.map(({ name, slug }) => `${name} ${slug}`);
  t.deepEqual(slugs(forward), ["C c", "C++ c-2", "node-js node-js", "Node.js node-js-2"]);
  t.deepEqual(slugs(backward), slugs(forward));
  t.deepEqual(backward.warnings, forward.warnings);
  t.deepEqual(forward.warnings, [
    'tags "C" and "C++" both slug to "c"; "C" gets "c", "C++" gets "c-2"',
    'tags "node-js" and "Node.js" both slug to "node-js"; "node-js" gets "node-js", "Node.js" gets "node-js-2"',
  ]);
});

test("a suffixed slug skips slugs other terms already have", (t) => {
  const { terms, warnings } = buildTerms([source(["C-2"]), source(["C++"]), source(["C#"]), source(["C"])], tagOptions);
  t.deepEqual(
    terms.map(({ name, slug }) => `${name} ${slug}`),
    ["C c", "C-2 c-2", "C# c-3", "C++ c-4"],
  );
  t.deepEqual(warnings, ['tags "C", "C#" and "C++" all slug to "c"; "C" gets "c", "C#" gets "c-3", "C++" gets "c-4"']);
});

test("categories say so in the warning", (t) => {
  const { warnings } = buildTerms([source(["C++"]), source(["C"])], { ...tagOptions, kind: "category" });
  t.deepEqual(warnings, ['categories "C" and "C++" both slug to "c"; "C" gets "c", "C++" gets "c-2"']);
});

test("a term with an empty slug gets a stable hashed slug and a warning", (t) => {
  // sha1("«»") = 11bafda6…, sha1("🎉") = c20dbb2b…
  const { terms, warnings } = buildTerms([source(["«»"]), source(["🎉"])], tagOptions);
  t.deepEqual(
    terms.map(({ name, slug, url }) => ({ name, slug, url })),
    [
      { name: "«»", slug: "tag-11bafda6", url: "/tags/tag-11bafda6/" },
      { name: "🎉", slug: "tag-c20dbb2b", url: "/tags/tag-c20dbb2b/" },
    ],
  );
  t.deepEqual(warnings, [
    'tag "«»" gives an empty slug; it gets "tag-11bafda6"',
    'tag "🎉" gives an empty slug; it gets "tag-c20dbb2b"',
  ]);
});

test("a category with an empty slug is prefixed category-", (t) => {
  const { terms } = buildTerms([source(["«»"])], { ...tagOptions, kind: "category" });
  t.is(terms[0]?.slug, "category-11bafda6");
});

// Order

test("terms are in Russian collation order", (t) => {
  const { terms } = buildTerms([source(["Zsh", "Ель", "ёлка", "2024", "Елка", "apple", "Ядро"])], tagOptions);
  t.deepEqual(
    terms.map((term) => term.name),
    ["2024", "Елка", "ёлка", "Ель", "Ядро", "apple", "Zsh"],
  );
});

// Pagination

function termWith(posts: string[], slug = "mnenie"): Term<string> {
  return { name: "Мнение", slug, url: undefined, feedUrl: undefined, count: posts.length, posts };
}

test("termPageUrl: patterns ending in / get page/N/", (t) => {
  t.is(termPageUrl("/tags/:slug/", "mnenie", 1), "/tags/mnenie/");
  t.is(termPageUrl("/tags/:slug/", "mnenie", 2), "/tags/mnenie/page/2/");
});

test("termPageUrl: .html patterns get the number before the extension, as Pelican", (t) => {
  t.is(termPageUrl("/tag/:slug.html", "mnenie", 1), "/tag/mnenie.html");
  t.is(termPageUrl("/tag/:slug.html", "mnenie", 2), "/tag/mnenie2.html");
  t.is(termPageUrl("/tag/{slug}.html", "mnenie", 12), "/tag/mnenie12.html");
});

test("termPageUrl takes the extension from the pattern, not the slug", (t) => {
  t.is(termPageUrl("/tags/:slug", "node.js", 2), "/tags/node.js2");
  t.is(termPageUrl("/tags/v1.0/:slug", "vim", 3), "/tags/v1.0/vim3");
});

test("paginateTerm splits posts and fills every URL", (t) => {
  const term = termWith(["p1", "p2", "p3", "p4", "p5"]);
  const pages = paginateTerm(term, 2, "/tags/:slug/");
  t.deepEqual(pages, [
    {
      term,
      pageNumber: 1,
      totalPages: 3,
      posts: ["p1", "p2"],
      url: "/tags/mnenie/",
      nextUrl: "/tags/mnenie/page/2/",
      firstUrl: "/tags/mnenie/",
      lastUrl: "/tags/mnenie/page/3/",
    },
    {
      term,
      pageNumber: 2,
      totalPages: 3,
      posts: ["p3", "p4"],
      url: "/tags/mnenie/page/2/",
      previousUrl: "/tags/mnenie/",
      nextUrl: "/tags/mnenie/page/3/",
      firstUrl: "/tags/mnenie/",
      lastUrl: "/tags/mnenie/page/3/",
    },
    {
      term,
      pageNumber: 3,
      totalPages: 3,
      posts: ["p5"],
      url: "/tags/mnenie/page/3/",
      previousUrl: "/tags/mnenie/page/2/",
      firstUrl: "/tags/mnenie/",
      lastUrl: "/tags/mnenie/page/3/",
    },
  ]);
});

test("paginateTerm with Pelican's pattern", (t) => {
  const pages = paginateTerm(termWith(["p1", "p2", "p3"]), 2, "/tag/:slug.html");
  t.deepEqual(
    pages.map(({ url, previousUrl, nextUrl, firstUrl, lastUrl }) => ({ url, previousUrl, nextUrl, firstUrl, lastUrl })),
    [
      {
        url: "/tag/mnenie.html",
        previousUrl: undefined,
        nextUrl: "/tag/mnenie2.html",
        firstUrl: "/tag/mnenie.html",
        lastUrl: "/tag/mnenie2.html",
      },
      {
        url: "/tag/mnenie2.html",
        previousUrl: "/tag/mnenie.html",
        nextUrl: undefined,
        firstUrl: "/tag/mnenie.html",
        lastUrl: "/tag/mnenie2.html",
      },
    ],
  );
});

test("a term with no posts still has one page", (t) => {
  const term = termWith([]);
  t.deepEqual(paginateTerm(term, 20, "/tags/:slug/"), [
    {
      term,
      pageNumber: 1,
      totalPages: 1,
      posts: [],
      url: "/tags/mnenie/",
      firstUrl: "/tags/mnenie/",
      lastUrl: "/tags/mnenie/",
    },
  ]);
});

test("posts that fill pages exactly make no empty last page", (t) => {
  const pages = paginateTerm(termWith(["p1", "p2", "p3", "p4"]), 2, "/tags/:slug/");
  t.is(pages.length, 2);
  t.deepEqual(pages[1]?.posts, ["p3", "p4"]);
});

test("paginateTerm rejects a negative or fractional page size", (t) => {
  for (const size of [-1, 1.5, Number.NaN]) {
    t.throws(() => paginateTerm(termWith(["p1"]), size, "/tags/:slug/"), {
      instanceOf: InvalidValueError,
      message: `page size must be 0 (all on one page) or a whole number, got ${String(size)}`,
    });
  }
});

test("page size 0 puts all of a term's posts on one page, as Pelican without DEFAULT_PAGINATION", (t) => {
  const pages = paginateTerm(termWith(["p1", "p2", "p3"]), 0, "/tag/:slug.html");
  t.is(pages.length, 1);
  t.deepEqual(pages[0]?.posts, ["p1", "p2", "p3"]);
  t.is(paginateTerm(termWith([]), 0, "/tag/:slug.html").length, 1);
});

// Scale

test("10,000 posts and 2,000 terms", (t) => {
  // Two names per post; where both name the same term (7i ≡ i mod 2000) the post counts once.
  const sources = Array.from({ length: 10_000 }, (_, index) =>
    source([`Тег ${index % 2000}`, `тег ${(index * 7) % 2000}`], index, `posts/${index}.md`),
  );
  const postsNamingTwoTerms = sources.filter((_, index) => index % 2000 !== (index * 7) % 2000).length;
  const started = performance.now();
  const { terms, warnings } = buildTerms(sources, tagOptions);
  t.log(`buildTerms: ${(performance.now() - started).toFixed(0)} ms`);
  t.is(terms.length, 2000);
  t.deepEqual(warnings, []);
  t.is(
    terms.reduce((sum, term) => sum + term.count, 0),
    10_000 + postsNamingTwoTerms,
  );
  t.deepEqual(termNamed(terms, "Тег 0").posts, [
    "posts/8000.md",
    "posts/6000.md",
    "posts/4000.md",
    "posts/2000.md",
    "posts/0.md",
  ]);
});
