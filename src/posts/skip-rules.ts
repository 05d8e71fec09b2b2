import type { DateTime } from "luxon";

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
 * The rule every generator shares: a post with neither a title nor a date is not published. Drafts are not here:
 * they are left out as every generator leaves them out, without a warning. Each generator's own rules (its
 * dialect's `reading.skipReason`) come before or after this one, as it checks them.
 */
export function withoutTitleAndDate(facts: SkipFacts): string | undefined {
  if (facts.title !== undefined || facts.date !== undefined) return undefined;
  return `${facts.file}: not published: it has neither a title nor a date${unreadHint(facts) || "; add a Title and a Date to publish it."}`;
}

/** The reason the post's text may hold unread front matter, as the end of a message; `""` when there is none. */
export function unreadHint(facts: SkipFacts): string {
  return facts.unreadFrontMatter ? `: ${facts.unreadFrontMatter}.` : "";
}
