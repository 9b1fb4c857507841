// Reads the seed articles shipped in this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleFile, type Article } from '../chunking.ts';

export const CONTENT_DIR = dirname(fileURLToPath(import.meta.url));

/** Every `*.md` article of `dir` except the PLACEHOLDERS reference, parsed, sorted by slug. */
export function loadArticles(dir: string = CONTENT_DIR): Article[] {
  const articles = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'PLACEHOLDERS.md')
    .map((name) => parseArticleFile(readFileSync(join(dir, name), 'utf8'), name));
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.slug)) throw new Error(`two articles share the slug "${article.slug}"`);
    seen.add(article.slug);
  }
  return articles.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Published articles only: drafts are never searched. */
export function loadPublishedArticles(dir: string = CONTENT_DIR): Article[] {
  return loadArticles(dir).filter((article) => article.status === 'published');
}

/**
 * Suggested default of every placeholder, read from the PLACEHOLDERS.md table. Real values come
 * from configuration; these defaults let tools (the offline evaluation) index text as customers read it.
 */
export function loadPlaceholderDefaults(dir: string = CONTENT_DIR): Record<string, string> {
  const table = readFileSync(join(dir, 'PLACEHOLDERS.md'), 'utf8');
  return Object.fromEntries(
    [...table.matchAll(/^\| `\{\{([\w.]+)\}\}` \| ([^|]*) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}
