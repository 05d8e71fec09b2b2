/**
 * Feed entry ids. A feed reader knows a post by its entry's `<id>`: a blog that moves and writes other ids shows
 * every old post to every subscriber again. So the ids can be the old generator's. Pure: plain values in, text out.
 */
import { describeValue, RuBlogError } from "../errors.js";
import { GENERATOR_ENTRY_IDS, type GeneratorEntryId } from "../generators/index.js";

/** A post as a `feeds.entryId` function gets it: the item of `collections.posts`. */
export interface EntryIdPost {
  url: string;
  inputPath: string;
  date: Date;
  data: Record<string, unknown>;
}

/**
 * `"url"`: the post's absolute URL (Hugo's `guid`); an old generator's own style by its name (`"pelican"`: Pelican's
 * `tag:` URI); or a function of the post.
 */
export type EntryIdStyle = "url" | GeneratorEntryId | ((post: EntryIdPost) => string);

/** The named styles, for messages: `"url"` and each generator's. */
export const ENTRY_ID_STYLE_NAMES: readonly string[] = ["url", ...Object.keys(GENERATOR_ENTRY_IDS)];

export function isEntryIdStyle(value: unknown): value is EntryIdStyle {
  return typeof value === "function" || (typeof value === "string" && ENTRY_ID_STYLE_NAMES.includes(value));
}

/** An Atom id is an IRI with a scheme (`tag:`, `urn:`, `https:`); an IRI has no white space, `<`, `>` or `"`. */
const IRI_WITH_SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:[^\s<>"]+$/;

/**
 * The id a `feeds.entryId` function gives a post, checked: a string that is an IRI with a scheme, or an error naming the post's file and what to return instead.
 */
export function customEntryId(make: (post: EntryIdPost) => string, post: EntryIdPost, file: string): string {
  let id: unknown;
  try {
    id = make(post);
  } catch (error) {
    throw new RuBlogError(`option "feeds.entryId" failed for this post: ${(error as Error).message ?? String(error)}`, {
      file,
      cause: error,
    });
  }
  if (typeof id === "string" && IRI_WITH_SCHEME.test(id)) return id;
  throw new RuBlogError(
    `option "feeds.entryId" returned ${describeValue(id)} for this post; return an IRI with a scheme and no spaces, <, > or ", such as "tag:example.ru,2015-07-29:/it/x/" or "https://example.ru/it/x/".`,
    { file },
  );
}

/**
 * Remembers which post has which id during a build: two entries with one id are one entry to a reader, so the
 * second is an error naming both files.
 */
export function createEntryIdRegistry(): { claim(id: string, file: string): void; clear(): void } {
  const owners = new Map<string, string>();
  return {
    claim(id, file) {
      const owner = owners.get(id);
      if (owner !== undefined && owner !== file) {
        throw new RuBlogError(
          `${owner} and ${file} both have the feed entry id ${JSON.stringify(id)}; a reader would take them for one post. Make the "feeds.entryId" function give each post its own id.`,
        );
      }
      owners.set(id, file);
    },
    clear: () => owners.clear(),
  };
}

/**
 * The `<id>` of a post's feed entry in the given style, or `undefined` for `"url"` (the feed's own default, the
 * post's absolute URL).
 *
 * @param writtenDay the post's day as written (`PostState.writtenDay`); without it, the day of `post.date` in `zone`.
 * @param feedPath the path its old generator made the id from (`PostState.feedPath`), where not from the URL.
 */
export function entryIdOf(
  style: EntryIdStyle,
  post: EntryIdPost,
  settings: {
    siteUrl: string;
    zone: string;
    file: string;
    writtenDay: string | undefined;
    feedPath: string | undefined;
  },
): string | undefined {
  if (style === "url") return undefined;
  if (typeof style === "string") return GENERATOR_ENTRY_IDS[style](post, settings);
  return customEntryId(style, post, settings.file);
}
