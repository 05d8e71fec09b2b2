import test from "ava";
import { InvalidValueError } from "../../src/errors.js";
import { createTypesetter, typesetPostData, typographyGroups } from "../../src/content/typography.js";

const NBSP = "\u00a0";
const all = createTypesetter(typographyGroups(true));
/** No-break spaces shown as `_`, so that each expectation reads as the typesetter's rule. */
const ru = (text: string) => all(text, "ru").replaceAll(NBSP, "_");

test("quotes: straight quotes become «ёлочки», nested ones „лапки“", (t) => {
  t.is(ru('Он сказал: "Привет, "мир""'), "Он_сказал: «Привет, „мир“»");
});

test("quotes: Markdown's &quot; in HTML text is a quote too", (t) => {
  t.is(ru("<p>&quot;CoreOS&quot; хорош</p>"), "<p>«CoreOS» хорош</p>");
});

test("dashes: a spaced hyphen becomes an em dash with a no-break space before it", (t) => {
  t.is(ru("Москва - столица"), "Москва_— столица");
});

test("ellipsis: three dots become …", (t) => {
  t.is(ru("А потом..."), "А_потом…");
});

test("spaces: after one- and two-letter words, before г., inside т. е.", (t) => {
  t.is(ru("Я и ты в лесу"), "Я_и_ты_в_лесу");
  t.is(ru("Это было в 2015 г. весной"), "Это было в_2015_г. весной");
  t.is(ru("Контейнеры, т. е. изоляция"), "Контейнеры, т._е. изоляция");
});

test("numbers: a number and its unit stay together", (t) => {
  t.is(ru("Весит 5 кг"), "Весит 5_кг");
});

test("code, preformatted text, keyboard input, scripts, styles and attributes are untouched, byte for byte", (t) => {
  const untouched = [
    '<pre><code>echo "a" - b...</code></pre>',
    '<code>"x" - y</code>',
    '<kbd>"Ctrl" - C</kbd>',
    '<script>var a = "b" - 1...</script>',
    '<style>a::after { content: "x - y" }</style>',
    '<img alt="a - b..." src="/x-y.png">',
  ];
  for (const html of untouched) t.is(all(html, "ru"), html);
  t.is(ru('<a href="/a-b..." title="«x» - y">"тут"</a>'), '<a href="/a-b..." title="«x» - y">«тут»</a>');
});

test("hostile markup: an attribute holding > and quotes, a comment, a CDATA, nested and odd protected elements stay byte for byte", (t) => {
  const untouched = [
    '<abbr title="a > "b" - c...">x</abbr>',
    "<span data-x='\"q\" > - ...'></span>",
    '<!-- "комментарий" - тут... -->',
    '<![CDATA[ "x" - y... ]]>',
    '<pre class="a>b"><code>"x" - y</code> "z" - w...</pre>',
    '<code title=">">"x" - y</code>',
    '<script>if (a < b && "x" > "y") { s = "- ..."; }</script>',
    '<style>a[title="> x"]::after { content: "- ..." }</style>',
    '<kbd><kbd>"Ctrl"</kbd> - <kbd>"C"</kbd></kbd>',
  ];
  for (const html of untouched) t.is(all(html, "ru"), html);
  t.is(ru('<p title="a > "b"">"тут" - там</p><!-- "x" -->'), '<p title="a > "b"">«тут»_— там</p><!-- "x" -->');
  t.is(ru('"<em>слово</em>" - это'), "«<em>слово</em>»_— это", "quotes around an inline tag still pair");
});

test("entities other than &quot; are kept as written", (t) => {
  t.is(ru("Tom&amp;Jerry, a&lt;b&gt;c, x&nbsp;y &#8212; z"), "Tom&amp;Jerry, a&lt;b&gt;c, x&nbsp;y &#8212; z");
});

test("English text gets English quotes, never Russian ones, and no Russian no-break spaces", (t) => {
  t.is(all('He said "hi"... to a cat', "en"), "He said “hi”… to a cat");
  t.is(all('"x"', "en-GB"), "‘x’");
  t.is(all("It is a test - really, a test -- truly", "en"), "It is a test — really, a test — truly");
  t.is(all("One - two", "en-GB"), "One — two");
});

test("the typograf filter's examples of docs/typography.md", (t) => {
  t.is(ru('Заметки о "жизни" - и не только'), "Заметки о_«жизни»_— и_не_только");
  t.is(ru('Он сказал: "да" - и ушёл'), "Он_сказал: «да»_— и_ушёл");
});

test("a language typograf does not know is left as it is", (t) => {
  t.is(all('"x" - y...', "ja"), '"x" - y...');
});

test("groups can be turned off one by one", (t) => {
  const noSpaces = createTypesetter(typographyGroups({ spaces: false }));
  t.is(noSpaces('Я и "ты"', "ru"), "Я и «ты»");
  t.is(createTypesetter(typographyGroups(false))('"x"', "ru"), '"x"');
});

test("bad group settings are refused naming the group", (t) => {
  t.throws(() => typographyGroups({ quote: false }), {
    instanceOf: InvalidValueError,
    message: 'unknown group "quote"; the groups are quotes, dashes, ellipsis, spaces, numbers',
  });
  t.throws(() => typographyGroups({ quotes: "no" }), { message: 'group "quotes" must be true or false' });
  t.throws(() => typographyGroups("yes"), { instanceOf: InvalidValueError });
});

test("a post's title and summary are set in the post's own language", (t) => {
  const russian: Record<string, unknown> = { title: 'О "Docker"', summary: "Кратко - и ясно" };
  typesetPostData(russian, all, "ru");
  t.deepEqual(russian, { title: `О${NBSP}«Docker»`, summary: `Кратко${NBSP}— и${NBSP}ясно` });
  const english: Record<string, unknown> = { title: 'On "Docker"', lang: "en" };
  typesetPostData(english, all, "ru");
  t.is(english.title, "On “Docker”");
});
