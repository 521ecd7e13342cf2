import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEffect, createRoot } from 'solid-js';
import { createNoticeQueue, MAX_STACK, QUEUED_MS, SUCCESS_MS, UNDO_MS, type NoticeQueue } from './notices';

let q: NoticeQueue;
let dispose: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  createRoot((d) => {
    dispose = d;
    q = createNoticeQueue();
  });
});
afterEach(() => {
  q.dispose();
  dispose();
  vi.useRealTimers();
});

const messages = () => q.notices().map((n) => n.message);
const checkIn = (name: string) => q.notify({ kind: 'success', pictogram: 'present', message: 'attendance.checkedIn', params: { name }, undo: () => undefined });

describe('the notice queue', () => {
  it('a plain notice answers the last tap: a newer one replaces it and it closes by itself', () => {
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    q.notify({ kind: 'info', pictogram: 'undo', message: 'app.undone' });
    expect(messages()).toEqual(['app.undone']);
    expect(q.notice()?.message).toBe('app.undone');
    vi.advanceTimersByTime(SUCCESS_MS);
    expect(q.notices()).toEqual([]);
    expect(q.notice()).toBeNull();
  });

  it('two quick check-ins each keep their own undo, each with its own timer', () => {
    const first = checkIn('Ada');
    vi.advanceTimersByTime(4_000);
    const second = checkIn('Bo');
    expect(q.notices().map((n) => [n.id, n.params?.name])).toEqual([
      [first, 'Ada'],
      [second, 'Bo'],
    ]);
    expect(q.notices().every((n) => typeof n.undo === 'function')).toBe(true);
    // a plain answer joins them without taking an undo away
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    expect(q.notices()).toHaveLength(3);
    vi.advanceTimersByTime(UNDO_MS - 4_000);
    expect(q.notices().map((n) => n.params?.name ?? n.message)).toEqual(['Bo']);
    vi.advanceTimersByTime(4_000);
    expect(q.notices()).toEqual([]);
  });

  it('keeps at most MAX_STACK undo notices: the oldest drops off', () => {
    const names = ['A', 'B', 'C', 'D', 'E'];
    for (const n of names) checkIn(n);
    expect(q.notices().map((n) => n.params?.name)).toEqual(names.slice(-MAX_STACK));
  });

  it('closing one notice of the stack leaves the others', () => {
    const a = checkIn('Ada');
    checkIn('Bo');
    q.closeNotice(a);
    expect(q.notices().map((n) => n.params?.name)).toEqual(['Bo']);
    q.closeNotice();
    expect(q.notices()).toEqual([]);
  });

  it('a queued (low-priority) notice waits for the plain notice to close, then shows shortly', () => {
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    q.notify({ kind: 'info', pictogram: 'mute', message: 'speech.noVoice', queued: true });
    expect(messages()).toEqual(['app.saved']);
    expect(q.pending().map((n) => n.message)).toEqual(['speech.noVoice']);
    vi.advanceTimersByTime(SUCCESS_MS);
    expect(messages()).toEqual(['speech.noVoice']);
    vi.advanceTimersByTime(QUEUED_MS);
    expect(q.notices()).toEqual([]);
  });

  it('a queued notice shows at once beside the undo stack, and a new answer puts it back in the queue', () => {
    checkIn('Ada');
    q.notify({ kind: 'info', pictogram: 'mute', message: 'speech.noVoice', queued: true });
    expect(messages()).toEqual(['attendance.checkedIn', 'speech.noVoice']);
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    expect(messages()).toEqual(['attendance.checkedIn', 'app.saved']);
    vi.advanceTimersByTime(SUCCESS_MS);
    expect(messages()).toEqual(['attendance.checkedIn', 'speech.noVoice']);
  });

  it('an error is not wiped away by a success: the success waits its turn', () => {
    q.notify({ kind: 'error', pictogram: 'warning', message: 'error.generic' });
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    expect(messages()).toEqual(['error.generic']);
    q.closeNotice();
    expect(messages()).toEqual(['app.saved']);
  });

  it('run() turns a failing action into an error notice', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await q.run(() => Promise.reject(new Error('boom')))).toBeUndefined();
    expect(q.notice()).toMatchObject({ kind: 'error', message: 'error.generic' });
    spy.mockRestore();
  });
});

describe('notifying from an effect', () => {
  it('does not subscribe the effect to the band (a screen that notifies and navigates must not loop)', () => {
    const q = createNoticeQueue();
    let runs = 0;
    const dispose = createRoot((d) => {
      createEffect(() => {
        runs++;
        q.notify({ kind: 'error', pictogram: 'person', message: 'me.notFound' });
      });
      return d;
    });
    expect(runs).toBe(1);
    q.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
    q.closeNotice();
    expect(runs).toBe(1);
    dispose();
    q.dispose();
  });
});
