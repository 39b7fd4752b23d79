import { CSRF_HEADER, EVENTS_PATH, RPC_PREFIX } from '../../../shared/http-protocol';
import type { EventMessage } from '../../../shared/contract/events';
import type { ProcedureName } from '../../../shared/contract/procedures';
import type { Reply } from '../../../shared/domain/errors';
import type { CallOptions, Transport } from './types';

type AddInput = Readonly<{
  datasetId?: string;
  datasetName?: string;
  files?: readonly { name: string; bytes: Uint8Array }[];
  texts?: readonly string[];
}>;

/**
 * Transport for a browser talking to the host: JSON POSTs to /rpc/<name>, multipart for
 * data.add, and a WebSocket for events that reconnects after drops and after profile changes.
 */
export function httpTransport(base: URL): Transport {
  const listeners = new Set<(msg: EventMessage) => void>();
  const events = eventSocket(base, (msg) => {
    for (const l of listeners) l(msg);
  });
  return {
    kind: 'http',
    call: (name, input, opts) => callRpc(base, name, input, opts),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sessionChanged: (now) => events.sessionChanged(now),
  };
}

async function callRpc(base: URL, name: ProcedureName, input: unknown, opts?: CallOptions): Promise<Reply<unknown>> {
  const url = new URL(RPC_PREFIX + name, base);
  if (name === 'data.add') return postMultipart(url, toForm(input as AddInput), opts);
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify(input ?? {}),
  });
  return readReply(res.status, await res.text());
}

/** The events WebSocket: open only while signed in, reopened after drops. */
function eventSocket(base: URL, deliver: (msg: EventMessage) => void): Pick<Transport, 'sessionChanged'> {
  let socket: WebSocket | null = null;
  let retry = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // The socket needs a signed-in session (the host answers 401 otherwise), so it opens only then.
  let signedIn = false;

  const open = (): void => {
    clearTimeout(retryTimer);
    const url = new URL(EVENTS_PATH, base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retry = 0;
    };
    ws.onmessage = (e) => {
      const msg = parseEvent(e.data);
      if (msg !== undefined) deliver(msg);
    };
    ws.onclose = () => {
      if (socket !== ws) return; // replaced on purpose
      socket = null;
      if (!signedIn) return;
      // Back off up to 10 s: the host may be restarting.
      retryTimer = setTimeout(open, Math.min(10_000, 250 * 2 ** retry++));
    };
  };

  return {
    sessionChanged(now) {
      // The socket authenticated with the old cookie: replace it.
      signedIn = now;
      clearTimeout(retryTimer);
      const old = socket;
      socket = null;
      old?.close();
      if (signedIn) open();
    },
  };
}

/** undefined, not null: JSON.parse never yields undefined, so it cannot be mistaken for a message. */
function parseEvent(data: unknown): EventMessage | undefined {
  try {
    return JSON.parse(String(data)) as EventMessage;
  } catch {
    return undefined; // not ours
  }
}

function toForm(input: AddInput): FormData {
  const form = new FormData();
  if (input.datasetId) form.append('datasetId', input.datasetId);
  if (input.datasetName) form.append('datasetName', input.datasetName);
  for (const f of input.files ?? []) form.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  for (const t of input.texts ?? []) form.append('texts', t);
  return form;
}

/** XHR rather than fetch because only XHR reports upload progress. */
function postMultipart(url: URL, form: FormData, opts?: CallOptions): Promise<Reply<unknown>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.upload.onprogress = (e) => opts?.onUploadProgress?.(e.loaded, e.total);
    xhr.onload = () => {
      try {
        resolve(readReply(xhr.status, xhr.responseText));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(form);
  });
}

function readReply(status: number, body: string): Reply<unknown> {
  try {
    const parsed = JSON.parse(body) as Reply<unknown>;
    if (parsed && typeof parsed === 'object' && 'ok' in parsed) return parsed;
  } catch {
    // fall through: a proxy or crash page, not a Reply
  }
  return { ok: false, error: { code: 'internal', message: `The app answered HTTP ${status} without a reply` } };
}
