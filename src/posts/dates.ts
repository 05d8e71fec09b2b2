import { DateTime, IANAZone, type Zone } from "luxon";
import { describeValue, InvalidValueError } from "../errors.js";
import { primaryLanguage } from "../site/languages.js";
import { russianRelativeTime, type RelativeUnit } from "../content/words.js";

/**
 * The date forms a post may be written with: a day, a wall-clock time (`T` or a space, seconds and fractions
 * optional) and, optionally, an offset. Anything else, even what `DateTime.fromISO` would take (`2015-07`,
 * week dates), is refused, so that a typo is reported instead of becoming some other date.
 */
// Hours 00–23 (ISO's 24:00 would move the date to the next day), offsets up to ±23:59: nothing is "repaired".
const DATE_FORMS =
  /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

const FILE_NAME_DATE = /^(\d{4}-\d{2}-\d{2})(?!\d)/;

/** RFC 3339 with a numeric offset: `ZZ` writes `+00:00` where `toISO()` would write `Z`. */
const RFC_3339 = "yyyy-MM-dd'T'HH:mm:ssZZ";

const DAY_MS = 86_400_000;

/**
 * An IANA zone whose offsets are worked out once per UTC day. luxon's own asks Intl (`formatToParts`, about 5 µs)
 * each time a date is made in it or moved to it, two or three times for a wall-clock time; a blog's dates fall on
 * a few thousand days. A day whose first and last millisecond have the same offset has that offset throughout
 * (tzdata has no day with two transitions that cancel out); a day with a transition is asked of Intl as before.
 * It is an `IANAZone`, so luxon formats, compares and names it as the zone it is.
 */
class DayCachedZone extends IANAZone {
  readonly #offsets = new Map<number, number | null>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    let offset = this.#offsets.get(day);
    if (offset === undefined) {
      const first = super.offset(day * DAY_MS);
      offset = first === super.offset(day * DAY_MS + DAY_MS - 1) ? first : null;
      this.#offsets.set(day, offset);
    }
    return offset ?? super.offset(ts);
  }
}

const zones = new Map<string, Zone | string>();

/**
 * The zone luxon is handed for `name`: one {@link DayCachedZone} per valid IANA name, and the name itself for
 * anything else (`UTC`, `+03:00`, a bad name), which luxon reads as before.
 */
export function cachedZone(name: string): Zone | string {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) && !/^(utc|gmt)$/i.test(name) ? new DayCachedZone(name) : name;
    zones.set(name, zone);
  }
  return zone;
}

function notADate(value: unknown): InvalidValueError {
  return new InvalidValueError(
    `${describeValue(value)} is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00`,
  );
}

/**
 * Reads a `Date` front-matter value. The YAML is parsed with js-yaml's CORE_SCHEMA, so dates arrive as strings
 * (a JS `Date`, an instant, is accepted too). A date without offset is the wall-clock time in `zone`, whatever
 * the process's `TZ`; one with an offset keeps that offset, so its day and hour are the ones written (which is
 * what Pelican and Hugo put in a post's URL).
 *
 * @param value `2015-07-29` (midnight), `2015-07-29 14:30`, `2015-07-29 14:30:15`, `2015-07-29T14:30`,
 *   `2015-07-29T14:30:00+03:00` or `…Z`; surrounding whitespace is ignored.
 * @param zone IANA zone, e.g. `"Europe/Moscow"`.
 * @returns the date in `zone`, or at its own offset when it was written with one; `undefined` for `undefined`,
 *   `null` and `""`.
 * @throws InvalidValueError for any other value, numbers included, and for impossible dates
 *   (`2015-02-30`, `2015-13-01`, `25:00`), which are never moved to a nearby valid date.
 */
export function parseFrontMatterDate(value: unknown, zoneName: string): DateTime | undefined {
  if (value === undefined || value === null) return undefined;
  const zone = cachedZone(zoneName);
  let date: DateTime;
  if (value instanceof Date) {
    date = DateTime.fromJSDate(value, { zone });
  } else if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return undefined;
    if (!DATE_FORMS.test(text)) throw notADate(value);
    date = DateTime.fromISO(text.replace(" ", "T"), { zone, setZone: true });
  } else {
    throw notADate(value);
  }
  // Atom and RFC 3339 dates have four-digit years, in the site zone too.
  const year = date.isValid ? date.setZone(zone).year : 0;
  if (year < 1 || year > 9999) throw notADate(value);
  return date;
}

/**
 * The date a `YYYY-MM-DD` prefix of a file's base name gives, as Eleventy and Pelican read it:
 * `posts/2015-07-29-coreos.md` → midnight of 29 July 2015 in `zone`.
 *
 * @returns `undefined` when the base name has no such prefix or the prefix is an impossible date.
 */
export function dateFromFileName(fileName: string, zone: string): DateTime | undefined {
  const baseName = fileName.split(/[\\/]/).pop() ?? "";
  const prefix = FILE_NAME_DATE.exec(baseName)?.[1];
  if (prefix === undefined) return undefined;
  const date = DateTime.fromISO(prefix, { zone: cachedZone(zone) });
  return date.isValid ? date : undefined;
}

/**
 * Turns what a template hands a filter into a date in `zone`: a JS `Date` (Eleventy's `page.date`), a luxon
 * `DateTime`, or a string in one of the forms {@link parseFrontMatterDate} reads (which include the ISO strings
 * `Date#toISOString` and `DateTime#toISO` write).
 *
 * @throws InvalidValueError naming the value for anything else: `undefined`, numbers, other objects, bad strings.
 */
export function toDateTime(value: unknown, zone: string): DateTime {
  if (DateTime.isDateTime(value)) {
    if (!value.isValid) throw new InvalidValueError(`an invalid DateTime (${value.invalidReason}) is not a date`);
    return value.setZone(cachedZone(zone));
  }
  const date = parseFrontMatterDate(value, zone);
  if (date === undefined) throw notADate(value);
  return date.setZone(cachedZone(zone));
}

/**
 * Formats a date with luxon tokens in `locale`; month and weekday names come from Node's ICU data.
 *
 * @example ruDate("2015-07-29", undefined, "Europe/Moscow") // "29 июля 2015"
 * @example ruDate("2015-07-29", "LLLL yyyy", "Europe/Moscow") // "июль 2015"
 * @example ruDate("2015-07-29", "cccc, d MMMM", "Europe/Moscow") // "среда, 29 июля"
 * @example ruDate("2021-02-16", undefined, "Europe/Moscow", "en") // "16 February 2021"
 * @param format luxon tokens (`MMMM` is the genitive month, `LLLL` the nominative one). @default "d MMMM yyyy",
 *   in every language: day, month, year, as in Russian (`16 February 2021`, `16 лютого 2021`), so that a bilingual
 *   blog writes its dates alike; pass a format for another order (`"MMMM d, yyyy"`).
 */
export function ruDate(value: unknown, format: string = "d MMMM yyyy", zone: string, locale: string = "ru"): string {
  return toDateTime(value, zone).toFormat(format, { locale });
}

/**
 * How far `value` is from `base`, in words: `5 минут назад`, `через 2 часа`, `вчера`, `завтра`, `3 дня назад`,
 * `2 года назад`; under a minute apart, `сейчас`.
 *
 * Less than a day apart counts hours, minutes and seconds. A day or more apart counts calendar days in `zone`
 * (so 23:00 two days ago is `2 дня назад`, not `1 день назад`), and one calendar day is `вчера`/`завтра`.
 *
 * A static site renders this once, at build time: the text stays as it was until the next build, so pass a
 * fixed `base` or rebuild often.
 *
 * @param base the moment to count from (any value {@link toDateTime} accepts); `undefined` means now.
 */
export function ruRelative(value: unknown, base: unknown, zone: string, locale: string = "ru"): string {
  const date = toDateTime(value, zone);
  const from = base === undefined ? DateTime.now().setZone(zone) : toDateTime(base, zone);
  const apart = Math.abs(date.diff(from).as("minutes"));
  if (apart < 1) {
    return relativeFormat(locale, "auto").format(0, "second");
  }
  if (apart < 24 * 60) {
    const milliseconds = date.toMillis() - from.toMillis();
    const [count, unit] = (
      [
        [Math.trunc(milliseconds / 3_600_000), "hour"],
        [Math.trunc(milliseconds / 60_000), "minute"],
      ] as const
    ).find(([count]) => count !== 0) ?? [Math.trunc(milliseconds / 1000), "second" as const];
    return relativeFormat(locale, "always").format(count, unit);
  }
  // Whole calendar years, months or days between the two days, as luxon's toRelative counts them, without its
  // calendar diffs: each cost milliseconds (Eleventy flagged ruRelative as slow on a site of three posts).
  const { years, months, days } = calendarDifference(from.startOf("day"), date.startOf("day"));
  if (Math.abs(days) === 1) return relativeFormat(locale, "auto").format(days, "day");
  const [count, unit] =
    years !== 0 ? [years, "year" as const] : months !== 0 ? [months, "month" as const] : [days, "day" as const];
  return relativeFormat(locale, "always").format(count, unit);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** Russian's own words (words.ts), whose ICU data costs a noticeable part of a small build; Intl's for the rest. */
function relativeFormat(
  locale: string,
  numeric: "auto" | "always",
): { format(count: number, unit: RelativeUnit): string } {
  if (primaryLanguage(locale) === "ru") {
    return {
      format: (count, unit) =>
        numeric === "auto" && unit === "day" && Math.abs(count) === 1
          ? count < 0
            ? "вчера"
            : "завтра"
          : numeric === "auto" && count === 0
            ? "сейчас"
            : russianRelativeTime(count, unit),
    };
  }
  const key = `${locale} ${numeric}`;
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric })));
  return format;
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * From one calendar day to another: whole years, whole months, and days, each counted on its own and truncated
 * toward zero (negative into the past). As luxon counts them, months are added to the earlier day, and a month added
 * to the 31st ends on the month's last day.
 */
export function calendarDifference(
  from: CalendarDay,
  to: CalendarDay,
): { years: number; months: number; days: number } {
  const utc = (day: CalendarDay) => Date.UTC(day.year, day.month - 1, day.day);
  const days = Math.round((utc(to) - utc(from)) / 86_400_000);
  const [earlier, later] = days < 0 ? [to, from] : [from, to];
  let months = (later.year - earlier.year) * 12 + (later.month - earlier.month);
  const index = earlier.year * 12 + (earlier.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (utc({ year, month, day: Math.min(earlier.day, lastDay) }) > utc(later)) months -= 1;
  const signed = days < 0 ? -months : months;
  return { years: Math.trunc(signed / 12), months: signed, days };
}

/**
 * The date as RFC 3339 for `<time datetime>` and feeds: seconds, no milliseconds, and the offset `zone` has at
 * that moment. The offset is always numeric, `+00:00` included, so every date of a site has the same shape.
 *
 * @example isoDate("2015-07-29", "Europe/Moscow") // "2015-07-29T00:00:00+03:00"
 */
export function isoDate(value: unknown, zone: string): string {
  // An explicit locale keeps the digits Latin whatever locale the DateTime or luxon's Settings carry.
  return toDateTime(value, zone).toFormat(RFC_3339, { locale: "en-US" });
}

/** Whether luxon (through Node's Intl) knows the IANA zone, e.g. `"Europe/Moscow"`. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Throws when Node's ICU has no data for `locale`. Node built with small ICU silently formats every locale in
 * English, so a Russian blog would show `29 July 2015`; failing at start says why instead.
 *
 * @throws InvalidValueError explaining that Node needs full ICU.
 */
export function assertLocaleAvailable(locale: string): void {
  if (isLocaleAvailable(locale)) return;
  throw new InvalidValueError(
    `Node.js has no data for the locale "${locale}" (ICU ${process.versions.icu ?? "missing"}), so dates would ` +
      `be written in English. Node must be built with full ICU: official builds are (check with ` +
      `node -p "process.versions.icu" and node -p "Intl.DateTimeFormat.supportedLocalesOf(['${locale}'])"); ` +
      `for a small-icu build, rebuild Node with --with-intl=full-icu or install the full-icu package and set ` +
      `NODE_ICU_DATA to its folder.`,
  );
}

function isLocaleAvailable(locale: string): boolean {
  let supported: string[];
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf([locale]);
  } catch {
    // A malformed tag (`"ru RU"`) is a RangeError; it has no data either.
    return false;
  }
  if (supported.length === 0) return false;
  // Some builds list a locale yet fall back to English names; a non-English locale must not name July "July".
  const july = DateTime.fromObject({ year: 2015, month: 7, day: 29 }, { zone: "UTC" });
  const isEnglish = new Intl.Locale(supported[0] ?? locale).language === "en";
  return isEnglish || july.toFormat("MMMM", { locale }) !== july.toFormat("MMMM", { locale: "en" });
}

/**
 * The date filters with the site's zone bound; each is a plain function, independent of `this`. `locale` is the
 * language of the page (or post) the date belongs to; without it, the site's.
 */
export interface DateFilters {
  ruDate(value: unknown, format?: string, locale?: string): string;
  ruRelative(value: unknown, base?: unknown, locale?: string): string;
  isoDate(value: unknown): string;
}

/**
 * Binds the site's `zone` and `locale` once, for registering with `eleventyConfig.addFilter`.
 * Template engines call filters as `(value, ...args)`; a missing argument arrives as `undefined` and takes the
 * default.
 */
export function createDateFilters(settings: { zone: string; locale: string }): DateFilters {
  const { zone } = settings;
  // A post's date is formatted again on every term page and feed that lists it, and luxon computes the zone's
  // offset through Intl on each call (~10 µs): results for a JS Date (what `page.date` is) are kept.
  const formatted = new Map<string, string>();
  const memo = (value: unknown, format: string, make: () => string): string => {
    if (!(value instanceof Date)) return make();
    const key = `${value.getTime()} ${format}`;
    let text = formatted.get(key);
    if (text === undefined) {
      text = make();
      formatted.set(key, text);
    }
    return text;
  };
  return {
    ruDate: (value, format, locale = settings.locale) =>
      memo(value, `${locale} ${format ?? ""}`, () => ruDate(value, format, zone, locale)),
    ruRelative: (value, base, locale = settings.locale) => ruRelative(value, base, zone, locale),
    isoDate: (value) => memo(value, "\0iso", () => isoDate(value, zone)),
  };
}
