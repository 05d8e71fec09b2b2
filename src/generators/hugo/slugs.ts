/**
 * `"unicode"`: Hugo's `urlize` (current Hugo: `paths.Sanitize`, then lowercase), so a site moved from Hugo keeps its
 * URLs. Letters of any script, digits, combining marks and `. _ + ~` are kept; runs of whitespace and `-` become one
 * `-`, dropped at both ends; everything else is dropped without a trace (`a,b` → `ab`, `a — b` → `a-b`).
 * `Простой пример` → `простой-пример`, `C++` → `c++`, `Node.js` → `node.js`.
 *
 * Where Hugo's result would not be one safe path segment we part from it: `/`, `\` and `#` act as separators (as in
 * Hugo's older `MakeSegment`), a `%` is dropped rather than kept before two hex digits (it would be decoded as a
 * percent-escape), and dots are trimmed from both ends (`.NET` → `net`; no hidden files, no `.` or `..`, no trailing
 * dot that Windows would strip).
 */
export function hugoSlug(text: string): string {
  return text
    .replace(/[^\p{L}\p{Nd}\p{M}._+~\-/\\#\p{White_Space}]/gu, "")
    .replace(/[-/\\#\p{White_Space}]+/gu, "-")
    .toLowerCase()
    .replace(/^[-.]+|[-.]+$/g, "");
}

/**
 * The path segment Hugo (0.111, checked against its output) makes of a post's title or `slug` for `:slug` in a
 * permalink, which is not its `urlize` of terms: lowercase; letters, digits, marks and `. _ ~ -` kept; whitespace
 * and `+` are separators that become one `-` between kept characters, and none next to a `-` already there; a
 * trailing `+` also leaves a `-`; everything else is dropped. `C++ для начинающих` → `c-для-начинающих`,
 * `C++` → `c-`, `a -- b` → `a--b`, `Ну и что...` → `ну-и-что...`, `Don't stop` → `dont-stop`. Hugo keeps `#`
 * (`C# и .NET` → `c#-и-.net`) and makes a folder of a `/`; a `#` in a URL starts a fragment and a `/` is no part of
 * one slug, so here `#`, `/` and `\` are separators (`c-и-.net`).
 */
export function hugoPostSlug(text: string): string {
  let slug = "";
  let separated = false;
  let plusAtEnd = false;
  for (const character of text.toLowerCase()) {
    if (/[\p{L}\p{Nd}\p{M}._~-]/u.test(character)) {
      if (separated && slug !== "" && !slug.endsWith("-") && character !== "-") slug += "-";
      slug += character;
      separated = false;
      plusAtEnd = false;
    } else if (/[\p{White_Space}+#/\\]/u.test(character)) {
      separated = true;
      plusAtEnd ||= character === "+";
    }
  }
  // Dots leading a slug would make a hidden file (and `..`); Hugo keeps them, the only place this parts from it.
  const visible = slug.replace(/^\.+/, "");
  return plusAtEnd && visible !== "" && !visible.endsWith("-") ? `${visible}-` : visible;
}
