import test from "ava";
import { InvalidValueError } from "../../../src/errors.js";
import { renderJekyllLiquid, type LiquidContext } from "../../../src/generators/jekyll/liquid.js";

function context(overrides: Partial<LiquidContext> = {}): LiquidContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    file: "_posts/2016-03-21-x.md",
    site: { title: "Заметки", author: { name: "Автор" } },
    page: { title: "Запись", tags: ["a", "b"] },
    postUrl: (name) => (name === "2015-07-09-coreos" ? "/2015/07/09/coreos.html" : undefined),
    link: (path) => (path === "_posts/2015-07-09-coreos.md" ? "/2015/07/09/coreos.html" : undefined),
    warn: (message) => warnings.push(message),
    warnings,
    ...overrides,
  };
}

test("raw keeps its text, comment drops it, post_url and link resolve, values print", (t) => {
  const c = context();
  t.is(
    renderJekyllLiquid(
      "{% raw %}{{ x }} {% if %}{% endraw %}|{% comment %}no{% endcomment %}|{% post_url 2015-07-09-coreos %}|" +
        "{% link _posts/2015-07-09-coreos.md %}|{{ site.title }} {{ site.author.name }} {{ page.title }} {{page.tags}}",
      c,
    ),
    "{{ x }} {% if %}||/2015/07/09/coreos.html|/2015/07/09/coreos.html|Заметки Автор Запись ab",
  );
  t.deepEqual(c.warnings, []);
});

test("highlight becomes a fenced block whose fence outgrows the code's backticks", (t) => {
  t.is(
    renderJekyllLiquid("{% highlight ruby linenos %}\nputs '```'\n{% endhighlight %}", context()),
    "````ruby\nputs '```'\n````",
  );
});

test("whitespace control strips beside the tag", (t) => {
  t.is(renderJekyllLiquid("a  {%- comment -%} x {%- endcomment -%}  b", context()), "ab");
});

test("include, unknown tags and other outputs: a warning naming the post and the tag, rendered as nothing", (t) => {
  const c = context();
  t.is(
    renderJekyllLiquid("a{% include note.html %}b{% if x %}c{% endif %}{{ x | upcase }}{{ page.missing }}", c),
    "abc",
  );
  t.deepEqual(c.warnings, [
    "_posts/2016-03-21-x.md: {% include note.html %} is Liquid that the plugin does not run; it is left out of the page",
    "_posts/2016-03-21-x.md: {% if x %} is Liquid that the plugin does not run; it is left out of the page",
    "_posts/2016-03-21-x.md: {% endif %} is Liquid that the plugin does not run; it is left out of the page",
    "_posts/2016-03-21-x.md: {{ x | upcase }} is Liquid that the plugin does not run; it is left out of the page",
    "_posts/2016-03-21-x.md: {{ page.missing }} has no value in _config.yml or the post; Jekyll prints nothing",
  ]);
});

test("strict: an unknown tag is an error", (t) => {
  t.throws(() => renderJekyllLiquid("{% include x.html %}", context({ strict: true })), {
    instanceOf: InvalidValueError,
    message: /include x\.html %\} is Liquid that the plugin does not run.*\(strict\)$/,
  });
});

test("post_url or link with no target, and an unclosed raw: errors naming the post and the value", (t) => {
  t.throws(() => renderJekyllLiquid("{% post_url 2015-01-01-nothing %}", context()), {
    instanceOf: InvalidValueError,
    message:
      "_posts/2016-03-21-x.md: Could not find post \"2015-01-01-nothing\" in tag 'post_url'. Make sure the post exists and the name is correct.",
  });
  t.throws(() => renderJekyllLiquid("{% link about.md %}", context()), {
    message: /Could not find document 'about\.md' in tag 'link'/,
  });
  t.throws(() => renderJekyllLiquid("{% raw %} x", context()), {
    message: /\{% raw %\} is never closed with \{% endraw %\}/,
  });
});
