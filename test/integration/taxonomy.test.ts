import test from "ava";
import { buildError, buildSite, captureWarnings } from "../helpers/site.js";

const post = (name: string, frontMatter: string) => ({ [`posts/${name}.md`]: `---\nTitle: ${name}\n${frontMatter}\n---\nТекст.\n` });

const POSTS = {
  ...post("one", "Date: 2015-01-01\nTags: [Zsh, Мнение]\nCategories: [IT]"),
  ...post("two", "Date: 2015-01-02\nTags: [zsh, ' Vim ']\nCategory: IT"),
  ...post("three", "Date: 2015-01-03\nTags: zsh, Riak CS, Ёлка\nCategory: Личное"),
  ...post("four", "Date: 2015-01-04\nTags: [zsh, Елка, Ель]\nBuild: {List: local}"),
  ...post("five", "Date: 2015-01-05\nTags: [Zsh]\nStatus: draft"),
  ...post("six", "Date: 2015-01-06\nTags: [Zsh]\nStatus: hidden"),
};

const NJK_TERM = `{{ kind }}:{{ term.name }}|{{ term.slug }}|{{ term.count }}|{{ term.feedUrl }}|page {{ termPage.pageNumber }}/{{ termPage.totalPages }}|{% for p in termPage.posts %}{{ p.data.title }},{% endfor %}|prev={{ termPage.previousUrl }}|next={{ termPage.nextUrl }}`;
const LIST = `{% for t in collections.tagList %}{{ t.name }}={{ t.url }}({{ t.count }}:{% for p in t.posts %}{{ p.data.title }} {% endfor %})\n{% endfor %}--\n{% for t in collections.categoryList %}{{ t.name }}={{ t.url }}({{ t.count }})\n{% endfor %}`;

const site = buildSite({ ...POSTS, "_includes/term.njk": NJK_TERM, "terms.njk": `---\npermalink: /terms.txt\n---\n${LIST}` }, { feeds: false, termPageSize: 2 });

test("tagList and categoryList: one term per name whatever its case and spaces, Russian collation, newest posts first", async (t) => {
  t.is(
    await (await site).read("terms.txt"),
    [
      "Елка=/tags/elka/(1:four )",
      "Ёлка=/tags/yolka/(1:three )",
      "Ель=/tags/el/(1:four )",
      "Мнение=/tags/mnenie/(1:one )",
      "Riak CS=/tags/riak-cs/(1:three )",
      "Vim=/tags/vim/(1:two )",
      "zsh=/tags/zsh/(4:four three two one )",
      "--",
      // Russian collation puts Cyrillic before Latin.
      "Личное=/categories/lichnoe/(1)",
      "IT=/categories/it/(2)",
      "",
    ].join("\n"),
  );
});

test("term pages are paginated with previous and next for the layout; List: local posts stay, drafts and hidden posts do not", async (t) => {
  const { read } = await site;
  t.is(await read("tags/zsh/index.html"), "tag:zsh|zsh|4||page 1/2|four,three,|prev=|next=/tags/zsh/page/2/");
  t.is(await read("tags/zsh/page/2/index.html"), "tag:zsh|zsh|4||page 2/2|two,one,|prev=/tags/zsh/|next=");
  t.is(await read("categories/it/index.html"), "category:IT|it|2||page 1/1|two,one,|prev=|next=");
});

test("without a term-index layout, a plain index page of every term with its count", async (t) => {
  const html = await (await site).read("tags/index.html");
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'), html);
  t.true(html.includes('<li><a href="/tags/yolka/">Ёлка</a> <span>(1)</span></li>'), html);
  t.true(html.includes('<li><a href="/tags/zsh/">zsh</a> <span>(4)</span></li>'), html);
});
