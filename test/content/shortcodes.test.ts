import test from "ava";
import {
  expandShortcodes,
  parseArguments,
  ShortcodeSyntaxError,
  type ShortcodeCall,
} from "../../src/content/shortcodes.js";

/** Expands with a renderer that writes each call as `[name|positional|named|inner]`. */
function expand(source: string, codeBlocks: [number, number][] = []): Promise<string> {
  return expandShortcodes(
    source,
    codeBlocks,
    (call: ShortcodeCall) =>
      `[${call.markdown ? "%" : "<"}${call.name}|${call.positional.join(",")}|${JSON.stringify(call.named)}|${call.inner ?? "-"}]`,
  );
}

test("positional and named arguments, quoted, raw and bare, as Hugo reads them", (t) => {
  t.deepEqual(parseArguments(`w7Ft2ymGmfc "my class" \`raw "x"\``, "youtube", 1), {
    positional: ["w7Ft2ymGmfc", "my class", 'raw "x"'],
    named: {},
    isNamed: false,
  });
  t.deepEqual(parseArguments(`src="/a b.png" title="T \\"q\\"" width=100`, "figure", 1), {
    positional: [],
    named: { src: "/a b.png", title: 'T "q"', width: "100" },
    isNamed: true,
  });
  const error = t.throws(() => parseArguments(`a key="v"`, "x", 7), { instanceOf: ShortcodeSyntaxError });
  t.regex(error.message, /^shortcode "x" mixes named and positional arguments/);
  t.is(error.line, 7);
});

test("a shortcode is expanded; self-closing, paired and nested ones too", async (t) => {
  t.is(await expand(`a {{< youtube abc >}} b`), "a [<youtube|abc|{}|-] b");
  t.is(await expand(`{{< qr text="x" />}}`), `[<qr||{"text":"x"}|-]`);
  t.is(await expand(`{{% note %}}*in*{{% /note %}}`), "[%note||{}|*in*]");
  t.is(await expand(`{{< outer >}}x {{< inner 1 >}} y{{< /outer >}}`), "[<outer||{}|x [<inner|1|{}|-] y]");
  t.is(await expand(`{{< a >}}{{< a >}}1{{< /a >}}{{< /a >}}`), "[<a||{}|[<a||{}|1]]");
  // Multi-line tags are Hugo's too.
  t.is(await expand(`{{< figure\n  src="x.png"\n  title="T" >}}`), `[<figure||{"src":"x.png","title":"T"}|-]`);
});

test("shortcodes in inline code, fenced and indented code are left as written", async (t) => {
  t.is(await expand("`{{< youtube abc >}}` and ``a {{< b >}} ` c``"), "`{{< youtube abc >}}` and ``a {{< b >}} ` c``");
  const fenced = "```\n{{< youtube abc >}}\n```\n{{< after >}}";
  t.is(await expand(fenced, [[0, 3]]), "```\n{{< youtube abc >}}\n```\n[<after||{}|-]");
  const indented = "text\n\n    {{< youtube abc >}}\n";
  t.is(await expand(indented, [[2, 3]]), indented);
  // A lone backtick is no code span; a blank line ends a paragraph, and any span in it.
  t.is(await expand("it`s {{< x >}}"), "it`s [<x||{}|-]");
  t.is(await expand("`open\n\n{{< x >}} `"), "`open\n\n[<x||{}|-] `");
});

test("Hugo's comment escape comes out as the literal shortcode, in code as well", async (t) => {
  t.is(await expand(`{{</* youtube abc */>}}`), "{{< youtube abc >}}");
  t.is(await expand(`{{%/* note */%}}x{{%/* /note */%}}`), "{{% note %}}x{{% /note %}}");
  t.is(await expand('```\n{{</* figure src="a" */>}}\n```', [[0, 3]]), '```\n{{< figure src="a" >}}\n```');
  t.is(await expand("`{{</* x */>}}`"), "`{{< x >}}`");
});

test("a closing tag without its opening one stops with the line", async (t) => {
  const error = await t.throwsAsync(expand("a\n{{< /note >}}"), { instanceOf: ShortcodeSyntaxError });
  t.regex(error.message, /^the closing tag \{\{< \/note >\}\} has no opening/);
  t.is(error.line, 2);
});

test("text that only looks like a shortcode is left alone, and a stray opening costs bounded work", async (t) => {
  t.is(await expand("{{ page.title }} {{< >}} {{<"), "{{ page.title }} {{< >}} {{<");
  const hostile = "{{< x ".repeat(20000);
  t.is(await expand(hostile), hostile);
});

test("many unclosed shortcodes cost linear work", async (t) => {
  const source = "{{< x >}} ".repeat(20000);
  t.is((await expand(source)).length, "[<x||{}|-] ".length * 20000);
});

test("a shortcode longer than 1,024 characters is left as written and named in a warning with its line; a stray {{< is not", async (t) => {
  const long = `{{< figure src="/a.png" caption="${"слово ".repeat(300)}" >}}`;
  const warnings: [number, string][] = [];
  const source = `Строка.\n\n${long}\n\nЕщё {{<< стрелки, not a shortcode: ${"x".repeat(2000)} }} и {{< youtube abc >}}\n`;
  const expanded = await expandShortcodes(
    source,
    [],
    (call) => `[${call.name}]`,
    (line, message) => warnings.push([line, message]),
  );
  t.true(expanded.includes(long));
  t.true(expanded.endsWith("[youtube]\n"));
  t.is(warnings.length, 1);
  t.is(warnings[0]![0], 3);
  t.regex(
    warnings[0]![1],
    /^"\{\{< figure src=\\"\/a\.png\\" caption=\\"слово с"… is a shortcode longer than 1,024 characters, which is left as written; /,
  );
});
