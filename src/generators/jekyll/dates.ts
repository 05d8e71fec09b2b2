/**
 * A Jekyll post's date, as Jekyll 4.3 computes it (document.rb `merge_date!`, `modify_date`; utils.rb `parse_date`):
 * the front matter value goes through Ruby's `to_s` and `Time.parse` in the site's zone (`timezone`, set as TZ).
 * - an unquoted timestamp with no zone is a UTC time to Psych: its `to_s` says `UTC`, so the instant is UTC;
 * - one with an offset (`2016-03-21 22:38:21 +0300`) keeps its instant;
 * - a quoted string, an unquoted date (`2016-03-21`, a Ruby Date) and the file name's date are wall-clock time in
 *   the site zone.
 * URL parts are then taken in the site zone (`Time#localtime`).
 */
import { DateTime } from "luxon";
import { InvalidValueError } from "../../errors.js";
import { PsychTimestamp } from "./yaml.js";
import { cachedZone } from "../../posts/dates.js";

/** `Time.parse` reads far more than this; these are the forms blogs write (ISO-like, and `21.03.2016`). */
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?)?(?:\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?))?$/;
const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function offsetZone(offset: string | undefined): string | undefined {
  if (offset === undefined) return undefined;
  if (/^(?:Z|UTC|GMT)$/.test(offset)) return "UTC";
  const [, sign, hours, minutes] = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(offset)!;
  return `UTC${sign}${Number(hours)}${minutes && minutes !== "00" ? `:${minutes}` : ""}`;
}

/** `Time.parse(text)` with TZ = `zone`: the instant, or `undefined` where Ruby raises (or would repair the date). */
function rubyTimeParse(text: string, zone: string): DateTime | undefined {
  const iso = ISO_LIKE.exec(text);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(text);
  let parts: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  let offset: string | undefined;
  if (iso) {
    const [, y, mo, d, h, mi, s, o] = iso;
    parts = { year: +y!, month: +mo!, day: +d!, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0) };
    offset = o;
  } else if (dayFirst) {
    const [, d, mo, y, h, mi, s] = dayFirst;
    parts = { year: +y!, month: +mo!, day: +d!, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0) };
  } else {
    return undefined;
  }
  const date = DateTime.fromObject(parts, { zone: cachedZone(offsetZone(offset) ?? zone) });
  return date.isValid ? date.setZone(cachedZone(zone)) : undefined;
}

export interface JekyllDateInput {
  /** The front matter `date` as loadJekyllYaml gives it. */
  value: unknown;
  /** The date part of the file name (`2015-7-9`), when the name has one. */
  fileNameDate: string | undefined;
  zone: string;
  /** The post's path relative to the blog, for the error. */
  file: string;
}

/** Psych made a Time (UTC unless the text has an offset) or a Date (whose text Jekyll reads in the site zone). */
function psychTime(timestamp: PsychTimestamp, zone: string): DateTime | undefined {
  if (timestamp.kind === "date") return rubyTimeParse(timestamp.text, zone);
  return rubyTimeParse(timestamp.text.trim(), "UTC")?.setZone(zone);
}

/**
 * @returns the post's date in `zone`, or `undefined` when neither the front matter nor the file name has one.
 * @throws InvalidValueError with Jekyll's own wording ("Invalid date '…': Document '…' does not have a valid date in
 *   the front matter.") for a value Jekyll cannot read, and also for an impossible day (`2015-02-30`), which
 *   Ruby would move to another date without a word.
 */
export function jekyllPostDate({ value, fileNameDate, zone, file }: JekyllDateInput): DateTime | undefined {
  if (value === undefined || value === null) {
    if (fileNameDate === undefined) return undefined;
    const date = rubyTimeParse(fileNameDate, zone);
    if (!date) throw invalid(fileNameDate, file, "filename");
    return date;
  }
  const date =
    value instanceof PsychTimestamp
      ? psychTime(value, zone)
      : typeof value === "string"
        ? rubyTimeParse(value.trim(), zone)
        : undefined;
  if (!date) throw invalid(String(value), file, "front matter");
  return date;
}

function invalid(text: string, file: string, source: string): InvalidValueError {
  return new InvalidValueError(
    `Invalid date '${text}': Document '${file}' does not have a valid date in the ${source}. ` +
      "Write it as 2016-03-21, 2016-03-21 22:38:21 or 2016-03-21 22:38:21 +0300.",
  );
}
