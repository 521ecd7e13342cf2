import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshRepos, seedWorkplace } from '../../tests/helpers/render';
import { createAppStore, MEETING_IDLE_MS, SUPERVISOR_IDLE_MS } from './context';

describe('supervisor mode idle lock', () => {
  afterEach(() => vi.useRealTimers());

  async function unlockedStore() {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos, { pin: '2468' });
    const store = createRoot(() => createAppStore(repos, wp.id));
    expect(await store.unlock('2468')).toEqual({ ok: true });
    vi.useFakeTimers();
    store.holdUnlocked()(); // re-arm the idle timer under fake time
    return store;
  }

  it('locks after two minutes without a touch', async () => {
    const store = await unlockedStore();
    vi.advanceTimersByTime(SUPERVISOR_IDLE_MS + 10);
    expect(store.unlocked()).toBe(false);
  });

  it('stays unlocked through a long meeting, then locks again two minutes after it ends', async () => {
    const store = await unlockedStore();
    const release = store.holdUnlocked();
    vi.advanceTimersByTime(SUPERVISOR_IDLE_MS * 5);
    expect(store.unlocked()).toBe(true);
    release();
    vi.advanceTimersByTime(SUPERVISOR_IDLE_MS - 1000);
    expect(store.unlocked()).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(store.unlocked()).toBe(false);
  });

  it('even a meeting locks after its longer idle time', async () => {
    const store = await unlockedStore();
    store.holdUnlocked();
    vi.advanceTimersByTime(MEETING_IDLE_MS + 10);
    expect(store.unlocked()).toBe(false);
  });
});
