/** The filters, in every template language at once (`addFilter` registers Nunjucks, Liquid and 11ty.js). */
import { createDateFilters } from "../posts/dates.js";
import { withPlace } from "../errors.js";
import { termKey } from "../site/taxonomy.js";
import { readingTime, ruPlural } from "../content/words.js";
import { encodePageUrl } from "../urls/urls.js";
import type { PluginContext } from "./context.js";

/** A filter whose bad input is reported as the plugin's error naming the filter. */
function asFilter<A extends unknown[]>(name: string, filter: (this: unknown, ...args: A) => string) {
  // Eleventy hands each filter the page in `this`; the filters that follow the page's language read it.
  return function (this: unknown, ...args: A): string {
    return withPlace({ prefix: `filter ${name}: ` }, () => filter.apply(this, args));
  };
}

/**
 * Each filter writes in the language of the page it is called on, of the post it is given (`post | ruDate`), or
 * the one passed as its last argument.
 */
export function registerFilters({ config, options, currentSite, languages }: PluginContext): void {
  const dates = createDateFilters({ zone: options.timezone, locale: options.language });
  config.addFilter(
    "ruDate",
    asFilter("ruDate", function (this: unknown, value: unknown, format?: string, lang?: unknown) {
      const subject = languages.subject(this as never, value, "date", lang);
      return dates.ruDate(subject.value, format, subject.lang);
    }),
  );
  config.addFilter(
    "ruRelative",
    asFilter("ruRelative", function (this: unknown, value: unknown, base?: unknown, lang?: unknown) {
      const subject = languages.subject(this as never, value, "date", lang);
      return dates.ruRelative(subject.value, base, subject.lang);
    }),
  );
  config.addFilter(
    "isoDate",
    asFilter("isoDate", function (this: unknown, value: unknown) {
      return dates.isoDate(languages.subject(this as never, value, "date").value);
    }),
  );
  config.addFilter(
    "ruPlural",
    asFilter("ruPlural", function (this: unknown, n: unknown, one: string, few: string, many: string, lang?: unknown) {
      return ruPlural(n, one, few, many, languages.subject(this as never, n, "date", lang).lang);
    }),
  );
  config.addFilter(
    "readingTime",
    asFilter("readingTime", function (this: unknown, html: unknown, lang?: unknown) {
      const subject = languages.subject(this as never, html, "content", lang);
      return readingTime(subject.value, undefined, subject.lang);
    }),
  );
  // A page URL in an href: `#` and `?` in it are part of its path (category `C#`), not a fragment or a query.
  config.addFilter("encodeUrl", (url: unknown) => (typeof url === "string" ? encodePageUrl(url) : url));
  config.addFilter(
    "termUrl",
    (name: unknown, kind: unknown = "tag") =>
      currentSite()?.lookup.byKey[kind === "category" ? "category" : "tag"].get(termKey(String(name)))?.url,
  );
}
