/**
 * Issue 30: a feed entry's title is the post's title as text, whatever it holds (`<!--`, `]]>`, markup, entities),
 * with typography on and off, and in a second language's feed.
 */
import test from "ava";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";
import { buildSite } from "../helpers/site.js";

const TITLES = [
  "Комментарий <!-- не закрыт",
  "Конец ]]> секции ]]> дважды",
  "Разметка <b>не</b> &amp; сущность &lt;",
  "--> и <![CDATA[ внутри",
];

for (const typography of [false, true]) {
  test(`feed entry titles are the posts' titles as text (typography: ${typography})`, async (t) => {
    const files: Record<string, string> = {};
    TITLES.forEach((title, index) => {
      files[`posts/p${index}.md`] =
        `---\ntitle: ${JSON.stringify(title)}\nslug: p${index}\ndate: 2020-01-0${index + 1}\n---\nТекст.\n`;
    });
    const site = await buildSite(files, {
      siteUrl: "https://example.ru",
      title: "Заметки",
      tagPages: false,
      categoryPages: false,
      typography,
    });
    const xml = await site.read("feed.xml");
    await t.notThrowsAsync(validateAtom(xml));
    // Typography may only put no-break spaces after short words.
    const titles = parseFeed(xml).items.map((item) => item.title?.replaceAll("\u00a0", " "));
    t.deepEqual(titles.sort(), [...TITLES].sort());
  });
}
