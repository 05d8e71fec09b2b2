import test from "ava";
import { InvalidValueError } from "../../src/errors.js";
import {
  absolutePageUrl,
  absoluteUrl,
  checkSiteUrl,
  encodePageUrl,
  encodePath,
  hasScheme,
} from "../../src/urls/urls.js";

const LICHNYI = "%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9"; // "Личный"

test("encodePath percent-encodes Cyrillic as encodeURI does", (t) => {
  t.is(encodePath("/it/Личный-vps/"), `/it/${LICHNYI}-vps/`);
  t.is(encodePath("/it/Личный-vps/"), encodeURI("/it/Личный-vps/"));
});

test("encodePath never encodes an escape twice, so raw and encoded spellings meet", (t) => {
  t.is(encodePath(`/it/${LICHNYI}-vps/`), `/it/${LICHNYI}-vps/`);
  t.is(encodePath("/it/%D0%9Bичный-vps/"), `/it/${LICHNYI}-vps/`);
  t.is(encodePath("/it/%d0%9b/"), "/it/%d0%9b/");
});

test("encodePath encodes a % that starts no escape", (t) => {
  t.is(encodePath("/100%/"), "/100%25/");
  t.is(encodePath("/a%zz/%"), "/a%25zz/%25");
});

test("encodePath keeps the URL's structure characters and encodes spaces", (t) => {
  t.is(encodePath("/a b/?q=x&y=1#раздел"), "/a%20b/?q=x&y=1#%D1%80%D0%B0%D0%B7%D0%B4%D0%B5%D0%BB");
});

test("encodePath replaces a lone surrogate instead of throwing as encodeURI does", (t) => {
  t.throws(() => encodeURI("/a\uD800/"));
  t.is(encodePath("/a\uD800/"), "/a%EF%BF%BD/");
  t.is(encodePath("/😀/"), encodeURI("/😀/"));
});

test("encodePageUrl encodes # and ?, which are part of a page's path, and the rest as encodePath does", (t) => {
  t.is(encodePageUrl("/linux/c#/2016/01/02/x.html"), "/linux/c%23/2016/01/02/x.html");
  t.is(encodePageUrl("/what?/"), "/what%3F/");
  t.is(encodePageUrl("/linux/c%23/x/"), "/linux/c%23/x/");
  t.is(encodePageUrl("/it/Й#/"), "/it/%D0%99%23/");
});

test("absolutePageUrl keeps a page's # in its path; absoluteUrl keeps a link's fragment", (t) => {
  t.is(absolutePageUrl("/linux/c#/x.html", "https://example.ru/blog"), "https://example.ru/blog/linux/c%23/x.html");
  t.is(absolutePageUrl("https://other.ru/a#b", "https://example.ru"), "https://other.ru/a#b");
  t.is(absoluteUrl("/about/#me", "https://example.ru"), "https://example.ru/about/#me");
});

test("absoluteUrl joins a root-relative path to the site URL", (t) => {
  t.is(absoluteUrl("/it/Личный-vps/", "https://example.ru"), `https://example.ru/it/${LICHNYI}-vps/`);
  t.is(absoluteUrl("/", "https://example.ru"), "https://example.ru/");
});

test("absoluteUrl keeps the path of a site URL, with or without its trailing slash", (t) => {
  t.is(absoluteUrl("/it/x/", "https://example.ru/blog"), "https://example.ru/blog/it/x/");
  t.is(absoluteUrl("/it/x/", "https://example.ru/blog/"), "https://example.ru/blog/it/x/");
  t.is(absoluteUrl("/", "https://example.ru/blog/"), "https://example.ru/blog/");
});

test("absoluteUrl takes a path without a leading slash from the site root", (t) => {
  t.is(absoluteUrl("it/coreos-opinion/", "https://example.ru"), "https://example.ru/it/coreos-opinion/");
});

test("absoluteUrl returns a URL with a scheme unchanged", (t) => {
  t.is(absoluteUrl("https://other.ru/a/", "https://example.ru"), "https://other.ru/a/");
  t.is(absoluteUrl("mailto:me@example.ru", "https://example.ru"), "mailto:me@example.ru");
});

test("absoluteUrl gives a protocol-relative URL the site URL's scheme", (t) => {
  t.is(absoluteUrl("//cdn.example.ru/a.js", "https://example.ru"), "https://cdn.example.ru/a.js");
  t.is(absoluteUrl("//models.example.ru", "http://example.ru/blog"), "http://models.example.ru");
});

test("absoluteUrl gives the same URL on every call for raw and encoded paths", (t) => {
  t.is(absoluteUrl("/it/Личный-vps/", "https://example.ru"), absoluteUrl(`/it/${LICHNYI}-vps/`, "https://example.ru"));
});

test("hasScheme is true for a scheme, false for //host, paths and fragments", (t) => {
  for (const url of ["https://a.ru/", "HTTP://A.RU", "mailto:a@b.ru", "data:,x", "tel:+7"]) t.true(hasScheme(url), url);
  for (const url of ["//cdn.a.ru/x.js", "/a/", "a/b", "../a", "#x", "?q=1", "", "./a:b"]) t.false(hasScheme(url), url);
});

test("checkSiteUrl normalises to no trailing slash", (t) => {
  t.is(checkSiteUrl("https://example.ru"), "https://example.ru");
  t.is(checkSiteUrl("https://example.ru/"), "https://example.ru");
  t.is(checkSiteUrl("https://example.ru/blog/"), "https://example.ru/blog");
  t.is(checkSiteUrl("  http://Example.RU:8080/Blog  "), "http://example.ru:8080/Blog");
});

test("checkSiteUrl writes an international host in ASCII and encodes the path", (t) => {
  t.is(checkSiteUrl("https://пример.рф/блог/"), "https://xn--e1afmkfd.xn--p1ai/%D0%B1%D0%BB%D0%BE%D0%B3");
});

test("checkSiteUrl refuses what is not an absolute http(s) URL", (t) => {
  for (const value of [undefined, 42, "", "example.ru", "/blog/", "ftp://example.ru", "mailto:a@example.ru"]) {
    const error = t.throws(() => checkSiteUrl(value), { instanceOf: InvalidValueError });
    t.regex(error.message, /siteUrl must be an absolute http\(s\) URL like "https:\/\/example\.ru"/);
  }
});

test("checkSiteUrl refuses a query, a fragment or a user name", (t) => {
  for (const value of ["https://example.ru/?a=1", "https://example.ru/#top", "https://me@example.ru/"]) {
    const error = t.throws(() => checkSiteUrl(value), { instanceOf: InvalidValueError });
    t.regex(error.message, /without a query, a fragment or a user name/);
  }
});
