import test from "ava";
import markdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import { kramdownToMarkdownIt, useKramdown } from "../../../src/generators/jekyll/kramdown.js";
import { jekyllLeftovers } from "../../../src/generators/jekyll/leftovers.js";
import { gfmHeadingId } from "../../../src/generators/jekyll/heading-ids.js";

function render(text: string, warnings: string[] = []): string {
  const md = markdownIt({ html: true });
  useKramdown(md);
  md.use(anchor, { slugify: gfmHeadingId, tabIndex: false });
  return md.render(kramdownToMarkdownIt(text, (message) => warnings.push(message)));
}

test("block and span attribute lists, definitions and references", (t) => {
  t.is(render("Важно.\n{: .info #x}"), '<p class="info" id="x">Важно.</p>\n');
  t.is(
    render('{:note: .note title="Заметка"}\nТекст *слово*{:.em}\n{: note}'),
    '<p class="note" title="Заметка">Текст <em class="em">слово</em></p>\n',
  );
});

test("comment is dropped, nomarkdown passes, options are dropped with a warning", (t) => {
  const warnings: string[] = [];
  t.is(
    render(
      'a\n\n{::comment}\nскрыто\n{:/comment}\n\n{::options auto_ids="false" /}\n\n{::nomarkdown}\n<div>x</div>\n{:/}',
      warnings,
    ),
    "<p>a</p>\n<div>x</div>\n",
  );
  t.deepEqual(warnings, [
    '{::options auto_ids="false" /} changes how kramdown reads the post; the plugin leaves it out',
  ]);
});

test("code keeps kramdown syntax as text", (t) => {
  t.is(render("```\n{: .info}\n{::comment}x{:/}\n```"), "<pre><code>{: .info}\n{::comment}x{:/}\n</code></pre>\n");
});

test("footnotes with kramdown's ids and markup, named notes by their name", (t) => {
  const html = render("a[^1] b[^note]\n\n[^1]: one\n[^note]: two");
  t.regex(html, /<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1<\/a><\/sup>/);
  t.regex(
    html,
    /<sup id="fnref:note" role="doc-noteref"><a href="#fn:note" class="footnote" rel="footnote">2<\/a><\/sup>/,
  );
  t.regex(
    html,
    /<li id="fn:note" role="doc-endnote">\n<p>two <a href="#fnref:note" class="reversefootnote" role="doc-backlink">&#8617;<\/a><\/p>/,
  );
});

test("written heading ids are kept, may repeat as in kramdown, and do not shift the automatic ones", (t) => {
  t.is(
    render("## Итоги {#x}\n\n## Итоги {#x}\n\n## Итоги\n\n## Итоги"),
    '<h2 id="x">Итоги</h2>\n<h2 id="x">Итоги</h2>\n<h2 id="итоги">Итоги</h2>\n<h2 id="итоги-1">Итоги</h2>\n',
  );
});

test("abbreviations and definition lists", (t) => {
  t.is(
    render("ALSA\n: звук\n\n*[ALSA]: Advanced Linux Sound Architecture"),
    '<dl>\n<dt><abbr title="Advanced Linux Sound Architecture">ALSA</abbr></dt>\n<dd>звук</dd>\n</dl>\n',
  );
});

test("leftovers: Liquid and kramdown syntax in a page's text, never in code", (t) => {
  t.deepEqual(jekyllLeftovers("<p>a {% include x %} b</p><pre><code>{% raw %}{: .x}</code></pre><p>{: .info}</p>"), [
    "a {% include x %} b",
    "{: .info}",
  ]);
  t.deepEqual(jekyllLeftovers("<p>{{ x }}</p><p>{::comment}</p><code>{{ y }}</code>"), ["{{ x }}", "{::comment}"]);
});

test("a block attribute list before its block goes to that block, as kramdown reads it", (t) => {
  t.is(
    render("Раньше.\n\n{: .info}\nСтрока один\nи два.\n"),
    '<p>Раньше.</p>\n<p class="info">Строка один\nи два.</p>\n',
  );
  t.is(render("{: #top}\n## Заголовок\n"), '<h2 id="top">Заголовок</h2>\n');
  // After its block, it stays that block's.
  t.is(render("Текст\n{: .after}\n"), '<p class="after">Текст</p>\n');
});
