// Knowledge articles: front matter parsing, placeholder rendering and chunking into search passages.
// Articles live as Markdown in knowledge/content/; figures that change (rates, hours, phone) are
// written as {{placeholders}} and resolved from configuration when an answer is shown.

export type Audience = 'customer' | 'investor' | 'internal';
export type ArticleStatus = 'published' | 'draft';

export interface Article {
  title: string;
  slug: string;
  tags: string[];
  audience: Audience;
  status: ArticleStatus;
  /** Markdown after the front matter. */
  body: string;
}

export interface Chunk {
  /** Position of the chunk within its article, from 0. */
  index: number;
  /** The `##` heading the passage sits under; '' for text before the first heading. */
  heading: string;
  /** The passage as shown to a customer. */
  text: string;
  /** Title, tags, heading and passage: what search indexes, so a passage keeps its context. */
  searchText: string;
}

export interface ChunkOptions {
  maxChars?: number;
  overlapChars?: number;
}

export class ArticleFormatError extends Error {
  constructor(message: string, readonly source?: string) {
    super(source === undefined ? message : `${source}: ${message}`);
    this.name = 'ArticleFormatError';
  }
}

const AUDIENCES: readonly Audience[] = ['customer', 'investor', 'internal'];
const STATUSES: readonly ArticleStatus[] = ['published', 'draft'];
const FRONT_MATTER_KEYS = ['title', 'slug', 'tags', 'audience', 'status'] as const;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.endsWith(trimmed[0]!)) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
}

function parseTags(value: string, source: string | undefined): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) {
    throw new ArticleFormatError(`tags must be a list like [requisitos, documentos], got "${trimmed}"`, source);
  }
  const inner = trimmed.slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((tag) => {
    const clean = unquote(tag);
    if (clean === '') throw new ArticleFormatError('tags contains an empty entry', source);
    return clean;
  });
}

/**
 * Parses one article file: a `---` front matter block of `key: value` lines
 * (title, slug, tags: [..], audience, status), then the Markdown body.
 * `source` (a file name) only makes error messages easier to act on.
 */
export function parseArticleFile(markdown: string, source?: string): Article {
  const lines = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new ArticleFormatError('missing front matter: the file must start with a "---" line', source);
  }
  const closing = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (closing === -1) throw new ArticleFormatError('front matter is not closed by a "---" line', source);

  const fields = new Map<string, string>();
  for (let i = 1; i < closing; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (match === null) throw new ArticleFormatError(`front matter line ${i + 1} is not "key: value": "${line}"`, source);
    const key = match[1]!;
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      throw new ArticleFormatError(`unknown front matter key "${key}" (expected ${FRONT_MATTER_KEYS.join(', ')})`, source);
    }
    if (fields.has(key)) throw new ArticleFormatError(`front matter key "${key}" appears twice`, source);
    fields.set(key, match[2]!);
  }
  for (const key of FRONT_MATTER_KEYS) {
    if (!fields.has(key)) throw new ArticleFormatError(`front matter is missing "${key}"`, source);
  }

  const title = unquote(fields.get('title')!);
  if (title === '') throw new ArticleFormatError('title is empty', source);
  const slug = unquote(fields.get('slug')!);
  if (!SLUG_PATTERN.test(slug)) {
    throw new ArticleFormatError(`slug "${slug}" must be lowercase words joined by hyphens`, source);
  }
  const audience = unquote(fields.get('audience')!);
  if (!(AUDIENCES as readonly string[]).includes(audience)) {
    throw new ArticleFormatError(`audience "${audience}" must be one of ${AUDIENCES.join(', ')}`, source);
  }
  const status = unquote(fields.get('status')!);
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new ArticleFormatError(`status "${status}" must be one of ${STATUSES.join(', ')}`, source);
  }
  const tags = parseTags(fields.get('tags')!, source);
  const body = lines.slice(closing + 1).join('\n').trim();
  if (body === '') throw new ArticleFormatError('article body is empty', source);

  return { title, slug, tags, audience: audience as Audience, status: status as ArticleStatus, body };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Names of the `{{placeholders}}` used in `text`, each once, in order of appearance. */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Replaces every `{{name}}` with `values[name]`. A placeholder without a value is an error
 * (a customer must never read "{{credit.minRateMonthly}}"), unless `onMissing: 'keep'` is asked for.
 */
export function renderPlaceholders(
  text: string,
  values: Record<string, string>,
  options: { onMissing?: 'throw' | 'keep' } = {},
): string {
  const missing = listPlaceholders(text).filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0 && options.onMissing !== 'keep') {
    throw new Error(`no value for placeholder(s): ${missing.join(', ')}`);
  }
  return text.replace(PLACEHOLDER, (whole: string, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

interface Section {
  heading: string;
  paragraphs: string[];
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;

/** Splits the body into heading sections, each a list of blocks (a paragraph, a whole list). */
function splitSections(body: string): Section[] {
  const sections: Section[] = [{ heading: '', paragraphs: [] }];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length > 0) sections[sections.length - 1]!.paragraphs.push(block.join('\n'));
    block = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    if (heading !== null) {
      flush();
      sections.push({ heading: heading[1]!, paragraphs: [] });
    } else if (line.trim() === '') {
      flush();
    } else {
      block.push(line.trimEnd());
    }
  }
  flush();
  return sections.filter((section) => section.paragraphs.length > 0);
}

/** Breaks a block longer than `limit` at list items, then sentences, then words. */
function splitLongBlock(block: string, limit: number): string[] {
  if (block.length <= limit) return [block];
  const lines = block.split('\n');
  const units = lines.length > 1 ? lines : block.split(/(?<=[.!?…])\s+/);
  if (units.length === 1) {
    const pieces: string[] = [];
    let current = '';
    for (const word of block.split(/\s+/)) {
      if (current !== '' && current.length + 1 + word.length > limit) {
        pieces.push(current);
        current = '';
      }
      current = current === '' ? word.slice(0, limit) : `${current} ${word}`;
    }
    if (current !== '') pieces.push(current);
    return pieces;
  }
  const joiner = lines.length > 1 ? '\n' : ' ';
  const pieces: string[] = [];
  let current = '';
  for (const unit of units.flatMap((u) => splitLongBlock(u, limit))) {
    if (current !== '' && current.length + joiner.length + unit.length > limit) {
      pieces.push(current);
      current = '';
    }
    current = current === '' ? unit : `${current}${joiner}${unit}`;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** The end of `text`, at most `limit` characters, starting at a word boundary. */
function tail(text: string, limit: number): string {
  if (limit <= 0) return '';
  if (text.length <= limit) return text;
  const cut = text.slice(text.length - limit);
  const boundary = cut.search(/\s/);
  return boundary === -1 ? '' : cut.slice(boundary).trim();
}

/**
 * Cuts an article into passages: by heading, then by paragraph, packing paragraphs up to
 * `maxChars`. A passage that continues a section starts with the last ~`overlapChars` of the
 * previous one, so an answer split across the boundary is still found whole. `text` never
 * exceeds `maxChars`; `searchText` adds the article title, its tags (the curators' words for
 * what people ask, e.g. "papeles" for documents) and the heading, for context.
 */
export function chunkArticle(
  article: { title: string; body: string; tags?: readonly string[] },
  options: ChunkOptions = {},
): Chunk[] {
  const maxChars = options.maxChars ?? 700;
  const overlapChars = Math.min(options.overlapChars ?? 120, Math.floor(maxChars / 3));
  if (maxChars < 50) throw new RangeError('maxChars must be at least 50');

  const chunks: Chunk[] = [];
  const push = (heading: string, text: string): void => {
    const tags = article.tags === undefined || article.tags.length === 0 ? '' : `\n${article.tags.join(', ')}`;
    const context = heading === '' ? `${article.title}${tags}` : `${article.title}${tags}\n${heading}`;
    chunks.push({ index: chunks.length, heading, text, searchText: `${context}\n${text}` });
  };

  for (const section of splitSections(article.body)) {
    // Continuations reserve room for the overlap they carry.
    const budget = maxChars - overlapChars - 1;
    const blocks = section.paragraphs.flatMap((p) => splitLongBlock(p, budget));
    let current = '';
    let previous: string | undefined;
    const emit = (): void => {
      const overlap = previous === undefined ? '' : tail(previous, overlapChars);
      const text = overlap === '' ? current : `${overlap}\n${current}`;
      push(section.heading, text);
      previous = current;
      current = '';
    };
    for (const block of blocks) {
      const limit = previous === undefined ? maxChars : budget;
      if (current !== '' && current.length + 2 + block.length > limit) emit();
      current = current === '' ? block : `${current}\n\n${block}`;
    }
    if (current !== '') emit();
  }
  return chunks;
}
