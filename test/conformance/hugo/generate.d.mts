export interface Variant {
  name: string;
  posts: number;
  permalink: string | undefined;
  languages: string[];
  ruContentDir?: string;
}
export const SEED: number;
export const VARIANTS: Variant[];
export const FUTURE_YEAR: number;
export function generateSite(variant: Variant, seed: number): { files: Record<string, string>; sources: string[] };
