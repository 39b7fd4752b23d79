import { errorText } from '../../store/errors';
import { profileInitialState } from '../../store/reset';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { AuthStatus, User } from '../../store/views';

/** booting: asking the app who is signed in; picker: choose a profile; ready: signed in. */
export type SessionPhase = 'booting' | 'picker' | 'ready';

export interface SessionSlice {
  phase: SessionPhase;
  authStatus: AuthStatus | null;
  /** The signed-in profile; null outside the `ready` phase. */
  user: User | null;
  sessionBusy: boolean;
  sessionError: string | null;
  /** Start-up: resume a session, auto-sign-in a single default profile, or show the picker. */
  boot(): Promise<void>;
  signIn(email: string, password: string): Promise<boolean>;
  /** Creates a profile and signs into it. */
  register(email: string, password: string): Promise<boolean>;
  /** Ends the session and shows the picker (never auto-signs-in again until restart). */
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<boolean>;
  clearSessionError(): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (client) => (set, get) => {
  const steps = sessionSteps({ client, set, get });
  return {
    phase: 'booting',
    authStatus: null,
    user: null,
    sessionBusy: false,
    sessionError: null,
    boot: () => boot(steps),
    ...signInActions(steps),
    clearSessionError: () => set({ sessionError: null }),
  };
};

type SessionSteps = SliceContext &
  Readonly<{
    enter(user: User): Promise<void>;
    toPicker(): Promise<void>;
    /** Runs fn with the busy flag up; a failure lands in sessionError instead of throwing. */
    guarded(fn: () => Promise<void>): Promise<boolean>;
  }>;

function sessionSteps(ctx: SliceContext): SessionSteps {
  const { client, set, get } = ctx;
  /** Everything per-profile is dropped before the next profile's data arrives. */
  const enter = async (user: User): Promise<void> => {
    client.sessionChanged(true);
    set({ ...profileInitialState(), user, phase: 'ready', sessionBusy: false, sessionError: null });
    // auth.status again: the profile list (offered when sharing) may have grown since boot.
    const status = client.call('auth.status', {}).then((authStatus) => set({ authStatus }));
    await Promise.all([get().refreshDatasets(), get().loadTenant(), status]);
  };
  const toPicker = async (): Promise<void> => {
    const authStatus = await client.call('auth.status', {});
    set({ ...profileInitialState(), authStatus, user: null, phase: 'picker', sessionBusy: false });
  };
  const guarded = async (fn: () => Promise<void>): Promise<boolean> => {
    set({ sessionBusy: true, sessionError: null });
    try {
      await fn();
      return true;
    } catch (e) {
      set({ sessionBusy: false, sessionError: errorText(e) });
      return false;
    }
  };
  return { ...ctx, enter, toPicker, guarded };
}

async function boot({ client, set, get, enter, guarded }: SessionSteps): Promise<void> {
  await guarded(async () => {
    const authStatus = await client.call('auth.status', {});
    set({ authStatus });
    if (authStatus.user) return enter(authStatus.user);
    if (authStatus.autoSignIn) {
      const s = await client.call('auth.autoSignIn', {});
      return enter(s.user);
    }
    set({ phase: 'picker', sessionBusy: false });
  });
  // A failed boot still has to show something: the picker carries the error.
  if (get().phase === 'booting') set({ phase: 'picker' });
}

function signInActions({ client, set, enter, toPicker, guarded }: SessionSteps): Pick<SessionSlice, 'signIn' | 'register' | 'signOut' | 'changePassword'> {
  return {
    signIn: (email, password) =>
      guarded(async () => {
        const s = await client.call('auth.signIn', { email, password });
        await enter(s.user);
      }),
    register: (email, password) =>
      guarded(async () => {
        await client.call('auth.register', { email, password });
        const s = await client.call('auth.signIn', { email, password });
        await enter(s.user);
      }),
    signOut: async () => {
      await guarded(async () => {
        // An already-ended session is fine: the goal is to be signed out.
        await client.call('auth.signOut', {}).catch(() => undefined);
        client.sessionChanged(false);
        await toPicker();
      });
    },
    changePassword: (currentPassword, newPassword) =>
      guarded(async () => {
        await client.call('auth.changePassword', { currentPassword, newPassword });
        const user = await client.call('auth.me', {});
        set({ user, sessionBusy: false });
      }),
  };
}
