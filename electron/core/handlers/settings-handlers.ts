import { SettingsSchema } from '../../../shared/contract/settings';
import type { Handlers } from './types';
import { callerOf } from './types';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.set'>;

export const settingsHandlers: SettingsHandlers = {
  'settings.get': async (ctx) => {
    const stored = await ctx.services.store.settings.get(callerOf(ctx).userId);
    // Stored JSON is re-validated: an older or hand-edited document falls back to defaults.
    const parsed = SettingsSchema.safeParse(stored ?? {});
    return { settings: parsed.success ? parsed.data : SettingsSchema.parse({}), dataHome: ctx.services.home };
  },
  'settings.set': async (ctx, i) => {
    await ctx.services.store.settings.set(callerOf(ctx).userId, i.settings);
    return { ok: true };
  },
};
