import test from "ava";
import { DateTime } from "luxon";
import fc from "fast-check";
import {
  assertLocaleAvailable,
  createDateFilters,
  dateFromFileName,
  isoDate,
  isValidZone,
  cachedZone,
  parseFrontMatterDate,
  ruDate,
  ruRelative,
  toDateTime,
} from "../../src/posts/dates.js";
import { InvalidValueError } from "../../src/errors.js";

const MOSCOW = "Europe/Moscow";

/** The date as RFC 3339 with the offset it carries, to compare instants and zones in one string. */
function iso(date: DateTime | undefined): string | null | undefined {
  return date?.toISO({ suppressMilliseconds: true });
}

test("a day is midnight in the site zone", (t) => {
  t.is(iso(parseFrontMatterDate("2015-07-29", MOSCOW)), "2015-07-29T00:00:00+03:00");
  t.is(iso(parseFrontMatterDate("2015-07-29", "America/New_York")), "2015-07-29T00:00:00-04:00");
});

test("a wall-clock time without offset is read in the site zone", (t) => {
  t.is(iso(parseFrontMatterDate("2015-07-29 14:30", MOSCOW)), "2015-07-29T14:30:00+03:00");
  t.is(iso(parseFrontMatterDate("2015-07-29 14:30:15", MOSCOW)), "2015-07-29T14:30:15+03:00");
  t.is(iso(parseFrontMatterDate("2015-07-29T14:30", MOSCOW)), "2015-07-29T14:30:00+03:00");
  t.is(iso(parseFrontMatterDate("  2015-07-29 14:30\n", MOSCOW)), "2015-07-29T14:30:00+03:00");
});

test("a time with an offset keeps its instant and the offset it was written with", (t) => {
  t.is(parseFrontMatterDate("2015-07-29T14:30:00+03:00", MOSCOW)?.toISO(), "2015-07-29T14:30:00.000+03:00");
  const east = parseFrontMatterDate("2015-07-29T23:30:00+05:00", MOSCOW);
  t.is(east?.toISO(), "2015-07-29T23:30:00.000+05:00");
  t.is(east?.toJSDate().toISOString(), "2015-07-29T18:30:00.000Z");
  t.is(parseFrontMatterDate("2015-07-29T14:30:00Z", MOSCOW)?.toISO(), "2015-07-29T14:30:00.000Z");
  // Filters always show the site zone.
  t.is(isoDate("2015-07-29T14:30:00Z", MOSCOW), "2015-07-29T17:30:00+03:00");
});

test("a JS Date is an instant, set to the site zone", (t) => {
  const date = parseFrontMatterDate(new Date("2015-07-29T11:30:00Z"), MOSCOW);
  t.is(iso(date), "2015-07-29T14:30:00+03:00");
  t.is(date?.zoneName, MOSCOW);
});

test("an empty front-matter date is no date", (t) => {
  t.is(parseFrontMatterDate(undefined, MOSCOW), undefined);
  t.is(parseFrontMatterDate(null, MOSCOW), undefined);
  t.is(parseFrontMatterDate("", MOSCOW), undefined);
  t.is(parseFrontMatterDate("   ", MOSCOW), undefined);
});

test("impossible dates are rejected, never repaired", (t) => {
  for (const value of ["2015-02-30", "2015-13-01", "2015-07-29 25:00", "2015-07-29 14:60", "2015-13-45"]) {
    const error = t.throws(() => parseFrontMatterDate(value, MOSCOW), { instanceOf: InvalidValueError });
    t.is(error?.message, `"${value}" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00`);
  }
});

test("other front-matter values are rejected, numbers included", (t) => {
  t.throws(() => parseFrontMatterDate(2015, MOSCOW), { instanceOf: InvalidValueError, message: /^2015 is not a date/ });
  t.throws(() => parseFrontMatterDate("29.07.2015", MOSCOW), { message: /^"29\.07\.2015" is not a date/ });
  t.throws(() => parseFrontMatterDate("2015-07", MOSCOW), { message: /^"2015-07" is not a date/ });
  t.throws(() => parseFrontMatterDate("вчера", MOSCOW), { message: /^"вчера" is not a date/ });
  t.throws(() => parseFrontMatterDate(true, MOSCOW), { message: /^true is not a date/ });
  t.throws(() => parseFrontMatterDate(new Date("nonsense"), MOSCOW), { message: /^Invalid Date is not a date/ });
});

test("a file name's YYYY-MM-DD prefix is midnight in the site zone", (t) => {
  t.is(iso(dateFromFileName("2015-07-29-coreos.md", MOSCOW)), "2015-07-29T00:00:00+03:00");
  t.is(iso(dateFromFileName("./posts/2015/2015-07-29-coreos.md", MOSCOW)), "2015-07-29T00:00:00+03:00");
  t.is(iso(dateFromFileName("posts\\2015-07-29.md", MOSCOW)), "2015-07-29T00:00:00+03:00");
});

test("a file name without a valid date prefix gives no date", (t) => {
  t.is(dateFromFileName("coreos.md", MOSCOW), undefined);
  t.is(dateFromFileName("2015-07-29/coreos.md", MOSCOW), undefined);
  t.is(dateFromFileName("2015-02-30-coreos.md", MOSCOW), undefined);
  t.is(dateFromFileName("2015-07-291.md", MOSCOW), undefined);
});

test("toDateTime accepts Dates, DateTimes and date strings", (t) => {
  t.is(iso(toDateTime(new Date("2015-07-28T21:00:00Z"), MOSCOW)), "2015-07-29T00:00:00+03:00");
  t.is(iso(toDateTime(DateTime.fromISO("2015-07-29T00:00:00Z", { zone: "UTC" }), MOSCOW)), "2015-07-29T03:00:00+03:00");
  t.is(iso(toDateTime("2015-07-29", MOSCOW)), "2015-07-29T00:00:00+03:00");
  t.is(iso(toDateTime("2015-07-29 14:30", MOSCOW)), "2015-07-29T14:30:00+03:00");
  t.is(iso(toDateTime(new Date("2015-07-29T11:30:00Z").toISOString(), MOSCOW)), "2015-07-29T14:30:00+03:00");
});

test("toDateTime rejects anything else, naming it", (t) => {
  t.throws(() => toDateTime(undefined, MOSCOW), { instanceOf: InvalidValueError, message: /^undefined is not a date/ });
  t.throws(() => toDateTime("", MOSCOW), { instanceOf: InvalidValueError, message: /^"" is not a date/ });
  t.throws(() => toDateTime(1438128000000, MOSCOW), { message: /^1438128000000 is not a date/ });
  t.throws(() => toDateTime({ year: 2015 }, MOSCOW), { message: /^\{"year":2015\} is not a date/ });
  t.throws(() => toDateTime("2015-02-30", MOSCOW), { message: /^"2015-02-30" is not a date/ });
  t.throws(() => toDateTime(DateTime.invalid("broken"), MOSCOW), { instanceOf: InvalidValueError, message: /broken/ });
});

test("a long value is cut in the message", (t) => {
  const error = t.throws(() => toDateTime("x".repeat(500), MOSCOW));
  t.true(error!.message.startsWith(`"${"x".repeat(78)}… is not a date`));
});

test("ruDate writes Russian month and weekday names", (t) => {
  t.is(ruDate("2015-07-29", undefined, MOSCOW), "29 июля 2015");
  t.is(ruDate("2015-07-29", "LLLL yyyy", MOSCOW), "июль 2015");
  t.is(ruDate("2015-07-29", "cccc, d MMMM", MOSCOW), "среда, 29 июля");
  t.is(ruDate("2015-07-29", "d MMMM yyyy", MOSCOW, "en"), "29 July 2015");
});

test("ruDate shows the day in the site zone", (t) => {
  const lateInUtc = new Date("2015-07-28T22:30:00Z");
  t.is(ruDate(lateInUtc, undefined, MOSCOW), "29 июля 2015");
  t.is(ruDate(lateInUtc, undefined, "UTC"), "28 июля 2015");
});

const BASE = "2015-08-01 12:00";

test("ruRelative: less than a day apart counts hours, minutes and seconds", (t) => {
  t.is(ruRelative("2015-08-01 11:55", BASE, MOSCOW), "5 минут назад");
  t.is(ruRelative("2015-08-01 14:00", BASE, MOSCOW), "через 2 часа");
  t.is(ruRelative("2015-08-01 12:00:30", BASE, MOSCOW), "сейчас");
  t.is(ruRelative("2015-07-31 23:00", "2015-08-01 00:30", MOSCOW), "1 час назад");
});

test("ruRelative: one calendar day apart is вчера or завтра", (t) => {
  t.is(ruRelative("2015-07-31", BASE, MOSCOW), "вчера");
  t.is(ruRelative("2015-07-31 11:00", BASE, MOSCOW), "вчера");
  t.is(ruRelative("2015-08-02 18:00", BASE, MOSCOW), "завтра");
});

test("ruRelative: further apart counts calendar days, months and years", (t) => {
  t.is(ruRelative("2015-07-29", BASE, MOSCOW), "3 дня назад");
  t.is(ruRelative("2015-07-30 23:00", BASE, MOSCOW), "2 дня назад");
  t.is(ruRelative("2015-07-20", BASE, MOSCOW), "12 дней назад");
  t.is(ruRelative("2015-06-15", BASE, MOSCOW), "1 месяц назад");
  t.is(ruRelative("2013-07-29", BASE, MOSCOW), "2 года назад");
  t.is(ruRelative("2015-08-06", BASE, MOSCOW), "через 5 дней");
});

test("ruRelative: calendar days are the site zone's", (t) => {
  const base = new Date("2015-08-01T09:00:00Z");
  const value = new Date("2015-07-30T22:30:00Z");
  t.is(ruRelative(value, base, MOSCOW), "вчера");
  t.is(ruRelative(value, base, "UTC"), "2 дня назад");
});

test("ruRelative counts from now when there is no base", (t) => {
  t.is(ruRelative(DateTime.now().minus({ days: 3 }), undefined, MOSCOW), "3 дня назад");
});

test("ruRelative rejects a bad base, naming it", (t) => {
  t.throws(() => ruRelative("2015-07-29", "потом", MOSCOW), {
    instanceOf: InvalidValueError,
    message: /^"потом" is not a date/,
  });
});

test("isoDate writes RFC 3339 with the zone's numeric offset", (t) => {
  t.is(isoDate("2015-07-29", MOSCOW), "2015-07-29T00:00:00+03:00");
  t.is(isoDate(new Date("2015-07-29T11:30:15.250Z"), MOSCOW), "2015-07-29T14:30:15+03:00");
  t.is(isoDate("2015-07-29", "UTC"), "2015-07-29T00:00:00+00:00");
  t.is(isoDate("2015-01-29 09:05", "America/Los_Angeles"), "2015-01-29T09:05:00-08:00");
  t.throws(() => isoDate(null, MOSCOW), { instanceOf: InvalidValueError, message: /^null is not a date/ });
});

test("isValidZone knows IANA zones", (t) => {
  t.true(isValidZone(MOSCOW));
  t.true(isValidZone("UTC"));
  t.false(isValidZone("Moscow"));
  t.false(isValidZone(""));
});

test("assertLocaleAvailable passes for locales Node has and explains the rest", (t) => {
  t.notThrows(() => assertLocaleAvailable("ru"));
  t.notThrows(() => assertLocaleAvailable("ru-RU"));
  t.notThrows(() => assertLocaleAvailable("en"));
  for (const locale of ["zz", "ru RU"]) {
    const error = t.throws(() => assertLocaleAvailable(locale));
    t.true(error instanceof InvalidValueError);
    t.regex(error!.message, new RegExp(`"${locale}"`));
    t.regex(error!.message, /full ICU/);
    t.regex(error!.message, /process\.versions\.icu/);
    t.regex(error!.message, /--with-intl=full-icu/);
  }
});

test("the filters bind zone and locale and do not need `this`", (t) => {
  const { ruDate: date, ruRelative: relative, isoDate: iso8601 } = createDateFilters({ zone: MOSCOW, locale: "ru" });
  t.is(date("2015-07-29"), "29 июля 2015");
  t.is(date("2015-07-29", "LLLL yyyy"), "июль 2015");
  t.is(relative("2015-07-31", BASE), "вчера");
  t.is(iso8601("2015-07-29"), "2015-07-29T00:00:00+03:00");
  t.is(createDateFilters({ zone: "UTC", locale: "en" }).ruDate.call({}, "2015-07-29"), "29 July 2015");
});

test("ruRelative within a day counts hours, minutes and seconds as luxon's toRelative does; a minute apart or less is now", (t) => {
  const zone = "Europe/Moscow";
  const base = DateTime.fromISO("2015-07-29T12:00:00", { zone });
  for (const seconds of [-86_399, -7200, -3601, -3599, -61, -60, -59, 59, 60, 61, 3599, 3600, 86_399]) {
    const date = base.plus({ seconds });
    for (const locale of ["ru", "en", "uk"]) {
      const expected =
        Math.abs(seconds) < 60
          ? new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(0, "second")
          : date.toRelative({ base, locale, unit: ["hours", "minutes", "seconds"] });
      t.is(ruRelative(date.toISO(), base.toISO(), zone, locale), String(expected), `${seconds} s, ${locale}`);
    }
  }
  t.is(ruRelative("2015-07-29T11:59:30+03:00", "2015-07-29T12:00:00+03:00", zone), "сейчас");
});

test("ruRelative counts calendar years, months and days as luxon's toRelative does", (t) => {
  const zone = "America/Los_Angeles";
  const luxonRelative = (value: string, base: string, locale: string) => {
    const day = DateTime.fromISO(value, { zone }).startOf("day");
    const baseDay = DateTime.fromISO(base, { zone }).startOf("day");
    if (Math.abs(day.diff(baseDay, "days").days) === 1)
      return day.toRelativeCalendar({ base: baseDay, locale, unit: "days" });
    return day.toRelative({ base: baseDay, locale, unit: ["years", "months", "days"] });
  };
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }),
      fc.integer({ min: -800, max: 800 }),
      fc.constantFrom("ru", "en", "de", "uk"),
      (date, offsetDays, locale) => {
        const value = DateTime.fromJSDate(date, { zone }).toISODate() ?? "";
        const base = DateTime.fromISO(value, { zone }).plus({ days: offsetDays, hours: 12 }).toISO() ?? "";
        if (Math.abs(DateTime.fromISO(value, { zone }).diff(DateTime.fromISO(base, { zone })).as("minutes")) < 24 * 60)
          return;
        t.is(
          ruRelative(value, base, zone, locale),
          String(luxonRelative(value, base, locale)),
          `${value} from ${base}`,
        );
      },
    ),
    { numRuns: 300 },
  );
  for (const [value, base, expected] of [
    ["2016-01-31", "2016-02-29", "1 месяц назад"],
    ["2016-03-31", "2016-02-29", "через 1 месяц"],
    ["2016-01-31", "2016-03-01", "1 месяц назад"],
    ["2016-02-29", "2017-02-28", "1 год назад"],
    ["2017-02-28", "2016-02-29", "через 1 год"],
  ] as const) {
    t.is(ruRelative(value, `${base}T12:00`, zone), expected, `${value} from ${base}`);
  }
});

test("cachedZone gives luxon's own offsets, every hour and across transitions (DST, 2011 and 2014 in Moscow, Apia's lost day)", (t) => {
  for (const name of ["Europe/Moscow", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata"]) {
    const zone = cachedZone(name);
    t.not(zone, name, `${name} is cached`);
    const start = Date.UTC(2010, 0, 1);
    for (let ts = start; ts < Date.UTC(2015, 0, 1); ts += 3_600_000 + 60_000 * 7) {
      const instant = DateTime.fromMillis(ts, { zone: name }).toISO();
      t.is(DateTime.fromMillis(ts, { zone }).toISO(), instant);
      // Every wall-clock hour of the five years read in the zone, the skipped and repeated ones included.
      const { year, month, day, hour, minute } = DateTime.fromMillis(ts, { zone: "UTC" });
      const wall = { year, month, day, hour, minute };
      t.is(DateTime.fromObject(wall, { zone }).toISO(), DateTime.fromObject(wall, { zone: name }).toISO());
    }
  }
  t.is(cachedZone("UTC"), "UTC");
  t.is(cachedZone("Not/AZone"), "Not/AZone");
});
