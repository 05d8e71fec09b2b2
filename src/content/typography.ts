/**
 * Russian typography at build time, with the `typograf` library (MIT, maintained, Russian rules written by
 * Russian typesetters): «ёлочки» with nested „лапки“, an em dash with a no-break space before it, `…`, no-break
 * spaces after short words, before `г.`, inside `т. е.`, between a number and its unit.
 *
 * Only the rule groups below run: typograf's full set costs three times a Markdown render per post, and most of it
 * (phone numbers, keyboard layouts, repeated words) would change a migrated text in ways its author never asked for.
 */
import type typografModule from "typograf";
import { InvalidValueError } from "../errors.js";
import { requireLazily } from "../lazy-require.js";

// typograf's types describe its CommonJS build as a namespace holding the class (`default`); loaded with `require`
// it is the class itself. Loaded only when a typesetter is made, that is with `typography` on.
type TypografClass = typeof typografModule.default;
const loadTypograf = requireLazily<TypografClass | { default: TypografClass }>("typograf");
const typografClass = (): TypografClass => {
  const loaded = loadTypograf();
  return "default" in loaded ? loaded.default : loaded;
};
type Typograf = InstanceType<TypografClass>;

/** The rule groups a user can turn off one by one (`typography: { spaces: false }`). */
export const TYPOGRAPHY_GROUPS = {
  quotes: ["common/punctuation/quote", "common/html/quot"],
  dashes: ["ru/dash/main", "en-US/dash/main", "en-GB/dash/main"],
  ellipsis: ["common/punctuation/hellip"],
  spaces: ["common/nbsp/afterShortWord", "ru/nbsp/beforeParticle", "ru/nbsp/year", "ru/nbsp/abbr", "ru/nbsp/initials"],
  numbers: ["common/nbsp/afterNumber", "ru/nbsp/years", "ru/nbsp/centuries"],
} as const;

export type TypographyGroup = keyof typeof TYPOGRAPHY_GROUPS;
export type TypographyOption = boolean | Partial<Record<TypographyGroup, boolean>>;
export type TypographyGroups = ReadonlySet<TypographyGroup>;

const GROUP_NAMES = Object.keys(TYPOGRAPHY_GROUPS) as TypographyGroup[];

/** Languages whose typesetters keep short words and numbers on the line with what follows. */
const NO_BREAK_LANGUAGES = new Set(["ru", "uk", "be"]);

/** `true` → every group, `false` → none, `{ spaces: false }` → every group but that one. */
export function typographyGroups(option: unknown): TypographyGroups {
  if (option === true) return new Set(GROUP_NAMES);
  if (option === false || option === undefined) return new Set();
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw new InvalidValueError(`expected true, false or an object of groups (${GROUP_NAMES.join(", ")})`);
  }
  const groups = new Set(GROUP_NAMES);
  for (const [name, on] of Object.entries(option)) {
    if (!GROUP_NAMES.includes(name as TypographyGroup)) {
      throw new InvalidValueError(`unknown group "${name}"; the groups are ${GROUP_NAMES.join(", ")}`);
    }
    if (typeof on !== "boolean") throw new InvalidValueError(`group "${name}" must be true or false`);
    if (!on) groups.delete(name as TypographyGroup);
  }
  return groups;
}

/** typograf's locale for a language tag (`en` → `en-US`), or undefined where typograf has no rules for it. */
function typografLocale(language: string): string | undefined {
  const known = typografClass().getLocales();
  const [tag] = Intl.getCanonicalLocales(language);
  if (tag && known.includes(tag)) return tag;
  const base = tag?.split("-")[0] ?? "";
  if (base === "en") return "en-US";
  return known.includes(base) ? base : undefined;
}

/**
 * Entities stay as written: `&amp;` must not become a bare `&` next to a letter, `&nbsp;` must not be re-spaced.
 * `&quot;` is the exception, because Markdown writes every straight quote of the text as `&quot;`.
 */
const ENTITY_EXCEPT_QUOT = /&(?!quot;|#34;|#x22;)(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;

export type Typesetter = (html: string, language: string) => string;

/**
 * Returns a function that sets HTML (or plain text) in the typography of its language. Inside `<pre>`, `<code>`,
 * `<kbd>`, `<samp>`, `<var>`, `<script>`, `<style>`, tags' attributes, URLs and entities nothing changes.
 * A language typograf does not know is returned unchanged.
 */
export function createTypesetter(groups: TypographyGroups): Typesetter {
  const typografs = new Map<string, Typograf | undefined>();
  const typografFor = (language: string): Typograf | undefined => {
    if (typografs.has(language)) return typografs.get(language);
    // No groups, no typograf: it is not even loaded.
    const locale = groups.size > 0 ? typografLocale(language) : undefined;
    let typograf: Typograf | undefined;
    if (locale) {
      const rules = [...groups]
        .filter((group) => NO_BREAK_LANGUAGES.has(locale) || (group !== "spaces" && group !== "numbers"))
        .flatMap((group) => TYPOGRAPHY_GROUPS[group]);
      typograf = new (typografClass())({ locale: [locale], disableRule: "*", enableRule: rules });
      typograf.addSafeTag(ENTITY_EXCEPT_QUOT);
      // typograf also sees `<tt>` as text; `<textarea>` keeps its own whitespace.
      typograf.addSafeTag("<(tt|textarea)(\\s[^>]*?)?>", "</(tt|textarea)>");
    }
    typografs.set(language, typograf);
    return typograf;
  };
  return (html, language) => {
    if (html === "") return html;
    const typograf = typografFor(language);
    if (!typograf) return html;
    const { text, markup } = hideMarkup(html);
    // typograf's English dash rule puts a no-break space before the dash as its Russian one does; only Russian,
    // Ukrainian and Belarusian typesetters keep a dash on the line of the word before it.
    const set = typograf.execute(text);
    const dashed = NO_BREAK_LANGUAGES.has(typografLocale(language) ?? "") ? set : set.replaceAll("\u00a0—", " —");
    return showMarkup(dashed, markup) ?? html;
  };
}

/** Elements whose content is never typeset; `<script>` and `<style>` hold raw text, where `<` is no tag. */
const PROTECTED = new Set(["pre", "code", "kbd", "samp", "var", "script", "style", "tt", "textarea", "object"]);
const RAW_TEXT = new Set(["script", "style", "textarea"]);
/** What {@link hideMarkup} puts in the markup's place: a bare tag of the same name, or an empty comment. */
const PLACEHOLDER = /<!---->|<\/?[a-z][a-z0-9-]*>/gi;

/**
 * The text with each tag (its attributes may hold `>` and quotes), comment, declaration and protected element
 * replaced by a placeholder typograf sees as markup: a bare tag of the same name (so that it still knows an inline
 * tag from a block) or an empty comment. typograf's own tag patterns stop at the first `>`, so `title="a > b"` or
 * `<!-- "x" -->` would otherwise be typeset.
 */
function hideMarkup(html: string): { text: string; markup: string[] } {
  const markup: string[] = [];
  let text = "";
  let index = 0;
  const hide = (end: number, placeholder: string) => {
    markup.push(html.slice(index, end));
    text += placeholder;
    index = end;
  };
  while (index < html.length) {
    const open = html.indexOf("<", index);
    if (open === -1) break;
    text += html.slice(index, open);
    index = open;
    if (html.startsWith("<!--", open)) {
      const close = html.indexOf("-->", open + 4);
      hide(close === -1 ? html.length : close + 3, "<!---->");
      continue;
    }
    if (/^<[!?]/.test(html.slice(open, open + 2))) {
      const close = html.startsWith("<![CDATA[", open) ? html.indexOf("]]>", open) : html.indexOf(">", open);
      hide(close === -1 ? html.length : close + (html.startsWith("<![CDATA[", open) ? 3 : 1), "<!---->");
      continue;
    }
    const name = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(html.slice(open, open + 64));
    if (!name) {
      text += "<";
      index = open + 1;
      continue;
    }
    const end = tagEnd(html, open);
    const tag = name[2]!.toLowerCase();
    const closing = name[1] === "/";
    if (!closing && PROTECTED.has(tag) && html[end - 2] !== "/") hide(elementEnd(html, end, tag), `<${tag}>`);
    else hide(end, `<${closing ? "/" : ""}${tag}>`);
  }
  text += html.slice(index);
  return { text, markup };
}

/** Where the tag starting at `open` ends (after its `>`), quoted attribute values skipped. */
function tagEnd(html: string, open: number): number {
  let quote: string | undefined;
  for (let index = open + 1; index < html.length; index++) {
    const character = html[index];
    if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ">") return index + 1;
  }
  return html.length;
}

/** Where the protected element `tag` whose start tag ends at `from` ends: after its matching end tag. */
function elementEnd(html: string, from: number, tag: string): number {
  const pattern = new RegExp(RAW_TEXT.has(tag) ? `</${tag}\\b` : `<(/?)${tag}\\b`, "gi");
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const end = tagEnd(html, match.index);
    depth += RAW_TEXT.has(tag) || match[1] === "/" ? -1 : html[end - 2] === "/" ? 0 : 1;
    if (depth === 0) return end;
    pattern.lastIndex = end;
  }
  return html.length;
}

/** The typeset text with the markup put back in order, or undefined when typograf changed the placeholders. */
function showMarkup(text: string, markup: readonly string[]): string | undefined {
  let next = 0;
  const shown = text.replace(PLACEHOLDER, (placeholder) => markup[next++] ?? placeholder);
  return next === markup.length ? shown : undefined;
}

/** A post's title and summary, set in its language (`lang`, else the blog's). Slugs are made before, from the text as written. */
export function typesetPostData(data: Record<string, unknown>, typeset: Typesetter, blogLanguage: string): void {
  const language = typeof data.lang === "string" ? data.lang : blogLanguage;
  if (typeof data.title === "string") data.title = typeset(data.title, language);
  if (typeof data.summary === "string") data.summary = typeset(data.summary, language);
}
