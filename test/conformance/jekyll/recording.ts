/** The shape of recording.json: what Jekyll made of the seeded blog, per site configuration. */
export interface RecordedPost {
  /** Path of the post's file, relative to the blog. */
  source: string;
  url: string;
  /** The file Jekyll wrote, relative to the site folder. */
  file: string;
  /** jekyll-feed's entry id (Document#id) before `absolute_url`. */
  id: string;
  /** ISO 8601 in the site zone, and the instant in seconds. */
  date?: string;
  instant?: number;
  tags?: string[];
  categories?: string[];
  slug?: string;
  html?: string;
  headingIds?: string[];
}

export interface RecordedVariant {
  posts: RecordedPost[];
  redirects?: Array<{ file: string; from: string; to: string }>;
  redirectsJson?: Record<string, string>;
  feeds?: Array<{ path: string; ids: string[] }>;
  sitemap?: string[];
}

export interface Recording {
  generator: string;
  seed: number;
  count: number;
  variants: Record<string, RecordedVariant>;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** An Atom feed's entry ids, in order, as recorded from jekyll-feed's feed.xml. */
export const feedEntryIds = (xml: string) =>
  [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>/g)].map((m) => unescapeXml(m[1]!));

/** A sitemap.xml's URLs, as recorded from jekyll-sitemap's. */
export const sitemapUrls = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => unescapeXml(m[1]!));

/** The ids of a page's headings, in order. */
export const headingIds = (html: string) =>
  [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((m) => unescapeXml(m[1]!));
