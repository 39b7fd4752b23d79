/**
 * The worker's handler table. Test hooks are added only when the process was started with
 * TEST_HOOKS_ARG (only a test launcher passes it), so the product answers them as unknown kinds.
 */
import { TEST_HOOKS_ARG } from '../../../shared/worker-protocol';
import type { HandlerTable } from '../dispatcher';
import { appHandlers } from './app';
import { controlHandlers } from './control';
import { testHookHandlers } from './test-hooks';

export function handlerTable(o: Readonly<{ testHooks: boolean }>): HandlerTable {
  return o.testHooks ? { ...controlHandlers, ...appHandlers, ...testHookHandlers } : { ...controlHandlers, ...appHandlers };
}

/** Reads the test-hook flag from a worker's command line (exact match, nothing else counts). */
export function testHooksRequested(argv: readonly string[]): boolean {
  return argv.includes(TEST_HOOKS_ARG);
}
