import { describeValue, InvalidValueError } from "../../errors.js";

/** Python-Markdown's meta extension, which Pelican uses: a key may follow up to three spaces. */
const PELICAN_KEY_LINE = /^ {0,3}([A-Za-z][\w-]*):[ \t]*(.*)$/;
/** Four spaces, or a tab (Python-Markdown expands tabs to four spaces first), continue the value above. */
const PELICAN_CONTINUATION = /^(?: {0,3}\t| {4})/;

/**
 * Reads Pelican's own Markdown metadata as Pelican 4.8 (Python-Markdown 3.4) does: `Key: value` lines, each key
 * after up to three spaces, from the first line to the first blank line; a line indented by four spaces or a tab
 * continues the value above it. Returns undefined when the file does not start with such a line.
 */
export function parsePelicanHeader(content: string): { data: Record<string, string>; body: string } | undefined {
  const lines = content.split(/\r?\n/);
  if (!PELICAN_KEY_LINE.test(lines[0] ?? "")) return undefined;
  const data: Record<string, string> = {};
  let lastKey: string | undefined;
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === "") break;
    const keyLine = PELICAN_KEY_LINE.exec(line);
    if (keyLine) {
      lastKey = keyLine[1]!;
      if (Object.hasOwn(data, lastKey)) throw new InvalidValueError(`the key ${describeValue(lastKey)} is given twice`);
      data[lastKey] = keyLine[2]!.trim();
    } else if (PELICAN_CONTINUATION.test(line) && lastKey) {
      data[lastKey] = `${data[lastKey]} ${line.trim()}`.trim();
    } else {
      // A line that is neither `Key: value` nor a continuation ends the header, as in Pelican's reader.
      break;
    }
  }
  return { data, body: lines.slice(index).join("\n").replace(/^\n/, "") };
}
