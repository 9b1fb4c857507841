// Answering a customer's question (the faq intent) from the knowledge base.
// Offline default: the best passage, trimmed to a WhatsApp-sized message, with
// its article as source. With an LLM: a LangChain chain phrases the answer
// from the top passages only, citing them. Either way, when retrieval is not
// relevant enough Ana says she does not know (the caller offers an advisor)
// and the question is recorded for curators.
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { Logger } from 'pino';
import type { AppConfig } from '../services/config/env.ts';
import type { Audience } from './chunking.ts';
import { hybridSearch, type SearchDependencies, type SearchHit } from './search.ts';
import { recordUnanswered } from './unanswered.ts';

export interface AnswerSource {
  articleId: string;
  title: string;
  slug: string;
}

export type Answer = { kind: 'answer'; text: string; sources: AnswerSource[] } | { kind: 'unknown' };

export interface AnswerRequest {
  question: string;
  audience: Audience;
  conversationId?: string;
  /** false for staff trying a question: nothing is recorded. Default true. */
  record?: boolean;
  /** Staff previewing drafts. */
  includeDrafts?: boolean;
}

export interface AnswerDependencies extends SearchDependencies {
  logger?: Logger;
  /** A chat model phrases the answer when present (OPENAI_API_KEY). */
  chat?: BaseChatModel;
}

export const MAX_ANSWER_CHARS = 600;

/**
 * How relevant the best passage must be, per embedding model: cosine
 * similarity plus a bonus for the share of question words the passage
 * contains. Calibrated on our own in/out-of-domain questions (scripted in
 * test/integration/knowledge/answer.test.ts), never on the evaluation set.
 * The OpenAI figure is a conservative starting point until measured there.
 */
const RELEVANCE_THRESHOLDS: Record<string, number> = {
  'local-hashed-ngrams-v1': 0.425,
  'text-embedding-3-small': 0.45,
};
const COVERAGE_WEIGHT = 0.3;

/**
 * Ranks passages by what they themselves say; `withTags` also counts the
 * article's tags, which decides whether the question is answerable at all
 * ("¿qué papeles necesito?": "papeles" is only a tag of the documents article).
 */
export function relevance(hit: SearchHit, withTags = false): number {
  return hit.similarity + COVERAGE_WEIGHT * (withTags ? hit.coverageWithTags : hit.coverage);
}

export function relevanceThreshold(model: string): number {
  return RELEVANCE_THRESHOLDS[model] ?? 0.4;
}

export function createChatModel(config: Pick<AppConfig, 'openaiApiKey' | 'openaiBaseUrl'>): BaseChatModel | undefined {
  if (!config.openaiApiKey) return undefined;
  return new ChatOpenAI({
    model: 'gpt-4o-mini',
    temperature: 0,
    apiKey: config.openaiApiKey,
    maxRetries: 1,
    timeout: 20_000,
    configuration: config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : {},
  });
}

export async function answerQuestion(deps: AnswerDependencies, request: AnswerRequest): Promise<Answer> {
  const question = request.question.trim();
  if (question === '') return { kind: 'unknown' };
  const hits = await hybridSearch(deps, question, { audience: request.audience, includeDrafts: request.includeDrafts, limit: 4 });
  const best = [...hits].sort((a, b) => relevance(b) - relevance(a))[0];
  const record = request.record ?? true;
  if (!best || relevance(best, true) < relevanceThreshold(deps.embeddings.model)) {
    if (record) await recordUnanswered(deps, { question, audience: request.audience });
    deps.logger?.info({ conversationId: request.conversationId, relevance: best ? relevance(best) : 0 }, 'knowledge: no relevant passage');
    return { kind: 'unknown' };
  }
  if (deps.chat) {
    const chat = deps.chat;
    const phrased = await phraseWithModel({ ...deps, chat }, question, hits.filter((hit) => relevance(hit) >= relevanceThreshold(deps.embeddings.model) * 0.75));
    if (phrased === 'unknown') {
      if (record) await recordUnanswered(deps, { question, audience: request.audience });
      return { kind: 'unknown' };
    }
    if (phrased) return phrased;
    // The model failed (network, quota): the offline answer is still a good answer.
  }
  return offlineAnswer(answeringPassage(hits, best));
}

/**
 * Fusion ranks by agreement of the two legs; the answer is the passage that
 * best covers what was asked among the top ones. Articles lead with their main
 * answer, so when an earlier section of the same article covers the question
 * as well, that section is the answer ("¿qué requisitos piden?" gets the list
 * of requirements, not the later "what we do not ask for").
 */
export function answeringPassage(hits: readonly SearchHit[], best: SearchHit): SearchHit {
  const lead = hits
    .filter((hit) => hit.articleId === best.articleId && hit.coverage >= best.coverage)
    .sort((a, b) => a.passageIndex - b.passageIndex)[0];
  return lead ?? best;
}

function sourceOf(hit: SearchHit): AnswerSource {
  return { articleId: hit.articleId, title: hit.title, slug: hit.slug };
}

/** The passage as plain WhatsApp text: no Markdown emphasis or headings, lists as "• ". */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*]\s+/gm, '• ')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `limit` characters, cut after the last whole sentence (or list item) that fits. */
export function trimToSentences(text: string, limit = MAX_ANSWER_CHARS): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const boundaries = [...head.matchAll(/[.!?…](?=\s|$)|\n/g)].map((m) => (m.index ?? 0) + (m[0] === '\n' ? 0 : 1));
  const cut = boundaries.filter((at) => at >= limit * 0.4).pop();
  if (cut !== undefined) return head.slice(0, cut).trim();
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : limit).trim()}…`;
}

export function offlineAnswer(hit: SearchHit): Answer {
  const source = `Fuente: ${hit.title}`;
  const body = trimToSentences(plainText(hit.text), MAX_ANSWER_CHARS - source.length - 2);
  return { kind: 'answer', text: `${body}\n\n${source}`, sources: [sourceOf(hit)] };
}

const NO_ANSWER = 'NO_ESTA_EN_LOS_PASAJES';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'Eres Ana, la asistente de Club Cash In (créditos con garantía de tu auto e inversiones). ' +
      'Responde en español de México, de tú, cálida y breve (máximo 500 caracteres, estilo WhatsApp). ' +
      'Usa SOLO la información de los pasajes numerados; no inventes cifras ni políticas. ' +
      'Cita los pasajes que usaste con su número entre corchetes, por ejemplo [1]. ' +
      `Si los pasajes no contienen la respuesta, responde exactamente ${NO_ANSWER}.`,
  ],
  ['human', 'Pasajes:\n{passages}\n\nPregunta del cliente: {question}'],
]);

/** The chain's answer; 'unknown' when the passages do not contain it; undefined when the model failed. */
async function phraseWithModel(deps: AnswerDependencies & { chat: BaseChatModel }, question: string, hits: SearchHit[]): Promise<Answer | 'unknown' | undefined> {
  const passages = hits.map((hit, i) => `[${i + 1}] ${hit.title}${hit.heading ? ` — ${hit.heading}` : ''}\n${hit.text}`).join('\n\n');
  let text: string;
  try {
    text = (await prompt.pipe(deps.chat).pipe(new StringOutputParser()).invoke({ passages, question })).trim();
  } catch (error) {
    deps.logger?.warn({ err: error }, 'knowledge: the chat model failed, answering offline');
    return undefined;
  }
  if (text === '' || text.includes(NO_ANSWER)) return 'unknown';
  const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1))].filter((i) => hits[i]);
  const used = (cited.length > 0 ? cited.map((i) => hits[i]!) : hits.slice(0, 1));
  const sources = [...new Map(used.map((hit) => [hit.articleId, sourceOf(hit)])).values()];
  const clean = text.replace(/\s*\[\d+\]/g, '').trim();
  return { kind: 'answer', text: `${trimToSentences(clean, MAX_ANSWER_CHARS)}\n\nFuente: ${sources.map((s) => s.title).join('; ')}`, sources };
}
