import type { SwitchboardApp } from '../../src/server/app';

/** What the benches use of the server's in-memory behaviour state (src/server: BehaviourState). */
export interface BenchBehaviourState {
  /** Loads specs newly in use from the events table, then reads events past each spec's cursor. */
  sync(): Promise<unknown>;
  /** Counts of what the state holds (users, tallies...), printed beside the memory figures. */
  memoryStats(): Record<string, unknown>;
  /** Syncs every second, as the running server does; returns how to stop. */
  startTimer(): () => void;
}

/** The app's behaviour state, or null on a server without one. */
export function behaviourStateOf(app: SwitchboardApp): BenchBehaviourState | null {
  const state = (app.services as unknown as { behaviour?: { sync(): Promise<unknown>; memoryStats(): Record<string, unknown> } }).behaviour;
  if (!state) return null;
  return {
    sync: () => state.sync(),
    memoryStats: () => state.memoryStats(),
    startTimer() {
      // One sync at a time, a second apart (as src/server/node/start-server.ts runs it).
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        if (stopped) return;
        timer = setTimeout(() => {
          state.sync().catch((error: unknown) => console.error('behaviour sync failed', error)).finally(next);
        }, 1000);
      };
      next();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
