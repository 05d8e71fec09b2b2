import test from "ava";
import {
  cascadeLanguage,
  detectLanguage,
  hreflangLinks,
  languageFromFileName,
  languageOfFolder,
  linkTranslations,
  postLanguage,
  proseOf,
  translationBase,
  withPostLanguage,
} from "../../src/site/languages.js";

const RU_EN = ["ru", "en"];

const RUSSIAN_HALF_RUBY = `Я давно пишу небольшие скрипты на Ruby, и вот как выглядит мой способ читать конфиги.

\`\`\`ruby
require "yaml"
class ConfigLoader
  def initialize(path)
    @path = path
  end
  def load
    YAML.safe_load(File.read(@path), permitted_classes: [Symbol], aliases: true)
  end
end
\`\`\`

Метод \`load\` возвращает хеш, а \`safe_load\` не создаёт произвольных объектов.

    config = ConfigLoader.new("settings.yml").load
    puts config.fetch("database").fetch("host")

Подробности в документации: https://ruby-doc.org/stdlib/libdoc/yaml/rdoc/YAML.html и <a href="https://example.com/yaml-security-notes">заметках</a>.
`;

test("a Russian post that is half Ruby is Russian: code, inline code, URLs and HTML are not prose", (t) => {
  t.is(detectLanguage(RUSSIAN_HALF_RUBY, RU_EN), "ru");
  const prose = proseOf(RUSSIAN_HALF_RUBY);
  t.false(prose.includes("ConfigLoader"));
  t.false(prose.includes("safe_load"));
  t.false(prose.includes("ruby-doc"));
  t.false(prose.includes("href"));
  t.true(prose.includes("заметках"));
});

test("a Ukrainian text is Ukrainian when both Ukrainian and Russian are listed, by і ї є ґ", (t) => {
  const ukrainian = "Ця стаття розповідає, як я переїхав на власний сервер і що з цього вийшло. Її варто прочитати.";
  t.is(detectLanguage(ukrainian, ["ru", "uk", "en"]), "uk");
  t.is(detectLanguage(ukrainian, ["ru", "en"]), "ru", "without uk listed, Cyrillic is Russian");
  t.is(
    detectLanguage("Эта статья рассказывает, как я переехал на свой сервер и что из этого вышло.", ["uk", "ru"]),
    "ru",
  );
});

test("a short English post is English whatever its Russian title, which is not part of the body", (t) => {
  t.is(detectLanguage("A short note: the new release is out, go and get it.", RU_EN), "en");
});

test("an empty body, or one too short or too mixed to tell, gives no answer (the default language is taken)", (t) => {
  t.is(detectLanguage("", RU_EN), undefined);
  t.is(detectLanguage("```\nonly code here and nothing else at all\n```\n", RU_EN), undefined);
  t.is(detectLanguage("Ок, ok.", RU_EN), undefined);
  t.is(detectLanguage("Половина текста по-русски, and half of it is in English", RU_EN), undefined);
  t.is(detectLanguage("Совершенно ясный русский текст без единого английского слова.", ["ru"]), undefined);
});

test("languages of one script that cannot be told apart give the one listed first", (t) => {
  t.is(detectLanguage("Ein kurzer Text über meinen neuen Server und seine Einrichtung.", ["ru", "de", "en"]), "de");
});

test("a language suffix counts only for a listed language, as in Hugo", (t) => {
  t.deepEqual(languageFromFileName("posts/post.en.md", RU_EN), { language: "en", stem: "post" });
  t.is(languageFromFileName("posts/post.de.md", RU_EN), undefined);
  t.is(languageFromFileName("posts/post.md", RU_EN), undefined);
  t.is(translationBase("posts/post.en.md", RU_EN), "posts/post");
  t.is(translationBase("posts/post.md", RU_EN), "posts/post");
  t.is(translationBase("posts/post.de.md", RU_EN), "posts/post.de");
});

const input = (raw: Record<string, unknown>, file = "posts/p.md", body = "", hasSibling = false) => {
  const warnings: string[] = [];
  const language = postLanguage({ raw, file, body, languages: RU_EN, hasSibling, warn: (m) => warnings.push(m) });
  return { ...language, warnings };
};

test("the language comes from Lang, then the file name, then the text, then the default", (t) => {
  const english = "This is a post written in English from the first word to the last.";
  t.like(input({ Lang: "en" }, "posts/p.md", "Русский текст, написанный по-русски от начала и до конца."), {
    lang: "en",
    source: "front matter",
  });
  t.like(input({ lang: "ru" }, "posts/p.en.md"), { lang: "ru", source: "front matter" });
  t.like(input({}, "posts/p.en.md", "Русский текст, написанный по-русски от начала и до конца."), {
    lang: "en",
    source: "file name",
  });
  t.like(input({}, "posts/p.md", english), { lang: "en", source: "text" });
  // A language's own folder (folderLanguages, Hugo's per-language contentDir): below the suffix, above the text.
  const inFolder = (file: string, body = "") =>
    postLanguage({ raw: {}, file, body, languages: RU_EN, hasSibling: false, folderLanguage: "en", warn: () => {} });
  t.like(inFolder("content-en/p.md", "Русский текст, написанный по-русски от начала и до конца."), {
    lang: "en",
    source: "folder",
  });
  t.like(inFolder("content-en/p.ru.md"), { lang: "ru", source: "file name" });
  t.deepEqual(languageOfFolder("content-en/posts/p.md", { content: "ru", "content-en": "en" }), {
    folder: "content-en",
    language: "en",
  });
  t.deepEqual(languageOfFolder("content/en/p.md", { content: "ru", "content/en": "en" }), {
    folder: "content/en",
    language: "en",
  });
  t.is(languageOfFolder("contents/p.md", { content: "ru" }), undefined);
  t.like(input({}, "posts/p.md", ""), { lang: "ru", source: "default" });
});

test("a Lang that is not a tag is warned about and left out; an unlisted one is kept with a warning", (t) => {
  const bad = input({ Lang: "english language" }, "posts/p.md", "");
  t.is(bad.lang, "ru");
  t.deepEqual(bad.warnings, [
    'posts/p.md: Lang: "english language" is not a language tag; write Lang: en. The post\'s language is found without it.',
  ]);
  const unlisted = input({ Lang: "fr" });
  t.is(unlisted.lang, "fr");
  t.deepEqual(unlisted.warnings, [
    'posts/p.md: Lang: "fr" is not one of the languages option (ru, en); the post is in "fr" but has no feed of its own. Add "fr" to languages if it should.',
  ]);
});

test("Lang and lang together are an error naming both", (t) => {
  t.throws(() => input({ Lang: "en", lang: "ru" }), { message: /"Lang" and "lang" are the same key/ });
});

test("a translation is marked by Translation (any value but false, as Pelican reads it) or a Hugo suffix with a sibling", (t) => {
  t.true(input({ Lang: "en", Translation: true }).isTranslation);
  t.true(input({ Lang: "en", Translation: "yes" }).isTranslation);
  t.false(input({ Lang: "en", Translation: "False" }).isTranslation);
  t.true(input({}, "posts/p.en.md", "", true).isTranslation);
  t.false(input({}, "posts/p.en.md", "", false).isTranslation);
  t.false(input({}, "posts/p.md", "", true).isTranslation, "the default-language file is the original");
});

test("a marked translation's URL from the permalink option goes under /lang/; its own Url or permalink stays", (t) => {
  const language = { lang: "en", source: "front matter" as const, isTranslation: true };
  const data = { permalink: "/posts/post/", ruBlog: { isPost: true } };
  t.like(withPostLanguage(data, language, undefined, false), { permalink: "/en/posts/post/", lang: "en" });
  t.like(withPostLanguage({ ...data, url: "/x/" }, language, undefined, false), { permalink: "/posts/post/" });
  t.like(withPostLanguage(data, language, undefined, true), { permalink: "/posts/post/" });
  t.like(withPostLanguage(data, { ...language, isTranslation: false }, undefined, false), {
    permalink: "/posts/post/",
  });
});

type Post = { name: string; url: string; title: string };
const post = (name: string, lang: string, slug: string, isTranslation = false, base?: string) => ({
  item: { name, url: `/${name}/`, title: name.toUpperCase() },
  lang,
  slug,
  base,
  isTranslation,
});
const describe = (item: Post) => ({ url: item.url, title: item.title });

test("translations are linked as Pelican 4.8 links them: Translation marks one, else the default language is the original", (t) => {
  const marked = [post("post", "ru", "post"), post("post-en", "en", "post", true)];
  const linked = linkTranslations(marked, "ru", describe);
  t.deepEqual(
    [...linked.translated].map((item) => item.name),
    ["post-en"],
  );
  t.deepEqual(linked.translationsOf.get(marked[0]!.item), [{ lang: "en", url: "/post-en/", title: "POST-EN" }]);
  t.deepEqual(linked.translationsOf.get(marked[1]!.item), [{ lang: "ru", url: "/post/", title: "POST" }]);
  // Pelican 4.8 left second-en.html out of its index without a Translation key: second is in the default language.
  const unmarked = [post("second-en", "en", "second"), post("second", "ru", "second")];
  t.deepEqual(
    [...linkTranslations(unmarked, "ru", describe).translated].map((item) => item.name),
    ["second-en"],
  );
  // One language only: not translations (two posts of one slug are the URL check's business).
  t.is(linkTranslations([post("a", "ru", "x"), post("b", "ru", "x")], "ru", describe).translated.size, 0);
});

test("Hugo's translations share a base file name, whatever their slugs", (t) => {
  const posts = [post("post", "ru", "post", false, "posts/post"), post("post-en", "en", "hello", true, "posts/post")];
  const linked = linkTranslations(posts, "ru", describe);
  t.deepEqual(
    [...linked.translated].map((item) => item.name),
    ["post-en"],
  );
  t.is(linked.originalOf.get(posts[1]!.item), posts[0]!.item);
});

test("hreflang links list every version, itself included, and x-default for the original", (t) => {
  const ru = { lang: "ru", url: "/posts/пост/", title: "Пост" };
  const en = { lang: "en", url: "/en/posts/post/", title: "Post" };
  t.is(
    hreflangLinks(en, [ru], ru, (url) => new URL(url, "https://example.ru").href),
    [
      '<link rel="alternate" hreflang="en" href="https://example.ru/en/posts/post/">',
      '<link rel="alternate" hreflang="ru" href="https://example.ru/posts/%D0%BF%D0%BE%D1%81%D1%82/">',
      '<link rel="alternate" hreflang="x-default" href="https://example.ru/posts/%D0%BF%D0%BE%D1%81%D1%82/">',
    ].join("\n"),
  );
  t.is(hreflangLinks(ru, [], ru, String), "");
});

test("detection is bounded on hostile input", (t) => {
  const hostile = "{{< ".repeat(200_000) + "`` ".repeat(200_000) + "<pre ".repeat(200_000);
  t.is(detectLanguage(hostile, RU_EN), undefined);
});

test("a post whose language is only the default takes lang from its cascade, else the default", (t) => {
  const data = withPostLanguage(
    { permalink: "/p/", ruBlog: { isPost: true } },
    { lang: "ru", source: "default", isTranslation: false },
    undefined,
    false,
  );
  t.false("lang" in data);
  t.like(data.ruBlog, { lang: "ru", langFromCascade: true });
  t.is(cascadeLanguage(undefined, "ru"), "ru");
  t.is(cascadeLanguage("en", "ru"), "en");
  t.is(cascadeLanguage("en_US", "ru"), "en_US", "kept as the site wrote it");
  t.is(cascadeLanguage("no language", "ru"), "ru");
  t.is(cascadeLanguage(["en"], "ru"), "ru");
  const own = withPostLanguage(
    { ruBlog: { isPost: true } },
    { lang: "en", source: "front matter", isTranslation: false },
    undefined,
    false,
  );
  t.is(own.lang, "en");
  t.false("langFromCascade" in (own.ruBlog as object), "a post's own language is final");
});
