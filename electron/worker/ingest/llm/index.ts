/** The optional LLM: configuration, the OpenAI-compatible chat client and graph extraction. */
export { DEFAULT_LLM_CONFIG, LlmConfigSchema, requireLlm, type EnabledLlmConfig, type LlmConfig } from './config';
export { OpenAiChatClient, createChatClient, type ChatClientOptions, type ChatMessage, type CompleteOptions } from './openai-chat';
export { parseKnowledgeGraph, toSnakeCase, type GraphEdge, type GraphNode, type KnowledgeGraph } from './knowledge-graph';
export { GRAPH_EXTRACTION_PROMPT } from './graph-prompt';
