/**
 * Date archives: one list of posts per year, month or day, as Pelican's `YEAR_ARCHIVE_SAVE_AS`,
 * `MONTH_ARCHIVE_SAVE_AS` and `DAY_ARCHIVE_SAVE_AS` write them (and Hugo users make by hand). Periods are read in
 * the site's time zone; posts are listed newest first (Pelican's `NEWEST_FIRST_ARCHIVES`). Plain values in and out.
 */
import { DateTime } from "luxon";
import { InvalidValueError } from "../errors.js";
import { effectivePageSize, termPageUrl } from "../site/taxonomy.js";

export type ArchiveKind = "year" | "month" | "day";

export interface ArchivePatterns {
  year?: string | false;
  month?: string | false;
  day?: string | false;
}

/** What an archive layout gets as `archive`. */
export interface Archive<P> {
  kind: ArchiveKind;
  year: number;
  /** 1–12; only on month and day archives. */
  month?: number;
  /** 1–31; only on day archives. */
  day?: number;
  /** The period's first moment in the site's zone: `{{ archive.date | ruDate("LLLL yyyy") }}`. */
  date: Date;
  /** This page's posts, newest first. */
  posts: P[];
  /** Every post of the period, newest first. */
  allPosts: P[];
  pageNumber: number;
  totalPages: number;
  url: string;
  previousUrl?: string;
  nextUrl?: string;
  firstUrl: string;
  lastUrl: string;
}

/** Our tokens and Pelican's `{date:%Y}` spelling of each. */
const TOKENS: Record<ArchiveKind, RegExp> = {
  year: /:year\b|\{date:%Y\}/g,
  month: /:month\b|\{date:%[mbB]\}/g,
  day: /:day\b|\{date:%d\}/g,
};
const KINDS: readonly ArchiveKind[] = ["year", "month", "day"];

/**
 * Checks a pattern of `archives.<kind>`: it must name every part of its period (a month archive without `:year`
 * would put every January on one URL) and no other `{…}` field, which Pelican's strftime allows and this does not.
 * Returns the pattern as a site-rooted URL (`posts/{date:%Y}/index.html` → `/posts/{date:%Y}/index.html`).
 */
export function checkArchivePattern(pattern: string, kind: ArchiveKind): string {
  const needed = KINDS.slice(0, KINDS.indexOf(kind) + 1);
  const missing = needed.filter((part) => !new RegExp(TOKENS[part].source).test(pattern));
  if (missing.length > 0) {
    throw new InvalidValueError(
      `${JSON.stringify(pattern)} has no ${missing.map((part) => `:${part}`).join(", ")}; a ${kind} archive needs ${needed.map((part) => `:${part}`).join(" ")} (or Pelican's {date:%Y} {date:%m} {date:%d})`,
    );
  }
  const rest = KINDS.reduce((text, part) => text.replace(TOKENS[part], ""), pattern);
  const unknown = /\{[^}]*\}|:[a-z]+\b/i.exec(rest.replace(/^[a-z]+:\/\//i, ""));
  if (unknown) {
    throw new InvalidValueError(
      `${JSON.stringify(pattern)} has ${unknown[0]}, which archives do not fill; use :year :month :day or {date:%Y} {date:%m} (or %b, %B) {date:%d}`,
    );
  }
  if (pattern.split("/").includes(".."))
    throw new InvalidValueError(`${JSON.stringify(pattern)} leaves the site; write a path inside it`);
  return pattern.startsWith("/") ? pattern : `/${pattern}`;
}

/**
 * Pelican's `{date:%b}` and `{date:%B}` (its documentation's own `MONTH_ARCHIVE_SAVE_AS` example), as Python's
 * strftime writes them in the C locale Pelican runs in by default: `Jan`, `January`.
 */
function monthName(token: string, month: number | undefined): string {
  const date = new Date(Date.UTC(2000, (month ?? 1) - 1, 1));
  return date.toLocaleString("en-US", { month: token.endsWith("b}") ? "short" : "long", timeZone: "UTC" });
}

/** Fills a checked pattern: `/posts/:year/:month/` with 2020-01 → `/posts/2020/01/`. */
export function archiveUrl(pattern: string, period: { year: number; month?: number; day?: number }): string {
  const two = (n: number | undefined) => String(n ?? 1).padStart(2, "0");
  return pattern
    .replace(TOKENS.year, () => String(period.year).padStart(4, "0"))
    .replace(TOKENS.month, (token) =>
      token.endsWith("b}") || token.endsWith("B}") ? monthName(token, period.month) : two(period.month),
    )
    .replace(TOKENS.day, () => two(period.day));
}

/**
 * Every archive page: for each kind with a pattern, each period that has posts, split into pages of `pageSize`
 * (page 2 of `/posts/2020/` is `/posts/2020/page/2/`, of `/posts/2020/index.html` is `/posts/2020/index2.html`, as
 * for term pages and as Pelican names pages). `posts` may come in any order.
 */
export function buildArchives<P extends { date: Date; inputPath: string }>(
  posts: readonly P[],
  settings: { patterns: ArchivePatterns; pageSize: number; zone: string },
): Archive<P>[] {
  const newestFirst = [...posts].sort(
    (a, b) =>
      b.date.getTime() - a.date.getTime() || (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0),
  );
  const pages: Archive<P>[] = [];
  for (const kind of KINDS) {
    const pattern = settings.patterns[kind];
    if (!pattern) continue;
    const periods = new Map<string, { start: DateTime; posts: P[] }>();
    for (const post of newestFirst) {
      const start = DateTime.fromJSDate(post.date, { zone: settings.zone }).startOf(kind);
      const key = start.toISODate() as string;
      const period = periods.get(key) ?? { start, posts: [] };
      period.posts.push(post);
      periods.set(key, period);
    }
    for (const { start, posts: allPosts } of periods.values()) {
      const period = {
        year: start.year,
        ...(kind === "year" ? {} : { month: start.month }),
        ...(kind === "day" ? { day: start.day } : {}),
      };
      const first = archiveUrl(pattern, period);
      const pageSize = effectivePageSize(settings.pageSize, allPosts.length);
      const totalPages = Math.ceil(allPosts.length / pageSize);
      const urls = Array.from({ length: totalPages }, (_, index) => termPageUrl(first, "", index + 1));
      urls.forEach((url, index) => {
        const previousUrl = urls[index - 1];
        const nextUrl = urls[index + 1];
        pages.push({
          kind,
          ...period,
          date: start.toJSDate(),
          posts: allPosts.slice(index * pageSize, (index + 1) * pageSize),
          allPosts,
          pageNumber: index + 1,
          totalPages,
          url,
          ...(previousUrl === undefined ? {} : { previousUrl }),
          ...(nextUrl === undefined ? {} : { nextUrl }),
          firstUrl: urls[0] as string,
          lastUrl: urls[totalPages - 1] as string,
        });
      });
    }
  }
  return pages;
}

/** `2020`, `Январь 2020`, `5 января 2020`: the period as a heading in the site's language. */
export function archiveTitle(
  archive: Pick<Archive<unknown>, "kind" | "date">,
  site: { zone: string; language: string },
): string {
  const start = DateTime.fromJSDate(archive.date, { zone: site.zone }).setLocale(site.language);
  const text = start.toFormat(
    archive.kind === "year" ? "yyyy" : archive.kind === "month" ? "LLLL yyyy" : "d MMMM yyyy",
  );
  return text.charAt(0).toLocaleUpperCase(site.language) + text.slice(1);
}
