/**
 * What every generator's plan shares: options compared with the `from` preset, and the account of every old
 * setting read (carried, with what it became, or not carried, with why).
 */
import type { PresetOptions } from "../../generators/dialect.js";
import type { MigratedOption, Migration, NotCarried } from "./migration.js";

/** The address the feeds get when the old config has none (a development pelicanconf.py): Eleventy's dev server. */
export const PLACEHOLDER_SITE_URL = "http://localhost:8080";

export class PlanBuilder {
  readonly options: MigratedOption[] = [];
  readonly carried: { setting: string; value: unknown; became: string }[] = [];
  readonly notCarried: NotCarried[] = [];
  readonly themePages: string[] = [];
  private readonly accounted = new Set<string>();

  /**
   * `generator`: its name and the options `from` sets; `read`: every old setting read, by the name the report
   * gives it (`TAG_URL`, `baseURL`, `permalinks.posts`).
   */
  constructor(
    readonly generator: { name: string; preset: PresetOptions },
    readonly read: ReadonlyMap<string, unknown>,
    from: string,
  ) {
    this.options.push({ key: "from", value: generator.name, from });
  }

  has(setting: string): boolean {
    return this.read.has(setting);
  }

  /**
   * An option from the old `settings`: listed when it differs from the preset (or `always`); each of `settings`
   * read is carried into it. `from` is the comment, by default the settings read.
   */
  set(key: string, value: unknown, settings: string[], how: { always?: boolean; from?: string } = {}): void {
    const readSettings = settings.filter((setting) => this.read.has(setting));
    const preset = presetValue(this.generator.preset, key);
    const same = preset !== undefined && sameOption(preset, value);
    const became = `${key}: ${JSON.stringify(value)}${same ? ` (as the from: "${this.generator.name}" preset)` : ""}`;
    if (how.always || !same) {
      const from = how.from ?? (readSettings.join(", ") || settings.join(", "));
      this.options.push({ key, value, from });
    }
    for (const setting of readSettings) this.carry(setting, became);
  }

  /** An old setting carried some other way (a folder, the posts glob): `became` says how. */
  carry(setting: string, became: string): void {
    if (!this.read.has(setting) || this.accounted.has(setting)) return;
    this.accounted.add(setting);
    this.carried.push({ setting, value: this.read.get(setting), became });
  }

  /** `setting` may name several (`ARTICLE_URL, ARTICLE_SAVE_AS`): each is accounted for by this one entry. */
  notCarry(setting: string, why: string): void {
    this.accounted.add(setting);
    for (const part of setting.split(", ")) this.accounted.add(part);
    if (!this.notCarried.some((entry) => entry.setting === setting && entry.why === why))
      this.notCarried.push({ setting, why });
  }

  themePage(description: string): void {
    if (!this.themePages.includes(description)) this.themePages.push(description);
  }

  /** The migration, where every setting read and not yet accounted for is listed with `why` it is not carried. */
  finish(
    why: (setting: string) => string,
    place: Omit<Migration, "options" | "carried" | "notCarried" | "themePages">,
  ): Migration {
    for (const setting of this.read.keys()) {
      if (!this.accounted.has(setting)) this.notCarry(setting, why(setting));
    }
    const { options, carried, notCarried, themePages } = this;
    return { ...place, options, carried, notCarried, themePages };
  }
}

function presetValue(preset: PresetOptions, key: string): unknown {
  let value: unknown = preset;
  for (const part of key.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Two option values the same, patterns compared in one spelling (`{slug}.html` is `/:slug.html`). */
function sameOption(a: unknown, b: unknown): boolean {
  const normal = (value: unknown) => (typeof value === "string" ? ourPattern(value) : JSON.stringify(value));
  return normal(a) === normal(b);
}

/** A pattern in this package's `:token` spelling, rooted: Pelican's `{slug}`, `{category}`, `{date:%Y}` translated. */
export function ourPattern(pattern: string): string {
  const translated = pattern
    .replace(/\{slug\}/g, ":slug")
    .replace(/\{category\}/g, ":category")
    .replace(/\{date:%Y\}/g, ":year")
    .replace(/\{date:%m\}/g, ":month")
    .replace(/\{date:%d\}/g, ":day");
  return /^[a-z]+:\/\//i.test(translated) || translated.startsWith("/") ? translated : `/${translated}`;
}
