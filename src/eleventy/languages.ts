/**
 * Languages in Eleventy: each post's language found as its front matter is read, filters that follow the
 * language of the page they are called on (or of the post they are given), `translations` in each linked post's
 * data, and the `translationLinks` shortcode's links (registered by translation-links.ts).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import {
  canonicalLanguage,
  hreflangLinks,
  languageOfFolder,
  postLanguage,
  translationBase,
  withPostLanguage,
  type Translation,
} from "../site/languages.js";
import { describeValue, InvalidValueError, type Warn } from "../errors.js";
import { markdownProse } from "../content/words.js";
import type { SiteModel } from "../site/site.js";
import { absolutePageUrl, encodePageUrl } from "../urls/urls.js";

/** What a filter's `this` holds in each template language (Eleventy 3 adds `page` in all three). */
interface FilterThis {
  page?: { inputPath?: string; lang?: unknown };
  /** Nunjucks: the render context, the page's data. */
  ctx?: { lang?: unknown };
  /** Liquid: the render context; `environments` is the page's data. */
  context?: { environments?: { lang?: unknown } };
}

/** A collection item handed to a filter in place of a date or HTML: `{{ post | ruDate }}`. */
interface PostItem {
  inputPath: string;
  date: Date;
  data: Record<string, unknown> & { page?: { rawInput?: unknown } };
}

/**
 * The text of a post handed to `readingTime` in a list: its source as Eleventy read it (`page.rawInput`), never its
 * rendered `content`, which a list page rendered before the post cannot read (TemplateContentPrematureUseError).
 * Markdown is read as the prose it renders to.
 */
function postText(item: PostItem): unknown {
  const source = item.data.page?.rawInput;
  if (typeof source !== "string") return source;
  return /\.(md|markdown)$/i.test(item.inputPath) ? markdownProse(source) : source;
}

function isPostItem(value: unknown): value is PostItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Partial<PostItem>;
  return typeof item.inputPath === "string" && item.date instanceof Date && typeof item.data === "object";
}

function languageValue(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? canonicalLanguage(value) : undefined;
}

export interface LanguageSettings {
  languages: readonly string[];
  /** The site's language (`language`): that of pages that are not posts and give none. */
  siteLanguage: string;
  inputDir: string;
  /** The path inside the input folder of an Eleventy input path. */
  relativePath: (inputPath: string) => string;
  /** Whether a path inside the input folder is a post. */
  isPost: (file: string) => boolean;
  /**
   * Where a post outside the default language goes: `"folder"` (a marked translation under `/<lang>/`, Hugo's way)
   * or `"suffix"` (every such post at its slug and `-<lang>`, Pelican's ARTICLE_LANG_URL `{slug}-{lang}.html`).
   */
  languageUrls?: "folder" | "suffix";
  /** The old generator's reading: the language from the file name only, every other language under `/lang/`. */
  languageFolders?: boolean;
  /** Folders whose posts are in a language (the folderLanguages option). */
  folderLanguages?: Readonly<Record<string, string>>;
  warn: Warn;
}

export function createLanguages(settings: LanguageSettings) {
  const { languages } = settings;
  const languageOfPost = new Map<string, string>();
  /** Per folder, the posts in it by their translation base: read once per folder and build, not once per post. */
  const folderTranslations = new Map<string, Map<string, string[]>>();

  /** Files in the post's folder that are posts with the same base name: Hugo's translations of it. */
  const hasSibling = (file: string): boolean => {
    const folder = path.posix.dirname(file);
    let byBase = folderTranslations.get(folder);
    if (byBase === undefined) {
      let names: string[];
      try {
        names = readdirSync(path.join(settings.inputDir, folder));
      } catch {
        names = [];
      }
      const prefix = folder === "." ? "" : `${folder}/`;
      byBase = new Map();
      for (const name of names) {
        const other = `${prefix}${name}`;
        if (!settings.isPost(other)) continue;
        const base = translationBase(other, languages);
        const group = byBase.get(base);
        if (group) group.push(other);
        else byBase.set(base, [other]);
      }
      folderTranslations.set(folder, byBase);
    }
    return (byBase.get(translationBase(file, languages)) ?? []).some((other) => other !== file);
  };

  /** The language of the page a filter is called on: a post's own, else a `lang` in the page's data. */
  const pageLanguage = (self: FilterThis | undefined): string => {
    const inputPath = self?.page?.inputPath;
    const ofPost = inputPath === undefined ? undefined : languageOfPost.get(settings.relativePath(inputPath));
    return (
      ofPost ??
      languageValue(self?.ctx?.lang) ??
      languageValue(self?.context?.environments?.lang) ??
      languageValue(self?.page?.lang) ??
      settings.siteLanguage
    );
  };

  return {
    /** Forgets what the last build read: in `--serve` files come and go. */
    reset(): void {
      folderTranslations.clear();
    },

    /**
     * A post's data with its language (see languages.ts). `normalize` is the plugin's reading of the front
     * matter, given the file name without its language suffix for a slug made from it.
     */
    readPost(
      raw: Record<string, unknown>,
      file: string,
      body: string,
      normalize: (fileWithoutLanguage: string, slugSuffix: string) => Record<string, unknown>,
    ): Record<string, unknown> {
      const sibling = hasSibling(file);
      const folders = settings.languageFolders === true;
      const language = postLanguage({
        raw,
        file,
        body,
        languages,
        hasSibling: sibling,
        fromText: !folders,
        folderLanguage: languageOfFolder(file, settings.folderLanguages ?? {})?.language,
        warn: settings.warn,
      });
      const base = translationBase(file, languages);
      const suffixed = settings.languageUrls === "suffix";
      const inDefault = language.lang.toLowerCase() === languages[0]!.toLowerCase();
      const data = withPostLanguage(
        normalize(`${base}${path.posix.extname(file)}`, suffixed && !inDefault ? `-${language.lang}` : ""),
        language,
        sibling ? base : undefined,
        "permalink" in raw || suffixed,
        folders && languages.length > 1 ? { defaultLanguage: languages[0]! } : undefined,
      );
      // A post that names no language may get one from directory data: filters then read it from the page.
      if (language.source === "default") languageOfPost.delete(file);
      else languageOfPost.set(file, language.lang);
      return data;
    },

    pageLanguage,

    /**
     * What a filter was given, and the language to write it in: `explicit` (the filter's last argument) if given;
     * else a post item gives its date (or content) and its own language; anything else is written in the page's
     * language.
     */
    subject(
      self: FilterThis | undefined,
      value: unknown,
      part: "date" | "content",
      explicit?: unknown,
    ): { value: unknown; lang: string } {
      const given =
        explicit === undefined || explicit === null || explicit === "" ? undefined : languageValue(explicit);
      if (explicit !== undefined && explicit !== null && explicit !== "" && given === undefined) {
        throw new InvalidValueError(`${describeValue(explicit)} is not a language tag; pass one such as "en", or none`);
      }
      if (!isPostItem(value)) return { value, lang: given ?? pageLanguage(self) };
      const lang =
        languageOfPost.get(settings.relativePath(value.inputPath)) ??
        languageValue(value.data.lang) ??
        settings.siteLanguage;
      return { value: part === "date" ? value.date : postText(value), lang: given ?? lang };
    },
  };
}

export type Languages = ReturnType<typeof createLanguages>;

/** An item as translations name it. */
interface TranslatedItem {
  url: string | false;
  inputPath: string;
  data: Record<string, unknown>;
}

/**
 * Puts each linked post's `translations` (`{ lang, url, title }` of its other-language versions) into its data.
 * The data object is the one the post renders with, and every collection is built before any page renders.
 */
export function assignTranslations<I extends TranslatedItem>(model: SiteModel<I>): void {
  for (const [item, translations] of model.translationsOf) item.data.translations = translations;
}

const linkedByInputPath = new WeakMap<object, Map<string, TranslatedItem>>();

/** The `translationLinks` shortcode's output for the page at `inputPath`: its hreflang links, or nothing. */
export function translationLinksOf<I extends TranslatedItem>(
  model: SiteModel<I> | undefined,
  inputPath: string | undefined,
  siteUrl: string | undefined,
): string {
  if (!model || inputPath === undefined) return "";
  let byInputPath = linkedByInputPath.get(model);
  if (!byInputPath) {
    byInputPath = new Map([...model.translationsOf.keys()].map((item) => [item.inputPath, item]));
    linkedByInputPath.set(model, byInputPath);
  }
  const item = byInputPath.get(inputPath) as I | undefined;
  if (!item || item.url === false) return "";
  const translations = model.translationsOf.get(item)!;
  const self: Translation = {
    lang: String(item.data.lang),
    url: item.url,
    title: String(item.data.title ?? ""),
  };
  const originalItem = model.originalOf.get(item) ?? item;
  const original = originalItem === item ? self : (translations.find((t) => t.url === originalItem.url) ?? self);
  return hreflangLinks(self, translations, original, (url) =>
    siteUrl ? absolutePageUrl(url, siteUrl) : encodePageUrl(url),
  );
}
