/** Draws a Pelican blog for a seed (draw.mjs): every file, and the posts' paths in the order drawn. */
export function drawPelicanBlog(seed: number, count: number): { files: Record<string, string>; posts: string[] };
