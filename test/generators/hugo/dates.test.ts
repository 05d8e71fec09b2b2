import test from "ava";
import { parseHugoDate } from "../../../src/generators/hugo/dates.js";

const read = (text: string) => parseHugoDate(text, "Europe/Moscow")?.toISO({ suppressMilliseconds: true });

test("parseHugoDate: the Go layouts Hugo 0.111 reads, offsets kept (as recorded in test/conformance/hugo)", (t) => {
  t.is(read("2022-11-16T14:42:27-05:00"), "2022-11-16T14:42:27-05:00");
  t.is(read("Tue, 01 Nov 2016 18:35:19 +0300"), "2016-11-01T18:35:19+03:00");
  t.is(read("08 Jan 14 16:35 -0500"), "2014-01-08T16:35:00-05:00");
  t.is(read("2023-07-27T18:06:15-0500"), "2023-07-27T18:06:15-05:00");
  t.is(read("2013-10-11 07:52:28Z"), "2013-10-11T07:52:28Z");
  t.is(read("Wed Jan 08 16:35:37 -0500 2014"), "2014-01-08T16:35:37-05:00");
  t.is(read("29 jan 2015"), "2015-01-29T00:00:00+03:00");
});

test("parseHugoDate: no offset, or only a zone name, is the wall clock in the site's zone", (t) => {
  t.is(read("2013-03-27T01:01:23"), "2013-03-27T01:01:23+04:00");
  t.is(read("Sunday, 26-Oct-14 11:21:26 UTC"), "2014-10-26T11:21:26+03:00");
  t.is(read("Mon May  3 06:25:40 2021"), "2021-05-03T06:25:40+03:00");
  // Go takes +0000 for a zone name (UnixDate) before it tries RubyDate's offset; -0500 is past 23, an offset.
  t.is(read("Sat Apr 11 19:15:01 +0000 2015"), "2015-04-11T19:15:01+03:00");
  // Time.String(): a zone named UTC wins over the offset.
  t.is(read("2015-05-24 20:58:04.456 +0300 UTC"), "2015-05-24T20:58:04.456Z");
});

test("parseHugoDate: what no layout reads is undefined (Hugo takes the year 1)", (t) => {
  for (const text of ["2015-07-29 14:30", "2015-7-9", "2015-02-30", "Tue, 1 Nov 2016 18:35:19 +0300", "yesterday"])
    t.is(read(text), undefined, text);
});
