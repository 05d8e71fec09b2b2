/**
 * The part of Liquid that Jekyll posts use, rendered without running Liquid: `{% raw %}`, `{% comment %}`,
 * `{% post_url %}`, `{% link %}`, `{% highlight %}` and `{{ site.x }}`/`{{ page.x }}` values. Every other tag
 * (`include`, `if`, `for`, plugins' tags) and every other output is rendered as nothing with a warning naming the
 * post and the tag, or is an error with `strict`: nothing is executed, nothing outside the blog is read.
 * Jekyll renders Liquid over the whole post, code blocks included, before Markdown; so does this.
 */
import { InvalidValueError } from "../../errors.js";

export interface LiquidContext {
  /** The post's path, for messages. */
  file: string;
  site: Record<string, unknown>;
  page: Record<string, unknown>;
  /** `{% post_url NAME %}`: the target's URL (with baseurl), or `undefined` when no post has that name. */
  postUrl(name: string): string | undefined;
  /** `{% link PATH %}`: the URL of the file at PATH, or `undefined`. */
  link(path: string): string | undefined;
  warn(message: string): void;
  strict?: boolean;
}

// `{%- … -%}` and `{{- … -}}` strip the whitespace beside them, as in Liquid.
const TOKEN = /(\s*)(\{%-?|\{\{-?)([\s\S]*?)(-?%\}|-?\}\})(\s*)/g;

interface Token {
  kind: "tag" | "output";
  start: number;
  end: number;
  markup: string;
}

/** `{{` … `}}` and `{%` … `%}` in `text`, with the whitespace that `-` strips taken into the token. */
function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, before, open, markup, close, after] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const start = match.index! + (open.endsWith("-") ? 0 : before.length);
    const end = match.index! + whole.length - (close.startsWith("-") ? 0 : after.length);
    found.push({ kind: open.startsWith("{%") ? "tag" : "output", start, end, markup: markup.trim() });
  }
  return found;
}

const tagName = (markup: string) => /^\w+/.exec(markup)?.[0] ?? "";
const BLOCK_ENDS: Record<string, string> = { raw: "endraw", comment: "endcomment", highlight: "endhighlight" };

export function renderJekyllLiquid(text: string, context: LiquidContext): string {
  const found = tokens(text);
  let out = "";
  let at = 0;
  for (let index = 0; index < found.length; index++) {
    const token = found[index]!;
    if (token.start < at) continue;
    out += text.slice(at, token.start);
    at = token.end;
    if (token.kind === "output") {
      out += output(token.markup, context);
      continue;
    }
    const name = tagName(token.markup);
    const endName = BLOCK_ENDS[name];
    if (endName) {
      // The block's text runs to its end tag, found in the raw text: nothing inside `raw` is a token.
      const endTag = new RegExp(`\\{%-?\\s*${endName}\\s*(-?)%\\}(\\s*)`, "g");
      endTag.lastIndex = token.end;
      const end = endTag.exec(text);
      if (!end) throw problem(context, `{% ${name} %} is never closed with {% ${endName} %}`);
      const inner = text.slice(token.end, end.index);
      at = end.index + end[0].length - (end[1] === "-" ? 0 : end[2]!.length);
      if (name === "raw") out += inner;
      else if (name === "highlight") out += highlight(token.markup, renderJekyllLiquid(inner, context));
      continue;
    }
    out += tag(name, token.markup, context);
  }
  return out + text.slice(at);
}

function problem(context: LiquidContext, message: string): InvalidValueError {
  return new InvalidValueError(`${context.file}: ${message}`);
}

/** A resolver's own error (a name Jekyll cannot parse), with the post named. */
function withFile<T>(context: LiquidContext, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidValueError) throw problem(context, error.message);
    throw error;
  }
}

function unsupported(context: LiquidContext, what: string): string {
  const message = `${what} is Liquid that the plugin does not run; it is left out of the page`;
  if (context.strict) throw problem(context, `${message} (strict)`);
  context.warn(`${context.file}: ${message}`);
  return "";
}

function tag(name: string, markup: string, context: LiquidContext): string {
  const argument = markup.slice(name.length).trim();
  if (name === "post_url") {
    const url = withFile(context, () => context.postUrl(argument));
    // Jekyll 4.3 (tags/post_url.rb) fails the build with this message.
    if (url === undefined) {
      throw problem(
        context,
        `Could not find post "${argument}" in tag 'post_url'. Make sure the post exists and the name is correct.`,
      );
    }
    return url;
  }
  if (name === "link") {
    const url = context.link(argument);
    if (url === undefined) {
      throw problem(
        context,
        `Could not find document '${argument}' in tag 'link'. Make sure the document exists and the path is correct.`,
      );
    }
    return url;
  }
  return unsupported(context, `{% ${markup} %}`);
}

/** `{% highlight ruby linenos %}`: a fenced code block, its fence longer than any backtick run inside. */
function highlight(markup: string, code: string): string {
  const language = markup.split(/\s+/)[1] ?? "";
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${code.replace(/^\n/, "").replace(/\n?$/, "\n")}${fence}`;
}

/** `{{ site.title }}`, `{{ page.tags }}`: a value of the site's config or the post, as Liquid prints it. */
function output(markup: string, context: LiquidContext): string {
  const path = /^(site|page)((?:\.[\w-]+)+)$/.exec(markup);
  if (!path) return unsupported(context, `{{ ${markup} }}`);
  let value: unknown = path[1] === "site" ? context.site : context.page;
  for (const key of path[2]!.slice(1).split(".")) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined) {
    context.warn(`${context.file}: {{ ${markup} }} has no value in _config.yml or the post; Jekyll prints nothing`);
    return "";
  }
  return liquidText(value);
}

/** Liquid's `to_s` of a value: arrays joined with nothing, nil as nothing. */
function liquidText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(liquidText).join("");
  if (typeof value === "object") return unsupportedObject(value);
  return String(value);
}

function unsupportedObject(value: object): string {
  return "toString" in value && value.toString !== Object.prototype.toString ? String(value) : "";
}
