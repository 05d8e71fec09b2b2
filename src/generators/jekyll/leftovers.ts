/**
 * Liquid and kramdown syntax left as text in a built page (`{%`, `{{`, `{:`, `{::`), outside code, where Jekyll would
 * have rendered or hidden it: what `check-urls --links` reports for a blog moved from Jekyll. Text inside `<code>`,
 * `<pre>`, `<script>`, `<style>` and `<textarea>` is the post's own and is not looked at.
 */
import { Parser } from "htmlparser2";

const CODE_ELEMENTS = new Set(["code", "pre", "script", "style", "textarea"]);
/** Elements whose end ends a run of text: a leftover is reported within its paragraph, heading or item. */
const BLOCKS = new Set(["p", "li", "dt", "dd", "td", "th", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"]);
export const JEKYLL_TEXT_LEFTOVER = /\{%|\{\{|\{::?/;

/** Each leftover with a few characters around it, in page order. */
export function jekyllLeftovers(html: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let text = "";
  const flush = () => {
    for (const match of text.matchAll(new RegExp(JEKYLL_TEXT_LEFTOVER.source, "g"))) {
      found.push(
        text
          .slice(Math.max(0, match.index - 10), match.index + 30)
          .replace(/\s+/g, " ")
          .trim(),
      );
    }
    text = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (CODE_ELEMENTS.has(name)) {
          if (depth === 0) flush();
          depth++;
        }
      },
      onclosetag(name) {
        if (CODE_ELEMENTS.has(name) && depth > 0) depth--;
        if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (depth === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return found;
}
