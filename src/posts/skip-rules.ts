import type { DateTime } from "luxon";
import type { Generator } from "./front-matter-formats.js";

/** What the skip rules look at in a post, already read. */
export interface SkipFacts {
  file: string;
  title: string | undefined;
  date: DateTime | undefined;
  /** A Pelican draft needs no date (Pelican gives it the latest possible one). */
  isDraft?: boolean;
  /** Hugo's `publishDate` (or the key it falls back to) with the key as the post wrote it. */
  publishDate?: { key: string; date: DateTime } | undefined;
  expiryDate?: { key: string; date: DateTime } | undefined;
  /** Why the post's text may hold front matter that was not read (see unreadFrontMatter). */
  unreadFrontMatter?: string | undefined;
}

/**
 * Why the old generator would not have published a post, as one warning naming the file, or undefined to publish
 * it. Drafts are not here: they are left out as every generator leaves them out, without a warning.
 *
 * - any generator: a post with neither a title nor a date;
 * - Pelican: no title, then no date (its `mandatory_properties`, checked in that order);
 * - Hugo: a `publishDate` (or else `date`) after `now`, an `expiryDate` at or before `now`.
 */
export function skipReason(facts: SkipFacts, from: Generator | undefined, now: Date): string | undefined {
  const { file } = facts;
  const unread = facts.unreadFrontMatter ? `: ${facts.unreadFrontMatter}.` : "";
  if (from === "pelican") {
    for (const key of ["title", "date"] as const) {
      if (facts[key] !== undefined || (key === "date" && facts.isDraft)) continue;
      const fix =
        unread || (key === "title" ? "; add a Title: line to publish it." : "; add a Date: line to publish it.");
      return `${file}: not published, as Pelican skips it ("could not find information about '${key}'"): it has no ${key}${fix}`;
    }
  }
  if (facts.title === undefined && facts.date === undefined) {
    return `${file}: not published: it has neither a title nor a date${unread || "; add a Title and a Date to publish it."}`;
  }
  if (from !== "hugo") return undefined;
  const { publishDate, expiryDate } = facts;
  if (publishDate && publishDate.date.toMillis() > now.getTime()) {
    return `${file}: not published, as Hugo does not publish it: its ${publishDate.key} ${publishDate.date.toISO()} is in the future. The first build after that date publishes it.`;
  }
  if (expiryDate && expiryDate.date.toMillis() <= now.getTime()) {
    return `${file}: not published, as Hugo does not publish it: its ${expiryDate.key} ${expiryDate.date.toISO()} has passed. Remove the ${expiryDate.key} to publish it again.`;
  }
  return undefined;
}
