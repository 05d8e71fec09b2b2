/**
 * The date strings Hugo 0.111 reads: `common/htime` hands a front-matter string to spf13/cast, which tries Go
 * layouts in a fixed order and takes the first that parses. Checked against Hugo's output (test/conformance/hugo).
 *
 * Two of cast's habits decide the instant and are kept here:
 * - a layout with a zone *name* (`MST`) and no offset keeps the wall-clock time and puts it in the site's zone,
 *   whatever the name says (`Sunday, 26-Oct-14 11:21:26 UTC` is 11:21 in Moscow);
 * - Go reads a signed number up to 23 as a zone name, so `Sat Apr 11 19:15:01 +0000 2015` is taken by UnixDate
 *   (named) before RubyDate (numeric) and is 19:15 in the site's zone, while `-0500` is an offset.
 */
import { DateTime } from "luxon";
import { cachedZone } from "../../posts/dates.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Go layout elements, as regular expressions with one named group each (the value's part). */
const ELEMENTS: [string, string][] = [
  ["Monday", "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"],
  ["Mon", "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"],
  ["Jan", "(?<month>[A-Za-z]{3})"],
  ["2006", "(?<year>\\d{4})"],
  ["06", "(?<year2>\\d{2})"],
  ["01", "(?<monthNumber>\\d{2})"],
  ["_2", " ?(?<day>\\d{1,2})"],
  ["02", "(?<day>\\d{2})"],
  ["15", "(?<hour>\\d{1,2})"],
  ["04", "(?<minute>\\d{2})"],
  // Go takes a fraction after the seconds even where the layout has none.
  ["05.999999999", "(?<second>\\d{2})(?<fraction>[.,]\\d+)?"],
  ["05", "(?<second>\\d{2})(?<fraction>[.,]\\d+)?"],
  ["Z07:00", "(?<offset>Z|[+-]\\d{2}:\\d{2})"],
  ["Z0700", "(?<offset>Z|[+-]\\d{4})"],
  ["-07:00", "(?<offset>[+-]\\d{2}:\\d{2})"],
  ["-0700", "(?<offset>[+-]\\d{4})"],
  // What Go's parseTimeZone takes: a known abbreviation, three letters, four or five ending in T, GMT±n, ±n ≤ 23.
  ["MST", "(?<zone>ChST|MeST|GMT(?:[+-]\\d{1,2})?|UTC|[A-Z]{3}|[A-Z]{3,4}T|[+-]0*(?:1?\\d|2[0-3])(?!\\d))"],
];

/** cast's layouts in its order; `named` layouts keep the wall clock in the site's zone. */
const LAYOUTS: { layout: string; named: boolean }[] = [
  { layout: "2006-01-02T15:04:05Z07:00", named: false },
  { layout: "2006-01-02T15:04:05", named: true },
  { layout: "Mon, 02 Jan 2006 15:04:05 -0700", named: false },
  { layout: "Mon, 02 Jan 2006 15:04:05 MST", named: true },
  { layout: "02 Jan 06 15:04 -0700", named: false },
  { layout: "02 Jan 06 15:04 MST", named: true },
  { layout: "Monday, 02-Jan-06 15:04:05 MST", named: true },
  { layout: "2006-01-02 15:04:05.999999999 -0700 MST", named: false },
  { layout: "2006-01-02T15:04:05-0700", named: false },
  { layout: "2006-01-02 15:04:05Z0700", named: false },
  { layout: "2006-01-02 15:04:05", named: true },
  { layout: "Mon Jan _2 15:04:05 2006", named: true },
  { layout: "Mon Jan _2 15:04:05 MST 2006", named: true },
  { layout: "Mon Jan 02 15:04:05 -0700 2006", named: false },
  { layout: "2006-01-02 15:04:05Z07:00", named: false },
  { layout: "2006-01-02", named: true },
  { layout: "02 Jan 2006", named: true },
  { layout: "2006-01-02 15:04:05 -07:00", named: false },
  { layout: "2006-01-02 15:04:05 -0700", named: false },
];

function compile(layout: string): RegExp {
  let source = "";
  let rest = layout;
  while (rest) {
    const element = ELEMENTS.find(([name]) => rest.startsWith(name));
    if (element) {
      source += element[1];
      rest = rest.slice(element[0].length);
    } else {
      source += rest[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      rest = rest.slice(1);
    }
  }
  return new RegExp(`^${source}$`);
}
const COMPILED = LAYOUTS.map(({ layout, named }) => ({ layout, named, pattern: compile(layout) }));

/**
 * The date Hugo 0.111 reads from a front-matter string, in `zone` (Hugo's `timeZone`) when the string has no offset
 * or only a zone name; `undefined` when no layout of Hugo's reads it (Hugo then takes the year 1, without a word).
 */
export function parseHugoDate(text: string, zone: string): DateTime | undefined {
  const value = text.trim();
  for (const { named, pattern } of COMPILED) {
    const groups = pattern.exec(value)?.groups;
    if (!groups) continue;
    const month = groups.month ? MONTHS.indexOf(groups.month.toLowerCase()) + 1 : Number(groups.monthNumber ?? 1);
    if (month < 1) continue;
    const year = groups.year
      ? Number(groups.year)
      : groups.year2
        ? 1900 + Number(groups.year2) + (Number(groups.year2) < 69 ? 100 : 0)
        : 1;
    const fraction = groups.fraction ? Number(`0.${groups.fraction.slice(1)}`) : 0;
    const parts = {
      year,
      month,
      day: Number(groups.day),
      hour: Number(groups.hour ?? 0),
      minute: Number(groups.minute ?? 0),
      second: Number(groups.second ?? 0),
      millisecond: Math.floor(fraction * 1000),
    };
    // Go's Time.String() form: a zone named UTC wins over the offset written before it.
    const offset = !named && groups.zone === "UTC" ? "Z" : groups.offset;
    const at =
      named || offset === undefined
        ? zone
        : offset === "Z"
          ? "UTC"
          : `UTC${offset.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2")}`;
    const date = DateTime.fromObject(parts, { zone: cachedZone(at) });
    // Go refuses a day out of range and an hour past 23, as luxon does: the next layout is tried.
    if (date.isValid && date.day === parts.day && date.hour === parts.hour) return date;
  }
  return undefined;
}
