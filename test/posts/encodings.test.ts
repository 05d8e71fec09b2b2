import test from "ava";
import { decodePostBytes } from "../../src/posts/encodings.js";

/** The bytes of `text` in a single-byte encoding, each character's byte as TextDecoder reads it back. */
function encode(text: string, encoding: "windows-1251" | "koi8-r"): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((character) => byteOf.get(character)!));
}

const frontMatter = (title: string) => `---\nTitle: ${title}\nDate: 2015-07-29\n---\n`;

test("UTF-8 is read as it is, with or without a byte-order mark", (t) => {
  t.deepEqual(decodePostBytes(Buffer.from(frontMatter("Привет"))), { text: frontMatter("Привет"), encoding: "utf-8" });
  t.deepEqual(decodePostBytes(Buffer.from(`\uFEFF${frontMatter("Привет")}`)), {
    text: frontMatter("Привет"),
    encoding: "utf-8",
  });
});

// Short titles, the hard case: detection libraries picked the wrong code page for some of these.
const TITLES = [
  "Привет",
  "Мнение",
  "Ёлка",
  "Да",
  "ДА",
  "Юзвери",
  "Щука",
  "Эхо",
  "ЭХО",
  "Личный VPS",
  "Впечатления от CoreOS",
  "Мир",
  "Дом",
];

for (const encoding of ["windows-1251", "koi8-r"] as const) {
  test(`short Russian titles in ${encoding} are read in ${encoding} or refused, never misread`, (t) => {
    let read = 0;
    for (const title of TITLES) {
      const result = decodePostBytes(encode(frontMatter(title), encoding));
      if ("problem" in result) {
        t.is(
          result.problem,
          "is not UTF-8; it is Windows-1251 or KOI8-R, and its text is too short to tell which",
          title,
        );
        continue;
      }
      t.deepEqual(result, { text: frontMatter(title), encoding }, title);
      read++;
    }
    t.true(read >= TITLES.length - 2, `${read} of ${TITLES.length} read`);
  });
  test(`a whole post in ${encoding} is read`, (t) => {
    const text = `${frontMatter("Впечатления от CoreOS")}CoreOS — это дистрибутив Linux, в котором всё работает в контейнерах.\n`;
    const bytes = encode(encoding === "koi8-r" ? text.replace("—", "-") : text, encoding);
    t.is((decodePostBytes(bytes) as { encoding: string }).encoding, encoding);
  });
}

test("1251's quotes, dashes and № read as 1251, not as KOI8-R's box drawing", (t) => {
  const text = frontMatter("«Ёж» — №1");
  t.deepEqual(decodePostBytes(encode(text, "windows-1251")), { text, encoding: "windows-1251" });
});

test("UTF-16 by its byte-order mark, or without one by its NUL bytes", (t) => {
  const text = frontMatter("Привет");
  const little = Buffer.from(text, "utf16le");
  const big = Buffer.from(little).swap16();
  t.deepEqual(decodePostBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), little])), { text, encoding: "utf-16le" });
  t.deepEqual(decodePostBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), big])), { text, encoding: "utf-16be" });
  t.deepEqual(decodePostBytes(little), { text, encoding: "utf-16le" });
  t.deepEqual(decodePostBytes(big), { text, encoding: "utf-16be" });
});

test("NUL bytes in UTF-8 text, Latin-1 text and broken UTF-16 are refused", (t) => {
  t.deepEqual(decodePostBytes(Buffer.from("Текст\u0000текст, достаточно длинный.")), {
    problem: "contains NUL bytes, so it is not a text file in UTF-8",
  });
  t.deepEqual(decodePostBytes(Buffer.from(frontMatter("Café crème"), "latin1")), {
    problem: "is not UTF-8, and not Russian text in Windows-1251 or KOI8-R either",
  });
  t.deepEqual(decodePostBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), {
    problem: "is not valid UTF-16 (little-endian)",
  });
});
