import { DateTime } from "luxon";
import { cachedZone } from "../../posts/dates.js";

/**
 * Pelican reads every `Date` and `Modified` with `dateutil.parser.parse` (pelican/utils.py `get_date`, after
 * `readers.py` turns `_` into a space and runs of spaces into one). This reads the forms of it that name a year, a
 * month and a day, the only ones that give the same date on every build (dateutil takes a missing part from the
 * day of the build):
 *
 * - `2017-6-14 16:47`, `2014/09/07`, `2014.09.07`: any padding, `-`, `/` or `.` between the parts;
 * - `2014-09-07 - 19:27`, `2014-09-07T19:27`, `2014-09-07, 19:27`: a space, ` - `, `T` or `,` before the time;
 * - `09/07/2014` (month first, as dateutil reads it; day first when the first part is over 12);
 * - `7 September 2014`, `September 7, 2014`, `7 Sep 2014 19:27`: English month names, full or three letters;
 * - `19:27:05.123`, `7:27 pm`; zones `Z`, `UTC`, `GMT`, `+03:00`, `+0300`, `+03`.
 *
 * A date without a zone is the wall-clock time in `zone` (Pelican's TIMEZONE).
 *
 * @returns the date, or `undefined` for anything else (then the post's date is an error, as before).
 */
export function parsePelicanDate(value: string, zone: string): DateTime | undefined {
  const text = value.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  const day = readDay(text);
  if (!day) return undefined;
  const rest = text.slice(day.length).replace(/^(?:,? ?- |,? ?T|, | )/, "");
  const time = rest === "" ? { hour: 0, minute: 0, second: 0, millisecond: 0, zone: undefined } : readTime(rest);
  if (!time) return undefined;
  const { zone: written, ...clock } = time;
  const date = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, ...clock },
    { zone: cachedZone(written ?? zone) },
  );
  if (!date.isValid || date.year !== day.year || date.month !== day.month || date.day !== day.day) return undefined;
  return date;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

interface Day {
  year: number;
  month: number;
  day: number;
  /** How many characters of the text the day took. */
  length: number;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function readDay(text: string): Day | undefined {
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(text);
  if (match) return { year: +match[1]!, month: +match[3]!, day: +match[4]!, length: match[0].length };
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/.exec(text);
  if (match) {
    const [first, second] = [+match[1]!, +match[3]!];
    // dateutil's default (dayfirst=False): month first, unless the first part cannot be a month.
    const [month, day] = first > 12 ? [second, first] : [first, second];
    return { year: +match[4]!, month, day, length: match[0].length };
  }
  match = new RegExp(`^(\\d{1,2}) ${MONTH_NAME},? (\\d{4})(?!\\d)`, "i").exec(text);
  if (match) return { year: +match[3]!, month: monthOf(match[2]!), day: +match[1]!, length: match[0].length };
  match = new RegExp(`^${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)`, "i").exec(text);
  if (match) return { year: +match[3]!, month: monthOf(match[1]!), day: +match[2]!, length: match[0].length };
  return undefined;
}

function readTime(text: string) {
  const match =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(?: ?([ap])\.?m\.?)?(?: ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i.exec(
      text,
    );
  if (!match) return undefined;
  let hour = +match[1]!;
  const half = match[5]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === "p" && hour < 12) hour += 12;
  if (half === "a" && hour === 12) hour = 0;
  const minute = +match[2]!;
  const second = match[3] === undefined ? 0 : +match[3];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return {
    hour,
    minute,
    second,
    millisecond: match[4] === undefined ? 0 : Math.floor(+`0.${match[4]}` * 1000),
    zone: match[6] === undefined ? undefined : zoneOf(match[6]),
  };
}

function zoneOf(written: string): string {
  if (/^(Z|UTC|GMT)$/i.test(written)) return "UTC";
  const [, sign, hours, minutes = "00"] = /^([+-])(\d{2}):?(\d{2})?$/.exec(written)!;
  return `UTC${sign}${hours}:${minutes}`;
}
