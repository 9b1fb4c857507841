import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkArticle, listPlaceholders, parseArticleFile, renderPlaceholders } from '../../../knowledge/chunking.ts';
import { CONTENT_DIR, loadArticles, loadPlaceholderDefaults } from '../../../knowledge/content/load.ts';
import { loadQuestions } from '../../../knowledge/eval/offline.ts';

const files = readdirSync(CONTENT_DIR).filter((name) => name.endsWith('.md') && name !== 'PLACEHOLDERS.md');
const documented = new Set(
  [...readFileSync(join(CONTENT_DIR, 'PLACEHOLDERS.md'), 'utf8').matchAll(/^\| `\{\{([\w.]+)\}\}` \|/gm)].map((m) => m[1]!),
);

describe('knowledge content', () => {
  it('has at least 45 published articles for customers and investors', () => {
    const published = loadArticles().filter((a) => a.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(45);
    expect(published.some((a) => a.audience === 'investor')).toBe(true);
    expect(published.some((a) => a.audience === 'internal')).toBe(true);
  });

  it.each(files)('%s parses, matches its file name and yields chunks', (name) => {
    const article = parseArticleFile(readFileSync(join(CONTENT_DIR, name), 'utf8'), name);
    expect(`${article.slug}.md`).toBe(name);
    expect(article.tags.length).toBeGreaterThan(0);
    expect(article.body).toMatch(/^## /m);
    const chunks = chunkArticle(article);
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(700);
  });

  it.each(files)('%s only uses documented placeholders and no literal percentages', (name) => {
    const article = parseArticleFile(readFileSync(join(CONTENT_DIR, name), 'utf8'), name);
    const used = listPlaceholders(`${article.title}\n${article.body}`);
    for (const placeholder of used) expect(documented, `${name} uses {{${placeholder}}}`).toContain(placeholder);
    // Rates and limits change: a bare "45%" in prose would go stale. Placeholders followed by "%" are fine.
    const rendered = renderPlaceholders(article.body, Object.fromEntries(used.map((p) => [p, 'X'])));
    expect(rendered).not.toMatch(/\d\s*%/);
  });

  it('gives every documented placeholder a suggested default', () => {
    const defaults = loadPlaceholderDefaults();
    expect(Object.keys(defaults).sort()).toEqual([...documented].sort());
    for (const value of Object.values(defaults)) expect(value).not.toBe('');
  });

  it('documents only placeholders that are used', () => {
    const used = new Set(loadArticles().flatMap((a) => listPlaceholders(`${a.title}\n${a.body}`)));
    expect([...documented].sort()).toEqual([...used].sort());
  });
});

describe('evaluation questions', () => {
  const questions = loadQuestions();
  const slugs = new Set(loadArticles().filter((a) => a.status === 'published').map((a) => a.slug));

  it('has at least 160 distinct questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(160);
    expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
  });

  it('points every question at published articles', () => {
    for (const question of questions) {
      for (const slug of question.slugs) expect(slugs, `"${question.q}" → ${slug}`).toContain(slug);
    }
  });
});
