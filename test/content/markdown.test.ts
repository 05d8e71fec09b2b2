import test from "ava";
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import attributesPlugin from "markdown-it-attrs";
import { headingAnchors, usePostsOnly } from "../../src/content/markdown.js";
import { createSlugger } from "../../src/urls/slugs.js";

function withAnchors(style: "translit" | "unicode", md = new MarkdownIt()) {
  headingAnchors(md, createSlugger(style));
  return md;
}

test("headings get ids from the slugger, and nothing else", (t) => {
  t.is(withAnchors("translit").render("## Простой пример"), '<h2 id="prostoy-primer">Простой пример</h2>\n');
  t.is(withAnchors("unicode").render("## Простой пример"), '<h2 id="простой-пример">Простой пример</h2>\n');
});

test("every heading level, inline code included in the text", (t) => {
  t.is(
    withAnchors("translit").render("# Мнение\n\n### Про `Node.js`\n\n###### Жизнь"),
    '<h1 id="mnenie">Мнение</h1>\n' +
      '<h3 id="pro-node-js">Про <code>Node.js</code></h3>\n' +
      '<h6 id="zhizn">Жизнь</h6>\n',
  );
});

test("repeated headings on one page get -1, -2", (t) => {
  t.is(
    withAnchors("translit").render("## Итоги\n\n## Итоги\n\n## Итоги"),
    '<h2 id="itogi">Итоги</h2>\n<h2 id="itogi-1">Итоги</h2>\n<h2 id="itogi-2">Итоги</h2>\n',
  );
});

test("each render starts afresh", (t) => {
  const md = withAnchors("translit");
  t.is(md.render("## Итоги"), '<h2 id="itogi">Итоги</h2>\n');
  t.is(md.render("## Итоги"), '<h2 id="itogi">Итоги</h2>\n');
});

test("a heading with no letters or digits gets section, section-1", (t) => {
  t.is(
    withAnchors("translit").render("## 🎉\n\n## «»\n\n## Section"),
    '<h2 id="section">🎉</h2>\n<h2 id="section-1">«»</h2>\n<h2 id="section-2">Section</h2>\n',
  );
});

test("calling twice adds the anchors once", (t) => {
  const md = withAnchors("translit");
  headingAnchors(md, createSlugger("unicode"));
  t.is(
    md.render("## Простой пример\n\n## Простой пример"),
    '<h2 id="prostoy-primer">Простой пример</h2>\n<h2 id="prostoy-primer-1">Простой пример</h2>\n',
  );
});

test("the user's own markdown-it-anchor is left in charge", (t) => {
  const md = new MarkdownIt().use(anchor, { slugify: () => "mine" });
  headingAnchors(md, createSlugger("translit"));
  t.is(md.render("## Мнение"), '<h2 id="mine" tabindex="-1">Мнение</h2>\n');
});

test("the user's instance and options are kept", (t) => {
  const md = new MarkdownIt({ html: true, typographer: true });
  t.is(withAnchors("translit", md), md);
  t.true(md.options.html);
  t.is(md.render('## "Цитата"\n\n<br>'), '<h2 id="tsitata">“Цитата”</h2>\n<br>');
});

test("appliesTo: a document whose env it refuses gets no ids, and the next one still does", (t) => {
  const md = new MarkdownIt();
  headingAnchors(md, createSlugger("translit"), (env) => (env as { post?: boolean }).post === true);
  t.is(md.render("## Простой пример", {}), "<h2>Простой пример</h2>\n");
  t.is(md.render("## Простой пример", { post: true }), '<h2 id="prostoy-primer">Простой пример</h2>\n');
});

test("usePostsOnly: the syntax and typographer options it installs hold for the posts alone", (t) => {
  const md = new MarkdownIt();
  usePostsOnly(
    md,
    (env) => (env as { post?: boolean }).post === true,
    (posts) => {
      posts.set({ typographer: true, quotes: "«»„“" });
      posts.use(attributesPlugin, { leftDelimiter: "{:", rightDelimiter: "}" });
      // A replaced rule: non-posts keep the old one.
      posts.block.ruler.at("hr", () => false);
    },
  );
  const text = '"Да" -- {:.x}\n\n***\n';
  t.is(md.render(text, { post: true }), '<p class="x">«Да» –</p>\n<p>***</p>\n');
  t.is(md.render(text, {}), "<p>&quot;Да&quot; -- {:.x}</p>\n<hr>\n");
  t.is(md.render(text, { post: true }), '<p class="x">«Да» –</p>\n<p>***</p>\n');
});
