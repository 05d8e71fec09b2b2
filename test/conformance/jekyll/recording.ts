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
