/** Events pushed to clients (IPC `on`, host WebSocket). Each is delivered only to sessions allowed to see it. */
import { z } from 'zod';

import { ProgressSchema } from './procedures';
import { RunViewSchema } from './views';

export const events = {
  /** Per item and stage while cognify runs; only to sessions that may read the dataset. */
  'run.progress': ProgressSchema,
  /** A run ended (completed, errored, cancelled). */
  'run.finished': RunViewSchema,
  /** Something about datasets changed (create, delete, grant, revoke): re-list. Carries no content. */
  'datasets.changed': z.object({ reason: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/**
 * One pushed event on the wire, the same over IPC (`webContents.send`) and the host WebSocket
 * (JSON). The payload stays `unknown` here: the typed client narrows it by `event`.
 */
export type EventMessage = Readonly<{ event: EventName; payload: unknown }>;
