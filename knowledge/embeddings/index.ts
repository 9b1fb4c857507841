export { EMBEDDING_DIMENSIONS, cosineSimilarity, type EmbeddingProvider } from './provider.ts';
export { LocalHashedEmbeddings, fitIdf, knowledgeCorpus, type IdfTable } from './local-hashed.ts';
export { OpenAIEmbeddings, type OpenAIEmbeddingsOptions } from './openai.ts';
