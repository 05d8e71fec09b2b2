/**
 * Which of the plugin's pages a rebuild under `eleventy --watch --incremental` renders. Eleventy renders a template
 * that paginates over `collections.all` in whole after any saved post, so the plugin's templates choose their pages:
 * a save that leaves every list of the site as it was (the body of a post, or front matter no list is made of)
 * renders only the pages that list the saved post; any other save, and every full build, renders them all. Pure:
 * the glue hands in the lists and the saved files.
 */

/** What the site's lists are made of, for one listed post: every page of the plugin is built from these. */
export interface ListedPost {
  /** The post's path inside the input folder. */
  file: string;
  url: string;
  title: string;
  /** Milliseconds. */
  date: number;
  tags: readonly string[];
  categories: readonly string[];
  language?: string;
  /** Where the post is listed (Hugo's `List`) and whether it is a draft or a translation. */
  listing: string;
}

/** A term as lists show it: term pages, indexes and a site's tag cloud read these. */
export interface ListedTerm {
  kind: string;
  name: string;
  url: string | undefined;
  count: number;
}

/**
 * The site's lists in one string: which posts there are, in order, with what lists show of them, the terms with
 * their counts, the redirects and the URLs of the plugin's pages. Two builds with the same fingerprint have the same
 * pages with the same posts on them, in the same order, under the same titles.
 */
export function listsFingerprint(
  posts: readonly ListedPost[],
  terms: readonly ListedTerm[],
  redirects: readonly { from: string; to: string }[],
  pageUrls: readonly string[],
): string {
  // Sorted: Eleventy hands the pages over in an order of its own, which an incremental build changes, and the order
  // of every list follows from what is kept here of each post.
  const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
  return JSON.stringify([
    sorted(
      posts.map((post) => [
        post.file,
        post.url,
        post.title,
        post.date,
        post.tags,
        post.categories,
        post.language ?? "",
        post.listing,
      ]),
    ),
    sorted(terms.map((term) => [term.kind, term.name, term.url ?? "", term.count])),
    sorted(redirects.map((redirect) => [redirect.from, redirect.to])),
    [...pageUrls].sort(),
  ]);
}

/** One build's choice: every page, or the pages that list one of the saved posts. */
export type RebuildScope = { all: true } | { all: false; saved: ReadonlySet<string> };

/**
 * @param previous the fingerprint of the build before, or undefined for the first build
 * @param current this build's fingerprint
 * @param saved the files saved since the build before (paths inside the input folder), or undefined when this is
 *   not an incremental rebuild
 * @param isPost whether a saved file is a post (a layout, a data file or a page of the site may show anywhere)
 */
export function rebuildScope(
  previous: string | undefined,
  current: string,
  saved: readonly string[] | undefined,
  isPost: (file: string) => boolean,
): RebuildScope {
  if (previous === undefined || saved === undefined || saved.length === 0) return { all: true };
  if (!saved.every(isPost) || previous !== current) return { all: true };
  return { all: false, saved: new Set(saved) };
}

/** Whether a page that lists `posts` (their paths inside the input folder) is rendered in this scope. */
export function rendersPageListing(scope: RebuildScope, posts: Iterable<string>): boolean {
  if (scope.all) return true;
  for (const file of posts) if (scope.saved.has(file)) return true;
  return false;
}
