/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, LM Studio,
 * llama.cpp server, vLLM, LocalAI…). Opt-in: the default embedder is local.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import { hostLabel, postJson, type OpenAiEndpoint } from '../llm/openai-http';
import type { Embedder } from '../types';
import { isUsableVector, l2NormalizeInPlace } from './vector-math';

export type OpenAiEmbedderOptions = Readonly<{
  /** e.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434". */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Expected vector length; when omitted it is learned from the first reply (0 until then). */
  dimension?: number | undefined;
  /** Texts per request (default 64). */
  batchSize?: number | undefined;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number | undefined;
}>;

const ReplySchema = z.object({
  data: z.array(
    z.object({
      embedding: z.array(z.number()),
      // Some servers omit `index`; then the order of `data` is the order of the inputs.
      index: z.number().int().nonnegative().optional(),
    }),
  ),
});

/** OpenAI-compatible embeddings client. Vectors are L2-normalised like the local embedders'. */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private readonly endpoint: OpenAiEndpoint;
  private readonly model: string;
  private readonly batchSize: number;
  private knownDimension: number;

  constructor(options: OpenAiEmbedderOptions) {
    this.model = options.model.trim();
    if (!this.model) throw new AppError('invalid_input', 'An embedding model name is required');
    this.endpoint = { baseUrl: options.baseUrl, apiKey: options.apiKey || undefined, timeoutMs: options.timeoutMs ?? 60_000, what: 'Embedding server' };
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 64));
    this.knownDimension = options.dimension ?? 0;
    this.id = `openai:${this.model}@${hostLabel(options.baseUrl)}`;
  }

  /** The vector length: configured, or learned from the first reply; 0 while still unknown (see {@link probeDimension}). */
  get dimension(): number {
    return this.knownDimension;
  }

  /** Makes one tiny request if needed so that {@link dimension} is known (e.g. before creating a vector table). */
  async probeDimension(signal?: AbortSignal): Promise<number> {
    if (this.knownDimension === 0) await this.embed(['dimension probe'], { signal });
    return this.knownDimension;
  }

  async embed(texts: readonly string[], options: Readonly<{ signal?: AbortSignal | undefined }> = {}): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      out.push(...(await this.embedBatch(batch, options.signal)));
    }
    return out;
  }

  private async embedBatch(batch: readonly string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    // OpenAI rejects empty strings with a 400 that would fail the whole batch; a space embeds as "nothing".
    const input = batch.map((t) => (t.trim() === '' ? ' ' : t));
    const json = await postJson(this.endpoint, 'embeddings', { model: this.model, input, encoding_format: 'float' }, signal);
    const parsed = ReplySchema.safeParse(json);
    const where = `Embedding server at ${hostLabel(this.endpoint.baseUrl)}`;
    if (!parsed.success) throw new AppError('provider_error', `${where} sent an unexpected reply: ${z.prettifyError(parsed.error).slice(0, 300)}`);
    const { data } = parsed.data;
    if (data.length !== batch.length) throw new AppError('provider_error', `${where} returned ${data.length} vectors for ${batch.length} texts`);

    const result: Float32Array[] = new Array(batch.length);
    data.forEach((item, position) => {
      const i = item.index ?? position;
      if (i >= batch.length || result[i]) throw new AppError('provider_error', `${where} returned a duplicate or out-of-range index ${i}`);
      const n = item.embedding.length;
      if (this.knownDimension === 0) this.knownDimension = n;
      if (n !== this.knownDimension) {
        throw new AppError('invalid_input', `${where} returned ${n}-dimensional vectors for model "${this.model}", expected ${this.knownDimension}`, { expected: this.knownDimension, got: n });
      }
      if (!isUsableVector(item.embedding)) throw new AppError('provider_error', `${where} returned an all-zero vector`);
      result[i] = l2NormalizeInPlace(Float32Array.from(item.embedding));
    });
    return result;
  }
}
