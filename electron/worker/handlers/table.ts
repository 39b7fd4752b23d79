/**
 * The worker's handler table: one entry per kind (HandlerTable's type makes a missing one a
 * compile error). Test hooks are added only when the process was started with TEST_HOOKS_ARG
 * (only a test launcher passes it), so the product answers them as unknown kinds.
 */
import { TEST_HOOKS_ARG } from '../../../shared/worker-protocol';
import type { HandlerTable } from '../dispatcher';
import { controlHandlers } from './control';
import { datasetHandlers } from './dataset';
import { graphHandlers } from './graph';
import { itemHandlers } from './items';
import { searchHandlers } from './search';
import { testHookHandlers } from './test-hooks';

const productHandlers: HandlerTable = { ...controlHandlers, ...itemHandlers, ...datasetHandlers, ...searchHandlers, ...graphHandlers };

export function handlerTable(o: Readonly<{ testHooks: boolean }>): HandlerTable {
  return o.testHooks ? { ...productHandlers, ...testHookHandlers } : { ...productHandlers };
}

/** Reads the test-hook flag from a worker's command line (exact match, nothing else counts). */
export function testHooksRequested(argv: readonly string[]): boolean {
  return argv.includes(TEST_HOOKS_ARG);
}
