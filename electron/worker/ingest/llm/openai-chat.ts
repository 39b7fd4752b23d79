/**
 * Client for an OpenAI-compatible `/v1/chat/completions` endpoint, used only when the user
 * enabled an LLM (see config.ts). Besides plain completion it extracts a Cognee-style knowledge
 * graph, asking for JSON and validating the reply.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import { requireLlm, type LlmConfig } from './config';
import { GRAPH_EXTRACTION_PROMPT } from './graph-prompt';
import { parseKnowledgeGraph, type KnowledgeGraph } from './knowledge-graph';
import { hostLabel, postJson, type OpenAiEndpoint } from './openai-http';

export type ChatMessage = Readonly<{ role: 'system' | 'user' | 'assistant'; content: string }>;

export type CompleteOptions = Readonly<{
  signal?: AbortSignal | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /** Ask for a JSON object (`response_format: json_object`) where the server supports it. */
  json?: boolean | undefined;
}>;

export type ChatClientOptions = Readonly<{
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Per-request timeout (default 120 s: local models can be slow). */
  timeoutMs?: number | undefined;
}>;

const ReplySchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

type Completion = { content: string; finishReason: string | undefined };

/** OpenAI-compatible chat client. Construct through {@link createChatClient} so "off" is enforced. */
export class OpenAiChatClient {
  /** e.g. "openai:llama3.1@127.0.0.1:11434", recorded with what the LLM produced. */
  readonly id: string;
  private readonly endpoint: OpenAiEndpoint;
  private readonly model: string;
  /** Set after a server refused `response_format`; later requests then rely on the prompt alone. */
  private jsonModeUnsupported = false;

  constructor(options: ChatClientOptions) {
    this.model = options.model.trim();
    if (!this.model) throw new AppError('invalid_input', 'An LLM model name is required');
    this.endpoint = { baseUrl: options.baseUrl, apiKey: options.apiKey || undefined, timeoutMs: options.timeoutMs ?? 120_000, what: 'LLM' };
    this.id = `openai:${this.model}@${hostLabel(options.baseUrl)}`;
  }

  /** Sends `messages` and returns the assistant's text. */
  async complete(messages: readonly ChatMessage[], options: CompleteOptions = {}): Promise<string> {
    return (await this.request(messages, options)).content;
  }

  /**
   * Extracts entities and relationships from `text` as {nodes, edges} (Cognee's KnowledgeGraph).
   * A reply that is not such a graph — or was cut off — fails with AppError('provider_error').
   */
  async extractGraph(text: string, options: Readonly<{ signal?: AbortSignal | undefined }> = {}): Promise<KnowledgeGraph> {
    const { content, finishReason } = await this.request(
      [
        { role: 'system', content: GRAPH_EXTRACTION_PROMPT },
        { role: 'user', content: `Extract the knowledge graph from this text:\n\n${text}` },
      ],
      { signal: options.signal, temperature: 0, json: true },
    );
    try {
      return parseKnowledgeGraph(content);
    } catch (e) {
      if (finishReason === 'length' && e instanceof AppError) {
        throw new AppError(e.code, `${e.message} (the reply was cut off by the model's length limit; use smaller chunks)`, e.detail);
      }
      throw e;
    }
  }

  private async request(messages: readonly ChatMessage[], options: CompleteOptions): Promise<Completion> {
    const body: Record<string, unknown> = { model: this.model, messages, stream: false };
    if (options.temperature !== undefined) body.temperature = options.temperature;
    if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
    const wantJson = options.json === true && !this.jsonModeUnsupported;
    if (wantJson) body.response_format = { type: 'json_object' };

    let json: unknown;
    try {
      json = await postJson(this.endpoint, 'chat/completions', body, options.signal);
    } catch (e) {
      // Servers without JSON mode answer 400/422 naming the field: retry once without it.
      if (wantJson && e instanceof AppError && e.code === 'invalid_input' && /response_format|json_object/i.test(String(e.detail?.serverMessage ?? ''))) {
        this.jsonModeUnsupported = true;
        delete body.response_format;
        json = await postJson(this.endpoint, 'chat/completions', body, options.signal);
      } else {
        throw e;
      }
    }
    const parsed = ReplySchema.safeParse(json);
    const where = `LLM at ${hostLabel(this.endpoint.baseUrl)}`;
    if (!parsed.success) throw new AppError('provider_error', `${where} sent an unexpected reply: ${z.prettifyError(parsed.error).slice(0, 300)}`);
    const choice = parsed.data.choices[0]!;
    const content = choice.message.content;
    if (content == null) throw new AppError('provider_error', `${where} returned no text (finish_reason: ${choice.finish_reason ?? 'unknown'})`);
    return { content, finishReason: choice.finish_reason ?? undefined };
  }
}

/** The chat client for `config`; throws AppError('llm_not_configured') when the LLM is off or incomplete. */
export function createChatClient(config: LlmConfig | null | undefined): OpenAiChatClient {
  return new OpenAiChatClient(requireLlm(config));
}
