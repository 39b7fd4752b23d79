import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore();
});
afterAll(async () => {
  await t.close();
});

describe('settings.set', () => {
  it('refuses a language model turned on without a model name, naming the field, and keeps the saved settings', async () => {
    const u = await t.user('settings@example.com');
    const before = await t.call(u.token, 'settings.get', {});
    const err = await t
      .call(u.token, 'settings.set', { settings: { llm: { enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', model: '  ' } } })
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_input');
    expect((err as AppError).message).toMatch(/Name the language model/);
    expect(await t.call(u.token, 'settings.get', {})).toEqual(before);
    // Off, an empty name is fine; on, with a name, it saves.
    await t.call(u.token, 'settings.set', { settings: { llm: { enabled: false, baseUrl: 'http://127.0.0.1:11434/v1', model: '' } } });
    await t.call(u.token, 'settings.set', { settings: { llm: { enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' } } });
    expect((await t.call(u.token, 'settings.get', {})).settings.llm.model).toBe('llama3.1');
  });
});
