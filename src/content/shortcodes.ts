/**
 * Hugo shortcodes in a post's Markdown source: finding them (outside code), parsing their arguments as Hugo 0.111's
 * lexer does, pairing `{{< name >}}…{{< /name >}}`, and Hugo's comment escape (`{{</*` name `*` `/>}}`). What a shortcode turns into
 * is the caller's (built-ins in hugo-shortcodes.ts, a site's own through Eleventy's shortcodes): plain values in and
 * out, no Eleventy here.
 */

/** One shortcode call as written in the source. */
export interface ShortcodeCall {
  name: string;
  /** `{{% … %}}`: Hugo renders the output as Markdown; `{{< … >}}`: the output is inserted as HTML. */
  markdown: boolean;
  positional: string[];
  named: Record<string, string>;
  /** Whether the arguments are `key=value` pairs (Hugo's `.IsNamedParams`); Hugo allows one kind per call. */
  isNamed: boolean;
  /** The text between the opening and the closing tag, with nested shortcodes already expanded; undefined when unpaired. */
  inner: string | undefined;
  /** The call as written (opening tag to closing tag), for messages. */
  source: string;
  /** 1-based line of the opening tag, for messages. */
  line: number;
}

/** A line range `[start, end)` (0-based, markdown-it's `token.map`) holding a fenced or indented code block. */
export type LineRange = readonly [number, number];

export type RenderShortcode = (call: ShortcodeCall) => string | Promise<string>;

/** A problem that stops the build (an unparsable tag): the caller adds the file and turns `line` into the file's line. */
export class ShortcodeSyntaxError extends Error {
  override name = "ShortcodeSyntaxError";
  constructor(
    message: string,
    /** 1-based line in the source given to {@link expandShortcodes}. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** Whether a source might hold a shortcode at all: the fast path for the many posts that have none. */
export function mayHaveShortcodes(source: string): boolean {
  return source.includes("{{<") || source.includes("{{%");
}

interface Tag {
  start: number;
  end: number;
  markdown: boolean;
  /** Hugo's comment escape (`{{</*` name `*` `/>}}`), written out as the literal tag without the comment marks. */
  escaped: boolean;
  closing: boolean;
  selfClosing: boolean;
  name: string;
  args: string;
  inCode: boolean;
}

const MAX_NESTING = 50;
/** Longer than any real shortcode tag; bounds the work a stray `{{<` costs. */
const MAX_TAG_LENGTH = 1024;

/**
 * Expands every shortcode of `source` outside code with `render`, and writes each comment escape (`{{</*` x `*` `/>}}`; in code too,
 * as Hugo does) as the literal `{{< x >}}`. A shortcode inside fenced, indented or inline code is left as written.
 * Paired shortcodes get their inner text with nested shortcodes expanded first. Linear in the source's length.
 */
export async function expandShortcodes(
  source: string,
  codeBlocks: readonly LineRange[],
  render: RenderShortcode,
  warn: (line: number, message: string) => void = () => {},
): Promise<string> {
  if (!mayHaveShortcodes(source)) return source;
  const { tags, tooLong } = findTags(source, codeBlocks);
  const paired = pairedOpenings(tags);
  const lineStarts = lineOffsets(source);
  const lineOf = (offset: number) => upperBound(lineStarts, offset);
  for (const at of tooLong)
    warn(
      lineOf(at),
      `${JSON.stringify(source.slice(at, at + 40))}… is a shortcode longer than ${MAX_TAG_LENGTH.toLocaleString("en")} characters, which is left as written; shorten its arguments (a long text goes between an opening and a closing tag)`,
    );
  let index = 0;

  /** Copies and expands from `start` up to the closing tag of `closingName` (or the end); returns where it stopped. */
  async function expand(
    start: number,
    closingName: string | undefined,
    depth: number,
  ): Promise<{ text: string; end: number }> {
    if (depth > MAX_NESTING)
      throw new ShortcodeSyntaxError(`shortcodes are nested more than ${MAX_NESTING} deep`, lineOf(start));
    let text = "";
    let position = start;
    while (index < tags.length) {
      const tag = tags[index] as Tag;
      index++;
      text += source.slice(position, tag.start);
      position = tag.end;
      if (tag.escaped) {
        text += literal(tag);
        continue;
      }
      if (tag.inCode) {
        text += source.slice(tag.start, tag.end);
        continue;
      }
      const line = lineOf(tag.start);
      if (tag.closing) {
        if (tag.name === closingName) return { text, end: tag.end };
        // Hugo stops the build on a closing tag without its opening one.
        throw new ShortcodeSyntaxError(
          `the closing tag ${source.slice(tag.start, tag.end)} has no opening {{< ${tag.name} >}} before it`,
          line,
        );
      }
      const args = parseArguments(tag.args, tag.name, line);
      let inner: string | undefined;
      if (paired.has(tag)) {
        const nested = await expand(tag.end, tag.name, depth + 1);
        inner = nested.text;
        position = nested.end;
      }
      text += await render({
        name: tag.name,
        markdown: tag.markdown,
        ...args,
        inner,
        source: source.slice(tag.start, position),
        line,
      });
    }
    return { text: text + source.slice(position), end: source.length };
  }

  return (await expand(0, undefined, 0)).text;
}

/** The opening tags that have a closing tag of their name after them (nesting counted): one pass, a stack per name. */
function pairedOpenings(tags: readonly Tag[]): Set<Tag> {
  const open = new Map<string, Tag[]>();
  const paired = new Set<Tag>();
  for (const tag of tags) {
    if (tag.escaped || tag.inCode || tag.selfClosing) continue;
    const stack = open.get(tag.name) ?? [];
    open.set(tag.name, stack);
    if (!tag.closing) stack.push(tag);
    else {
      const opening = stack.pop();
      if (opening) paired.add(opening);
    }
  }
  return paired;
}

function literal(tag: Tag): string {
  const [open, close] = tag.markdown ? ["{{%", "%}}"] : ["{{<", ">}}"];
  const slash = tag.closing ? "/" : "";
  const self = tag.selfClosing ? " /" : "";
  return `${open} ${slash}${tag.name}${tag.args ? ` ${tag.args}` : ""}${self} ${close}`;
}

/** How a tag starts, up to its name: what a long one must look like to be named in a warning. */
const TAG_START = /^\{\{[<%]\s*(?:\/\*)?\s*\/?\s*[A-Za-z0-9_][\w./-]*(?:\s|$)/;

/** Matches one tag at a position: `{{<` or `{{%`, an optional comment opening, the body, its closing, `>}}` or `%}}`. */
const TAG =
  /\{\{([<%])\s*(\/\*)?\s*(\/)?\s*([A-Za-z0-9_][\w./-]*)((?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^"`])*?)\s*(\/)?\s*(\*\/)?\s*([>%])\}\}/y;

/**
 * Every tag in the source, in order, each marked when it lies in code (fenced, indented or inline); and where a tag
 * outside code starts that is longer than {@link MAX_TAG_LENGTH}, so not read.
 */
function findTags(source: string, codeBlocks: readonly LineRange[]): { tags: Tag[]; tooLong: number[] } {
  const inCode = codeLookup(source, codeBlocks);
  const tags: Tag[] = [];
  const tooLong: number[] = [];
  // Tags end at the first `}}` after them: found once per `}}`, not once per `{{`, so the scan stays linear.
  let tagEnd = -1;
  for (let at = source.indexOf("{{"); at !== -1; at = source.indexOf("{{", at + 1)) {
    const next = source[at + 2];
    if (next !== "<" && next !== "%") continue;
    if (tagEnd < at + 3) tagEnd = source.indexOf("}}", at + 3);
    if (tagEnd === -1) break;
    if (tagEnd - at > MAX_TAG_LENGTH) {
      if (TAG_START.test(source.slice(at, at + 200)) && !inCode(at)) tooLong.push(at);
      continue;
    }
    TAG.lastIndex = 0;
    const match = TAG.exec(source.slice(at, tagEnd + 2));
    if (!match) continue;
    const [whole, open, commentOpen, slash, name, args, selfSlash, commentClose, closer] = match;
    if ((open === "<") !== (closer === ">")) continue;
    if (Boolean(commentOpen) !== Boolean(commentClose)) continue;
    tags.push({
      start: at,
      end: at + whole.length,
      markdown: open === "%",
      escaped: Boolean(commentOpen),
      closing: Boolean(slash),
      selfClosing: Boolean(selfSlash),
      name: name as string,
      args: (args as string).trim(),
      inCode: inCode(at),
    });
    at += whole.length - 1;
  }
  return { tags, tooLong };
}

/** Offsets where each line starts. */
function lineOffsets(source: string): number[] {
  const starts = [0];
  for (let at = source.indexOf("\n"); at !== -1; at = source.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

/** The number of entries `<= value` in a sorted array: with line starts, the 1-based line of an offset. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether an offset lies in code: in one of the code blocks the Markdown parser found, or in an inline code span
 * (a run of N backticks up to the next run of exactly N, within one paragraph, as CommonMark reads it). The answer
 * function must be asked in increasing offsets (tags are found in order), which keeps the whole scan linear.
 */
function codeLookup(source: string, codeBlocks: readonly LineRange[]): (offset: number) => boolean {
  const lineStarts = lineOffsets(source);
  const blocks = codeBlocks
    .map(([start, end]) => [lineStarts[start] ?? source.length, lineStarts[end] ?? source.length] as const)
    .sort((a, b) => a[0] - b[0]);
  const inBlock = monotoneMembership(blocks);
  const spans: Array<readonly [number, number]> = [];
  const backticks = /`+/g;
  let open: { at: number; length: number } | undefined;
  for (let match = backticks.exec(source); match; match = backticks.exec(source)) {
    if (inBlock(match.index)) {
      open = undefined;
      continue;
    }
    if (open && PARAGRAPH_BREAK.test(source.slice(open.at, match.index))) open = undefined;
    if (!open) {
      open = { at: match.index, length: match[0].length };
    } else if (match[0].length === open.length) {
      spans.push([open.at, match.index + match[0].length]);
      open = undefined;
    }
  }
  const inBlockAgain = monotoneMembership(blocks);
  const inSpan = monotoneMembership(spans);
  return (offset) => inBlockAgain(offset) || inSpan(offset);
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/;

/** Membership in sorted, disjoint `[start, end)` ranges for offsets asked in increasing order. */
function monotoneMembership(ranges: ReadonlyArray<readonly [number, number]>): (offset: number) => boolean {
  let at = 0;
  return (offset) => {
    while (at < ranges.length && (ranges[at] as readonly [number, number])[1] <= offset) at++;
    const range = ranges[at];
    return range !== undefined && offset >= range[0];
  };
}

/**
 * Hugo's shortcode arguments: positional (`"quoted \" text"`, `` `raw` ``, bare words) or named (`key="value"`,
 * `key=value`); Hugo rejects a mix, and so does this.
 */
export function parseArguments(
  text: string,
  name: string,
  line: number,
): { positional: string[]; named: Record<string, string>; isNamed: boolean } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const token = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const match = token.exec(text);
    if (!match || match[0].trim() === "") {
      if (text.slice(at).trim() === "") break;
      throw new ShortcodeSyntaxError(
        `the arguments of shortcode "${name}" cannot be read at ${JSON.stringify(text.slice(at))}`,
        line,
      );
    }
    at = token.lastIndex;
    const [, key, quoted, raw, bare] = match;
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : (raw ?? bare ?? "");
    if (key !== undefined) named[key] = value;
    else positional.push(value);
  }
  const isNamed = Object.keys(named).length > 0;
  if (isNamed && positional.length) {
    throw new ShortcodeSyntaxError(
      `shortcode "${name}" mixes named and positional arguments, which Hugo does not allow either; write them all as key="value" or all by position`,
      line,
    );
  }
  return { positional, named, isNamed };
}
