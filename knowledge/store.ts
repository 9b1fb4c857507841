// Articles as staff curate them: every change (content or status) becomes a new
// ArticleVersion and an audit entry with its author, in one transaction.
// Search passages are rebuilt by ingest.ts after each change; this file only
// keeps the record of truth.
import { diffLines } from 'diff';
import { audit } from '../services/audit/audit.ts';
import type { Principal } from '../services/auth/tokens.ts';
import type { PrismaClient } from '../services/db/database.ts';
import type { Prisma } from '../services/db/generated/client.ts';
import type { ArticleStatus, Audience } from './chunking.ts';
import { normalizeForSearch } from './text.ts';

export interface Author {
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
}

export const SYSTEM_AUTHOR: Author = { actorType: 'system', actorId: null };

/** Staff calling the API: the user behind the token when there is one, else the token itself. */
export function authorOf(principal: Principal | null): Author {
  if (!principal) return SYSTEM_AUTHOR;
  return principal.userId ? { actorType: 'user', actorId: principal.userId } : { actorType: 'token', actorId: principal.tokenId };
}

export interface ArticleRecord {
  id: string;
  slug: string;
  title: string;
  body: string;
  tags: string[];
  audience: Audience;
  status: ArticleStatus;
  version: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewArticle {
  title: string;
  body: string;
  tags?: string[];
  audience?: Audience;
  slug?: string;
  status?: ArticleStatus;
}

export type ArticleChanges = Partial<Pick<NewArticle, 'title' | 'body' | 'tags' | 'audience'>>;

export class ArticleNotFoundError extends Error {
  readonly statusCode = 404;
  constructor(what: string) {
    super(`No article ${what}`);
    this.name = 'NotFound';
  }
}

const ARTICLE_FIELDS = {
  id: true, slug: true, title: true, body: true, tags: true, audience: true, status: true,
  version: true, publishedAt: true, createdAt: true, updatedAt: true,
} as const;

function slugify(title: string): string {
  const slug = normalizeForSearch(title).split(' ').filter(Boolean).slice(0, 8).join('-');
  return slug === '' ? 'articulo' : slug;
}

async function freeSlug(tx: Prisma.TransactionClient, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

async function recordVersion(tx: Prisma.TransactionClient, article: ArticleRecord, author: Author): Promise<void> {
  await tx.articleVersion.create({
    data: {
      articleId: article.id,
      version: article.version,
      title: article.title,
      body: article.body,
      tags: article.tags,
      audience: article.audience,
      status: article.status,
      authorId: author.actorId,
    },
  });
}

export async function createArticle(prisma: PrismaClient, input: NewArticle, author: Author): Promise<ArticleRecord> {
  return prisma.$transaction(async (tx) => {
    const slug = await freeSlug(tx, input.slug ?? slugify(input.title));
    const status = input.status ?? 'draft';
    const article = await tx.article.create({
      data: {
        slug,
        title: input.title.trim(),
        body: input.body.trim(),
        tags: input.tags ?? [],
        audience: input.audience ?? 'customer',
        status,
        publishedAt: status === 'published' ? new Date() : null,
        createdById: author.actorId,
        updatedById: author.actorId,
      },
      select: ARTICLE_FIELDS,
    });
    await recordVersion(tx, article, author);
    await audit(tx, { ...author, action: 'knowledge.article.create', entity: 'Article', entityId: article.id, after: article });
    return article;
  });
}

async function changeArticle(
  prisma: PrismaClient,
  id: string,
  author: Author,
  action: string,
  data: (before: ArticleRecord) => Prisma.ArticleUpdateInput | undefined,
): Promise<ArticleRecord> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id }, select: ARTICLE_FIELDS });
    if (!before) throw new ArticleNotFoundError(id);
    const changes = data(before);
    if (!changes) return before;
    const after = await tx.article.update({
      where: { id },
      data: { ...changes, version: before.version + 1, updatedById: author.actorId },
      select: ARTICLE_FIELDS,
    });
    await recordVersion(tx, after, author);
    await audit(tx, { ...author, action, entity: 'Article', entityId: id, before, after });
    return after;
  });
}

/** A new version with the given changes; nothing happens (no version) when nothing changes. */
export function updateArticle(prisma: PrismaClient, id: string, changes: ArticleChanges, author: Author): Promise<ArticleRecord> {
  return changeArticle(prisma, id, author, 'knowledge.article.update', (before) => {
    const next = {
      title: changes.title?.trim() ?? before.title,
      body: changes.body?.trim() ?? before.body,
      tags: changes.tags ?? before.tags,
      audience: changes.audience ?? before.audience,
    };
    const same = next.title === before.title && next.body === before.body && next.audience === before.audience && next.tags.join('\n') === before.tags.join('\n');
    return same ? undefined : next;
  });
}

export function setArticleStatus(prisma: PrismaClient, id: string, status: ArticleStatus, author: Author): Promise<ArticleRecord> {
  const action = status === 'published' ? 'knowledge.article.publish' : 'knowledge.article.unpublish';
  return changeArticle(prisma, id, author, action, (before) =>
    before.status === status ? undefined : { status, publishedAt: status === 'published' ? new Date() : before.publishedAt },
  );
}

export async function getArticle(prisma: PrismaClient, idOrSlug: string): Promise<ArticleRecord> {
  const article = await prisma.article.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: ARTICLE_FIELDS });
  if (!article) throw new ArticleNotFoundError(idOrSlug);
  return article;
}

export interface ArticleFilter {
  audience?: Audience;
  status?: ArticleStatus;
  /** Words of the title, slug or tags (accents and case ignored). */
  q?: string;
}

export async function listArticles(prisma: PrismaClient, filter: ArticleFilter = {}): Promise<ArticleRecord[]> {
  const articles = await prisma.article.findMany({
    where: { audience: filter.audience, status: filter.status },
    orderBy: [{ updatedAt: 'desc' }],
    select: ARTICLE_FIELDS,
  });
  const words = normalizeForSearch(filter.q ?? '').split(' ').filter(Boolean);
  if (words.length === 0) return articles;
  return articles.filter((a) => {
    const haystack = normalizeForSearch(`${a.title} ${a.slug.replaceAll('-', ' ')} ${a.tags.join(' ')} ${a.body}`);
    return words.every((word) => haystack.includes(word));
  });
}

export interface ArticleVersionRecord {
  version: number;
  title: string;
  body: string;
  tags: string[];
  audience: Audience;
  status: ArticleStatus;
  authorId: string | null;
  createdAt: Date;
}

export async function listVersions(prisma: PrismaClient, articleId: string): Promise<ArticleVersionRecord[]> {
  await getArticle(prisma, articleId);
  return prisma.articleVersion.findMany({
    where: { articleId },
    orderBy: { version: 'desc' },
    select: { version: true, title: true, body: true, tags: true, audience: true, status: true, authorId: true, createdAt: true },
  });
}

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** The whole version as one text, so the diff also shows title, tag, audience and status changes. */
function versionDocument(v: ArticleVersionRecord): string {
  return [`# ${v.title}`, `tags: ${v.tags.join(', ')}`, `audience: ${v.audience}`, `status: ${v.status}`, '', v.body, ''].join('\n');
}

/** Line diff between two versions of one article (from → to). */
export async function diffVersions(prisma: PrismaClient, articleId: string, from: number, to: number): Promise<{ from: number; to: number; lines: DiffLine[] }> {
  const versions = await prisma.articleVersion.findMany({
    where: { articleId, version: { in: [from, to] } },
    select: { version: true, title: true, body: true, tags: true, audience: true, status: true, authorId: true, createdAt: true },
  });
  const older = versions.find((v) => v.version === from);
  const newer = versions.find((v) => v.version === to);
  if (!older || !newer) throw new ArticleNotFoundError(`${articleId} with versions ${from} and ${to}`);
  const lines: DiffLine[] = [];
  for (const change of diffLines(versionDocument(older), versionDocument(newer))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return { from, to, lines };
}
