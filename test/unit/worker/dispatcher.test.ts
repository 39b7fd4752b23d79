import { describe, expect, it } from 'vitest';

import { Dispatcher } from '../../../electron/worker/dispatcher';
import type { HandlerTable } from '../../../electron/worker/dispatcher';
import { handlerTable, testHooksRequested } from '../../../electron/worker/handlers/table';
import { HANDLERS_FOR_TEST } from './fixtures';
import { TEST_HOOKS_ARG } from '../../../shared/worker-protocol';
import type { ReplyEnvelope } from '../../../shared/worker-protocol';

function harness(table: HandlerTable) {
  const sent: ReplyEnvelope[] = [];
  const d = new Dispatcher(table, {} as never, (m) => sent.push(m));
  return { d, sent };
}

/** The one reply a dispatcher sent for `kind` (sent as seq 1). */
async function answer(table: HandlerTable, body: unknown): Promise<ReplyEnvelope['body']> {
  const { d, sent } = harness(table);
  await d.dispatch({ seq: 1, body });
  expect(sent).toHaveLength(1);
  return sent[0]!.body;
}

describe('Dispatcher', () => {
  it('sends progress tagged with the seq, then exactly one result', async () => {
    const { d, sent } = harness(HANDLERS_FOR_TEST);
    await d.dispatch({ seq: 7, body: { kind: 'graph.counts' } });
    expect(sent).toEqual([
      { seq: 7, body: { type: 'progress', event: { stage: 'counting', done: 1, total: 1 } } },
      { seq: 7, body: { type: 'result', ok: true, value: { echo: 'graph.counts' } } },
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
      d.dispatch({ seq: 2, body: { kind: 'graph.counts' } }),
    ]);
    expect(sent.filter((m) => m.body.type === 'result').map((m) => m.seq)).toEqual([1, 2]);
  });

  // Names of Object.prototype members used to reach inherited functions and fail as `internal`.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('answers the inherited name %s as an unknown kind', async (kind) => {
    expect(await answer(HANDLERS_FOR_TEST, { kind })).toEqual({
      type: 'result',
      ok: false,
      error: { code: 'invalid_input', message: `Unknown request kind "${kind}"` },
    });
  });
});

describe('the product handler table', () => {
  const product = handlerTable({ testHooks: false });

  it('refuses debug.hold as an unknown kind; a test table answers it', async () => {
    expect(await answer(product, { kind: 'debug.hold', ms: 0, serial: false })).toEqual({
      type: 'result',
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown request kind "debug.hold"' },
    });
    expect(await answer(handlerTable({ testHooks: true }), { kind: 'debug.hold', ms: 0, serial: false })).toEqual({ type: 'result', ok: true, value: null });
  });

  it('has no store-level kinds: main reaches the stores only through whole-item and view kinds', async () => {
    expect(Object.keys(product).sort()).toEqual([
      'cancel', 'close', 'cognify.batch', 'data.forget', 'data.text', 'dataset.stats', 'dataset.wipe',
      'graph.counts', 'graph.find', 'graph.neighbourhood', 'graph.node', 'graph.overview', 'graph.read', 'open', 'ping', 'search.run',
    ]);
    for (const kind of ['graph.writeItem', 'graph.wipe', 'graph.cypherRead', 'vectors.writeItem', 'vectors.searchHybrid', 'vectors.wipe'])
      expect(await answer(product, { kind })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `Unknown request kind "${kind}"` } });
  });

  it('turns test hooks on only for the exact command-line flag', () => {
    const base = ['/usr/bin/node', '/app/worker.cjs', '--kenning-dataset-worker', 'owner/dataset'];
    expect(testHooksRequested(base)).toBe(false);
    expect(testHooksRequested([...base, TEST_HOOKS_ARG])).toBe(true);
    expect(testHooksRequested([...base, `${TEST_HOOKS_ARG}=0`, '--kenning-test-hook'])).toBe(false);
  });
});
