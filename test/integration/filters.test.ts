import test from "ava";
import { buildError, buildSite } from "../helpers/site.js";

const DATE = "2015-07-29T00:00:00+03:00";
const EXPECTED = [
  "29 июля 2015",
  "июль 2015",
  "среда, 29 июля",
  DATE,
  "3 дня назад",
  "5 записей",
  "21 запись",
  "1 минута чтения",
].join("|");

const site = buildSite(
  {
    "post.md": "---\nTitle: T\nDate: 2015-07-29\npermalink: false\n---\nx\n",
    "nunjucks.njk": `---\npermalink: /nunjucks.txt\nwhen: "${DATE}"\nbase: "2015-08-01T00:00:00+03:00"\n---\n{{ when | ruDate }}|{{ when | ruDate("LLLL yyyy") }}|{{ when | ruDate("cccc, d MMMM") }}|{{ when | isoDate }}|{{ when | ruRelative(base) }}|{{ 5 | ruPlural("запись", "записи", "записей") }}|{{ 21 | ruPlural("запись", "записи", "записей") }}|{{ "<p>Короткий текст</p>" | readingTime }}`,
    "liquid.liquid": `---\npermalink: /liquid.txt\nwhen: "${DATE}"\nbase: "2015-08-01T00:00:00+03:00"\n---\n{{ when | ruDate }}|{{ when | ruDate: "LLLL yyyy" }}|{{ when | ruDate: "cccc, d MMMM" }}|{{ when | isoDate }}|{{ when | ruRelative: base }}|{{ 5 | ruPlural: "запись", "записи", "записей" }}|{{ 21 | ruPlural: "запись", "записи", "записей" }}|{{ "<p>Короткий текст</p>" | readingTime }}`,
    "javascript.11ty.js": `export const data = { permalink: "/javascript.txt" };
export function render() {
  const when = new Date("${DATE}");
  const base = new Date("2015-08-01T00:00:00+03:00");
  return [this.ruDate(when), this.ruDate(when, "LLLL yyyy"), this.ruDate(when, "cccc, d MMMM"), this.isoDate(when), this.ruRelative(when, base),
    this.ruPlural(5, "запись", "записи", "записей"), this.ruPlural(21, "запись", "записи", "записей"), this.readingTime("<p>Короткий текст</p>")].join("|");
}`,
  },
  { feeds: false, tagPages: false, categoryPages: false },
);

for (const engine of ["nunjucks", "liquid", "javascript"]) {
  test(`the filters give the same Russian text in ${engine}`, async (t) => {
    t.is(await (await site).read(`${engine}.txt`), EXPECTED);
  });
}

test("a filter given something that is not a date names the filter and the value", async (t) => {
  t.is(
    await buildError({ "a.njk": "{{ 'вчера' | ruDate }}" }, { feeds: false, tagPages: false, categoryPages: false }),
    '[ru-blog] filter ruDate: "вчера" is not a date; write 2015-07-29, 2015-07-29 14:30 or 2015-07-29T14:30:00+03:00',
  );
});
