/**
 * Tags and categories: grouping the names posts give into terms, slugs that never overwrite each other,
 * the order terms are listed in, and the pages of a term. Pure: plain values in, plain values out.
 */
import { createHash } from "node:crypto";
import { InvalidValueError } from "../errors.js";

/** Which taxonomy a term belongs to; it names the terms in warnings and prefixes fallback slugs. */
export type TermKind = "tag" | "category";

/** One tag or category with everything a template needs. */
export interface Term<P> {
  /** The spelling most posts use, trimmed, inner whitespace collapsed. */
  name: string;
  /** Unique among the terms of one kind. */
  slug: string;
  /** URL of the term's first page, raw (not percent-encoded); `undefined` when term pages are off. */
  url: string | undefined;
  /** URL of the term's feed, raw; `undefined` when term feeds are off. */
  feedUrl: string | undefined;
  /** Number of posts with this term. */
  count: number;
  /** The posts, newest first. */
  posts: P[];
}

/** The term names one post gives, with what is needed to order the post. */
export interface TermSource<P> {
  post: P;
  /** Names as written in the post's front matter; empty and whitespace-only names are skipped. */
  names: string[];
  /** Post date in milliseconds; newer posts come first in a term. */
  date: number;
  /** Breaks ties between posts of the same date, so the order does not depend on the input order. */
  inputPath: string;
  /** The post's path inside its content folder, for `termName: "firstFile"`; `inputPath` when not given. */
  contentPath?: string;
}

/** How {@link buildTerms} makes slugs and URLs. */
export interface BuildTermsOptions {
  /** The site's slug function (`slugStyle`). */
  slugify: (name: string) => string;
  /** Pattern of term pages, e.g. `"/tags/:slug/"`, or `false` for none. */
  pagePattern: string | false;
  /** Pattern of term feeds, e.g. `"/tags/:slug/feed.xml"`, or `false` for none. */
  feedPattern: string | false;
  kind: TermKind;
  /**
   * What makes two names one term: `"name"` (the same name but for case and spaces; `node.js` and `nodejs` are two
   * terms, the second slug gets `-2`) or `"slug"` (the same slug, as Pelican's `URLWrapper` compares: one term).
   * @default "name"
   */
  sameTerm?: "name" | "slug";
  /**
   * How a term written in several spellings is named: `"mostPosts"`, as most posts spell it; `"firstFile"`, as the
   * post whose path (lower-cased, inside its content folder) sorts first spells it, the last of its spellings
   * (Hugo 0.111's term page title). @default "mostPosts"
   */
  termName?: "mostPosts" | "firstFile";
}

/** One page of a term's post list. */
export interface TermPage<P> {
  term: Term<P>;
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** This page's share of `term.posts`. */
  posts: P[];
  url: string;
  previousUrl?: string;
  nextUrl?: string;
  firstUrl: string;
  lastUrl: string;
}

const PLURAL: Record<TermKind, string> = { tag: "tags", category: "categories" };

/** Both token spellings options.ts accepts in a pattern: ours (`:slug`) and Pelican's (`{slug}`). */
const SLUG_TOKEN = /:slug\b|\{slug\}/g;

/**
 * Puts `slug` into a URL pattern in place of every `:slug` (or Pelican's `{slug}`).
 * @example fillPattern("/tags/:slug/", "mnenie") // "/tags/mnenie/"
 */
export function fillPattern(pattern: string, slug: string): string {
  // A replacer function, because a string replacement would read `$&` or `$1` in a slug as references.
  return pattern.replace(SLUG_TOKEN, () => slug);
}

/**
 * The identity of a term: names that differ only in case, surrounding or repeated whitespace, or Unicode
 * normalisation form are one term (`Zsh`, ` zsh `). NFC because the same Cyrillic `й` can arrive composed
 * from one editor and decomposed from another.
 */
export function termKey(name: string): string {
  return collapseSpaces(name).normalize("NFC").toLowerCase();
}

/** `\s` covers the no-break space, which Russian typography puts into tags more often than one would think. */
function collapseSpaces(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

// Default sensitivity ("variant") still compares base letters first, so case and `ё`/`е` only decide
// between names that are otherwise equal; that keeps `Ёлка` beside `Елка` and the order readable.
const ruCollator = new Intl.Collator("ru");

/**
 * Order of term names in lists: Russian collation (ICU `ru`), then code units, so the order is total and
 * the same on every build.
 *
 * What the `ru` collation gives: punctuation and symbols first, then digits, then Cyrillic, then Latin
 * (`["Zsh", "Ядро", "42"]` sorts as `42, Ядро, Zsh`). Letters compare case-insensitively first
 * (`apple` < `Banana`), and `Ё` sorts with `Е` (`Елка`, `Ёлка`, `Ель`); case and `ё` only break ties, lower case
 * before upper case.
 */
export function compareTermNames(a: string, b: string): number {
  return ruCollator.compare(a, b) || compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What is gathered about a term in the one pass over the posts. */
interface TermDraft<P> {
  key: string;
  /** Spelling → number of posts using it; Map order is first-seen order, which breaks ties. */
  spellings: Map<string, number>;
  sources: TermSource<P>[];
}

/**
 * Groups the names posts give into terms, sorted by {@link compareTermNames}.
 *
 * Cost is linear in names + terms (one pass with a Map), plus one sort of each term's posts and one sort
 * of the terms.
 *
 * Slugs are `slugify(name)`. Terms whose slugs coincide (`C++` and `C` both → `c`) all keep a page: sorted by
 * key, the first keeps the slug and the others get `-2`, `-3`… (skipping slugs other terms already have), so
 * the outcome does not depend on the order of the posts; each such group adds one warning. A term whose slug
 * comes out empty (`«»`, emoji only) gets `tag-` (or `category-`) plus the first 8 hex digits of the SHA-1 of
 * its key, stable across builds, and a warning.
 */
export function buildTerms<P>(
  sources: TermSource<P>[],
  options: BuildTermsOptions,
): { terms: Term<P>[]; warnings: string[]; byKey: Map<string, Term<P>> } {
  const keyOf = options.sameTerm === "slug" ? slugKey(options.slugify) : termKey;
  const drafts = groupByKey(sources, keyOf);
  const named = [...drafts.values()]
    .map((draft) => ({
      draft,
      name: options.termName === "firstFile" ? firstFileSpelling(draft, keyOf) : mostCommonSpelling(draft.spellings),
    }))
    .sort((a, b) => compareTermNames(a.name, b.name));

  const warnings: string[] = [];
  const baseSlugs = named.map(({ draft, name }) => {
    const slug = options.slugify(name);
    if (slug !== "") return slug;
    const fallback = fallbackSlug(options.kind, draft.key);
    warnings.push(`${options.kind} ${JSON.stringify(name)} gives an empty slug; it gets ${JSON.stringify(fallback)}`);
    return fallback;
  });
  const slugs = disambiguateSlugs(
    named.map(({ draft, name }, index) => ({ key: draft.key, name, slug: baseSlugs[index] as string })),
    options.kind,
    warnings,
  );

  const byKey = new Map<string, Term<P>>();
  const terms = named.map(({ draft, name }, index): Term<P> => {
    const slug = slugs[index] as string;
    const term: Term<P> = {
      name,
      slug,
      url: options.pagePattern === false ? undefined : fillPattern(options.pagePattern, slug),
      feedUrl: options.feedPattern === false ? undefined : fillPattern(options.feedPattern, slug),
      count: draft.sources.length,
      posts: draft.sources.sort(newestFirst).map((source) => source.post),
    };
    for (const spelling of draft.spellings.keys()) byKey.set(termKey(spelling), term);
    return term;
  });
  return { terms, warnings, byKey };
}

/** A term's slug as its key; a name whose slug is empty keeps its own key (it gets a fallback slug of its own). */
function slugKey(slugify: (name: string) => string): (name: string) => string {
  return (name) => {
    const slug = slugify(name);
    return slug === "" ? termKey(name) : `slug:${slug}`;
  };
}

function groupByKey<P>(sources: TermSource<P>[], keyOf: (name: string) => string): Map<string, TermDraft<P>> {
  const drafts = new Map<string, TermDraft<P>>();
  for (const source of sources) {
    // A post that gives the same term twice (`Zsh, zsh`) is still one post of that term.
    const keysOfPost = new Set<string>();
    for (const rawName of source.names) {
      const spelling = collapseSpaces(rawName);
      if (spelling === "") continue;
      const key = keyOf(spelling);
      if (keysOfPost.has(key)) continue;
      keysOfPost.add(key);

      let draft = drafts.get(key);
      if (draft === undefined) {
        draft = { key, spellings: new Map(), sources: [] };
        drafts.set(key, draft);
      }
      draft.spellings.set(spelling, (draft.spellings.get(spelling) ?? 0) + 1);
      draft.sources.push(source);
    }
  }
  return drafts;
}

function mostCommonSpelling(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    // Strictly greater: on a tie the spelling seen first stays.
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** The last spelling of the term in the post whose content path, lower-cased, sorts first. */
function firstFileSpelling<P>(draft: TermDraft<P>, keyOf: (name: string) => string): string {
  const pathOf = (source: TermSource<P>) => (source.contentPath ?? source.inputPath).toLowerCase();
  const first = draft.sources.reduce((best, source) => (pathOf(source) < pathOf(best) ? source : best));
  const spellings = first.names.map(collapseSpaces).filter((name) => name !== "" && keyOf(name) === draft.key);
  return spellings.at(-1)!;
}

function fallbackSlug(kind: TermKind, key: string): string {
  return `${kind}-${createHash("sha1").update(key).digest("hex").slice(0, 8)}`;
}

/** Returns the final slugs, index for index; pushes one warning per group of terms that shared a slug. */
function disambiguateSlugs(
  terms: { key: string; name: string; slug: string }[],
  kind: TermKind,
  warnings: string[],
): string[] {
  const bySlug = new Map<string, number[]>();
  for (const [index, term] of terms.entries()) {
    const group = bySlug.get(term.slug);
    if (group === undefined) bySlug.set(term.slug, [index]);
    else group.push(index);
  }

  // Every slug some term wants is reserved up front, so a real term `c-2` keeps its slug whatever the order.
  const taken = new Set(bySlug.keys());
  const result = terms.map((term) => term.slug);
  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    // Sorting by key, not by display name or input order, makes the winner independent of which spelling
    // or which post came first.
    group.sort((a, b) => compareTermNames(terms[a]!.key, terms[b]!.key));
    let suffix = 2;
    for (const index of group.slice(1)) {
      while (taken.has(`${slug}-${suffix}`)) suffix++;
      result[index] = `${slug}-${suffix}`;
      taken.add(result[index]);
    }
    warnings.push(
      collisionWarning(
        kind,
        slug,
        group.map((index) => ({ name: terms[index]!.name, slug: result[index]! })),
      ),
    );
  }
  return result;
}

function collisionWarning(kind: TermKind, slug: string, outcome: { name: string; slug: string }[]): string {
  const names = outcome.map(({ name }) => JSON.stringify(name));
  const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const verb = names.length === 2 ? "both" : "all";
  const results = outcome
    .map(({ name, slug: given }) => `${JSON.stringify(name)} gets ${JSON.stringify(given)}`)
    .join(", ");
  return `${PLURAL[kind]} ${list} ${verb} slug to ${JSON.stringify(slug)}; ${results}`;
}

function newestFirst<P>(a: TermSource<P>, b: TermSource<P>): number {
  return b.date - a.date || compareCodeUnits(a.inputPath, b.inputPath);
}

/**
 * URL of page `pageNumber` of a term. Page 1 is the pattern filled in. Later pages: a pattern ending in `/`
 * gets `page/N/` (`/tags/mnenie/page/2/`); any other pattern gets the number before its extension, as Pelican
 * writes (`/tag/:slug.html` → `/tag/mnenie2.html`; no extension: `/tag/mnenie2`). Like Pelican's, that second
 * form can coincide with a term whose slug ends in a digit.
 */
export function termPageUrl(pattern: string, slug: string, pageNumber: number): string {
  if (pageNumber === 1) return fillPattern(pattern, slug);
  if (pattern.endsWith("/")) return `${fillPattern(pattern, slug)}page/${pageNumber}/`;
  // The extension is taken from the pattern, not the filled URL, so a slug like `node.js` is not mistaken for
  // one; letters and digits only, so the slug token itself (`/tags/x.:slug`) never counts as an extension.
  const extension = /\.[A-Za-z0-9]+$/.exec(pattern)?.[0] ?? "";
  const stem = pattern.slice(0, pattern.length - extension.length);
  return `${fillPattern(stem, slug)}${pageNumber}${extension}`;
}

/** Posts on each of a term's pages: `0` means all on one page (Pelican's `DEFAULT_PAGINATION = False`). */
export function effectivePageSize(pageSize: number, postCount: number): number {
  return pageSize === 0 ? Math.max(1, postCount) : pageSize;
}

/**
 * Splits a term's posts into pages of `pageSize` ({@link effectivePageSize}) with their URLs ({@link termPageUrl}).
 * A term always has at least one page, even with no posts.
 * @throws InvalidValueError when `pageSize` is not a whole number of 0 or more.
 */
export function paginateTerm<P>(term: Term<P>, size: number, pagePattern: string): TermPage<P>[] {
  if (!Number.isInteger(size) || size < 0) {
    throw new InvalidValueError(`page size must be 0 (all on one page) or a whole number, got ${String(size)}`);
  }
  const pageSize = effectivePageSize(size, term.posts.length);
  const totalPages = Math.max(1, Math.ceil(term.posts.length / pageSize));
  const urls = Array.from({ length: totalPages }, (_, index) => termPageUrl(pagePattern, term.slug, index + 1));
  const firstUrl = urls[0] as string;
  const lastUrl = urls[totalPages - 1] as string;

  return urls.map((url, index) => {
    const previousUrl = urls[index - 1];
    const nextUrl = urls[index + 1];
    return {
      term,
      pageNumber: index + 1,
      totalPages,
      posts: term.posts.slice(index * pageSize, (index + 1) * pageSize),
      url,
      ...(previousUrl === undefined ? {} : { previousUrl }),
      ...(nextUrl === undefined ? {} : { nextUrl }),
      firstUrl,
      lastUrl,
    };
  });
}

/** `/tags/:slug/` → `/tags/`; `/tag/:slug.html` → `/tag/`. */
export function indexUrl(pattern: string): string {
  const beforeSlug = pattern.split(/:slug\b|\{slug\}/)[0] ?? "/";
  return beforeSlug.slice(0, beforeSlug.lastIndexOf("/") + 1) || "/";
}

/** The URL of a term index: `index` when given (false: none), else the folder of the term pages; none without them. */
export function termIndexUrl(pagePattern: string | false, index: string | false | undefined): string | undefined {
  if (pagePattern === false || index === false) return undefined;
  return index ?? indexUrl(pagePattern);
}
