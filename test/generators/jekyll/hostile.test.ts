/** Any front matter and body: the Jekyll reading gives a blog or an InvalidValueError naming the post, never a crash. */
import test from "ava";
import fc from "fast-check";
import { dump } from "js-yaml";
import { DateTime } from "luxon";
import { InvalidValueError } from "../../../src/errors.js";
import { readJekyllBlog } from "../../../src/generators/jekyll/blog.js";

const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
  fc.constantFrom(
    "2016-03-21 22:38:21",
    "2016-03-21",
    "2016-13-45",
    ":categories/:title",
    "/:nope/",
    "2016-03-21 22:38:21 +0300",
  ),
);
const key = fc.constantFrom(
  "date",
  "categories",
  "category",
  "tags",
  "tag",
  "slug",
  "permalink",
  "published",
  "redirect_from",
  "title",
  "render_with_liquid",
);
const bodyPiece = fc.constantFrom(
  "{%",
  "%}",
  "{{",
  "}}",
  "{% raw %}",
  "{% endraw %}",
  "{% highlight %}",
  "{% post_url x %}",
  "{: .a}",
  "{::comment}",
  "{:/}",
  "{::options x /}",
  "{:ref: .b}",
  "## Заголовок {#id}",
  "\n",
  "```",
  "text",
);

test("hostile front matter and bodies: a blog or an error naming the post", (t) => {
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 5 }), fc.array(bodyPiece, { maxLength: 12 }), (data, pieces) => {
      const file = "_posts/2016-03-21-x.md";
      const text = `---\n${dump(data)}---\n${pieces.join(" ")}\n`;
      try {
        readJekyllBlog(new Map([[file, text]]), { timezone: "Europe/Moscow" }, DateTime.now(), () => {});
      } catch (error) {
        if (!(error instanceof InvalidValueError)) throw error;
        if (!error.message.includes(file)) throw new Error(`the error does not name the post: ${error.message}`);
      }
    }),
    { numRuns: 400, seed: 26 },
  );
  t.pass();
});
