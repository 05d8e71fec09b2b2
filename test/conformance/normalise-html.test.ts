import test from "ava";
import { normaliseHtml } from "./normalise-html.js";

const pygments = '<div class="highlight"><pre><span></span><code><span class="nb">echo</span> 1\n</code></pre></div>';
const chroma =
  '<div class="highlight"><pre tabindex="0" style="color:#f8f8f2"><code class="language-bash" data-lang="bash"><span style="display:flex;"><span>echo 1\n</span></span></code></pre></div>';
const plugin = '<pre><code class="language-bash">echo 1\n</code></pre>';

test("a code block is its text and language, whichever highlighter coloured it", (t) => {
  t.is(normaliseHtml(chroma), normaliseHtml(plugin));
  t.is(normaliseHtml(chroma), '<pre><code class="language-bash">echo 1\n</code></pre>');
  t.not(normaliseHtml(chroma), normaliseHtml(plugin.replace("bash", "python")));
  // Pygments names no language: with codeLanguage false only the text counts.
  t.not(normaliseHtml(pygments), normaliseHtml(plugin));
  t.is(normaliseHtml(pygments, { codeLanguage: false }), normaliseHtml(plugin, { codeLanguage: false }));
  t.not(
    normaliseHtml(pygments, { codeLanguage: false }),
    normaliseHtml(plugin.replace("1", "2"), { codeLanguage: false }),
  );
});

test("whitespace, attribute order, entities and links to the site are spelled one way", (t) => {
  t.is(
    normaliseHtml('<p>\n  a &amp; b&nbsp;<a title="x" href="https://example.ru/%D1%91/">ё</a>\n</p>\n<!-- c -->', {
      siteUrl: "https://example.ru",
    }),
    normaliseHtml('<p>a &#38; b\u00a0<a href="/ё/" title="x">ё</a></p>'),
  );
  t.not(normaliseHtml("<p>a b</p>"), normaliseHtml("<p>ab</p>"));
});
