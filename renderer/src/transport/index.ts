import { createClient } from './client';
import { httpTransport } from './http';
import { findBridge, ipcTransport } from './ipc';
import type { Client } from './types';

export type { Client, CallOptions } from './types';

/** Picks the transport for where the bundle runs: the Electron preload bridge, else HTTP to the page's origin. */
export function connect(): Client {
  const bridge = findBridge();
  return createClient(bridge ? ipcTransport(bridge) : httpTransport(new URL(window.location.href)));
}
