import { describe, expect, it } from 'vitest';

import { Dispatcher } from '../../../electron/worker/dispatcher';
import type { HandlerTable } from '../../../electron/worker/dispatcher';
import { HANDLERS_FOR_TEST } from './fixtures';
import type { ReplyEnvelope } from '../../../shared/worker-protocol';

function harness(table: HandlerTable) {
  const sent: ReplyEnvelope[] = [];
  const d = new Dispatcher(table, {} as never, (m) => sent.push(m));
  return { d, sent };
}

describe('Dispatcher', () => {
  it('sends progress tagged with the seq, then exactly one result', async () => {
    const { d, sent } = harness(HANDLERS_FOR_TEST);
    await d.dispatch({ seq: 7, body: { kind: 'graph.counts' } });
    expect(sent).toEqual([
      { seq: 7, body: { type: 'progress', event: { stage: 'counting', done: 1, total: 1 } } },
      { seq: 7, body: { type: 'result', ok: true, value: { Entity: 1 } } },
    ]);
  });

  it('cancels a running request through its signal and answers unknown kinds with invalid_input', async () => {
    const { d, sent } = harness(HANDLERS_FOR_TEST);
    const running = d.dispatch({ seq: 1, body: { kind: 'debug.hold', ms: 60_000, serial: true } });
    await d.dispatch({ seq: 2, body: { kind: 'cancel', targetSeq: 1 } });
    await running;
    await d.dispatch({ seq: 3, body: { kind: 'nope' } });
    await d.dispatch('garbage');
    const bySeq = Object.fromEntries(sent.map((m) => [m.seq, m.body]));
    expect(bySeq[2]).toEqual({ type: 'result', ok: true, value: { found: true } });
    expect(bySeq[1]).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(bySeq[3]).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sent).toHaveLength(3);
  });

  it('runs serial handlers one at a time in arrival order', async () => {
    const { d, sent } = harness(HANDLERS_FOR_TEST);
    await Promise.all([
      d.dispatch({ seq: 1, body: { kind: 'debug.hold', ms: 30, serial: true } }),
      d.dispatch({ seq: 2, body: { kind: 'graph.wipe' } }),
    ]);
    expect(sent.map((m) => m.seq)).toEqual([1, 2]);
  });
});
