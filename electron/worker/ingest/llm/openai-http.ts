/**
 * The one HTTP call both OpenAI-compatible clients (embeddings, chat) make: POST JSON, with a
 * timeout, and every failure turned into an AppError a user can act on. Uses Node's global fetch.
 * Never puts the API key in a message.
 */
import { AppError } from '../../../../shared/domain/errors';

export type OpenAiEndpoint = Readonly<{
  /** e.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434" (then "/v1" is added). */
  baseUrl: string;
  apiKey?: string | undefined;
  /** Whole-request budget, headers and body. */
  timeoutMs: number;
  /** Who we are talking to, for messages: "Embedding server", "LLM". */
  what: string;
}>;

/** Longest piece of a server's reply quoted in an error. */
const SNIPPET = 300;

/**
 * `baseUrl` + `path`, following the OpenAI SDK convention that the base URL includes the API
 * version ("…/v1"); a bare origin ("http://localhost:11434") gets "/v1" so both spellings work.
 */
export function endpointUrl(baseUrl: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AppError('invalid_input', `"${baseUrl}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('invalid_input', `Base URL must use http or https, got ${url.protocol}`);
  const base = url.pathname.replace(/\/+$/, '') || '/v1';
  url.pathname = `${base}/${path.replace(/^\/+/, '')}`;
  url.search = '';
  url.hash = '';
  return url;
}

/** A host label for ids and messages ("127.0.0.1:8080"), never containing credentials. */
export function hostLabel(baseUrl: string): string {
  return endpointUrl(baseUrl, '').host;
}

/**
 * POSTs `body` as JSON and returns the parsed JSON reply.
 * Errors (all AppError): 'timeout' when `timeoutMs` passes, 'cancelled' when `signal` aborts,
 * 'invalid_input' for 400/401/403/404/413/422 (a config or input problem: key, model name, size),
 * 'provider_error' for unreachable servers, other statuses and replies that are not JSON.
 * `detail.status` and `detail.serverMessage` carry the HTTP status and the server's own words.
 */
export async function postJson(endpoint: OpenAiEndpoint, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const url = endpointUrl(endpoint.baseUrl, path);
  const where = `${endpoint.what} at ${url.host}`;
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  const redact = (s: string) => (endpoint.apiKey ? s.split(endpoint.apiKey).join('***') : s);

  // Header and body reads share one try: the timeout can fire during either.
  let status = 0;
  let statusText = '';
  let text: string;
  try {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: combined });
    status = res.status;
    statusText = res.statusText;
    text = await res.text();
  } catch (e) {
    if (signal?.aborted) throw new AppError('cancelled', `Request to ${where} was cancelled`);
    if (timeout.aborted) throw new AppError('timeout', `${where} did not answer within ${endpoint.timeoutMs} ms`, { timeoutMs: endpoint.timeoutMs });
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    throw new AppError('provider_error', `Could not reach ${where}: ${redact(String(why))}`);
  }

  if (status < 200 || status >= 300) {
    const serverMessage = redact(extractServerMessage(text)).slice(0, SNIPPET);
    const detail = { status, serverMessage };
    const said = serverMessage ? `: ${serverMessage}` : '';
    if (status === 401 || status === 403) throw new AppError('invalid_input', `${where} rejected the request (HTTP ${status}; check the API key)${said}`, detail);
    if (status === 408 || status === 504) throw new AppError('timeout', `${where} timed out (HTTP ${status})${said}`, detail);
    if ([400, 404, 413, 422].includes(status)) throw new AppError('invalid_input', `${where} refused the request (HTTP ${status}; check the model name and input size)${said}`, detail);
    throw new AppError('provider_error', `${where} failed with HTTP ${status}${statusText ? ` ${statusText}` : ''}${said}`, { ...detail, retryable: status === 429 || status >= 500 });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('provider_error', `${where} returned a reply that is not JSON: ${JSON.stringify(redact(text).slice(0, 80))}`);
  }
}

/** OpenAI-style `{"error":{"message":…}}`, else the raw text. */
function extractServerMessage(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown };
    const err = j.error;
    if (typeof err === 'string') return err;
    if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') return (err as { message: string }).message;
    if (typeof j.message === 'string') return j.message;
  } catch {
    // not JSON: quote it as is
  }
  return text.trim();
}
