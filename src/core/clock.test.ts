import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { boundariesBetween, createClock, type AppClock, type DayBoundary } from './clock';

// Local wall-clock instants in the workplace's zone: the DST cases need a zone that has DST.
// Set before any instant below is computed (it.each arguments are evaluated at load).
const savedTz = process.env.TZ;
process.env.TZ = 'Europe/Stockholm';
afterAll(() => {
  process.env.TZ = savedTz;
});

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  setVisible(v: boolean) {
    this.visibilityState = v ? 'visible' : 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function withClock(start: number, opening: string | null, run: (clock: AppClock, seen: DayBoundary[], doc: FakeDocument) => void) {
  vi.useFakeTimers({ now: start });
  const doc = new FakeDocument();
  createRoot((dispose) => {
    const clock = createClock({ doc, openingTime: opening });
    const seen: DayBoundary[] = [];
    clock.onDayBoundary((b) => seen.push(b));
    try {
      run(clock, seen, doc);
    } finally {
      clock.dispose();
      dispose();
    }
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the app clock', () => {
  it('gives now and today from the (fake) wall clock, not the machine date', () => {
    withClock(at(2026, 12, 7, 6, 50), '07:30', (clock) => {
      expect(clock.today()).toBe('2026-12-07');
      expect(clock.now()).toBe(at(2026, 12, 7, 6, 50));
    });
  });

  it('moves its minute signal once a minute, on the minute', () => {
    withClock(at(2026, 12, 7, 9, 0) + 30_000, null, (clock) => {
      const first = clock.minute();
      vi.advanceTimersByTime(29_000);
      expect(clock.minute()).toBe(first);
      vi.advanceTimersByTime(1_100);
      expect(clock.minute()).toBeGreaterThanOrEqual(at(2026, 12, 7, 9, 1));
      vi.advanceTimersByTime(60_000);
      expect(clock.minute()).toBeGreaterThanOrEqual(at(2026, 12, 7, 9, 2));
    });
  });

  it('turns the day over at midnight and fires the opening boundary at opening time', () => {
    withClock(at(2026, 12, 6, 23, 58), '07:30', (clock, seen) => {
      expect(clock.today()).toBe('2026-12-06');
      vi.advanceTimersByTime(3 * 60_000);
      expect(clock.today()).toBe('2026-12-07');
      expect(seen.map((b) => [b.kind, b.today])).toEqual([['midnight', '2026-12-07']]);
      vi.advanceTimersByTime(7.5 * 60 * 60_000);
      expect(seen.map((b) => [b.kind, b.today])).toEqual([
        ['midnight', '2026-12-07'],
        ['opening', '2026-12-07'],
      ]);
    });
  });

  it.each([
    ['spring forward (29 March 2026, a 23-hour day)', at(2026, 3, 28, 23, 59), '2026-03-29', '2026-03-30'],
    ['fall back (25 October 2026, a 25-hour day)', at(2026, 10, 24, 23, 59), '2026-10-25', '2026-10-26'],
    ['new year (31 December → 1 January)', at(2026, 12, 31, 23, 59), '2027-01-01', '2027-01-02'],
  ])('rolls over across %s, once per day', (_name, start, first, second) => {
    withClock(start, null, (clock, seen) => {
      vi.advanceTimersByTime(2 * 60_000);
      expect(clock.today()).toBe(first);
      vi.advanceTimersByTime(26 * 60 * 60_000);
      expect(clock.today()).toBe(second);
      expect(seen.map((b) => b.today)).toEqual([first, second]);
    });
  });

  it('is quiet while the page is hidden and catches up when it is shown again', () => {
    withClock(at(2026, 12, 4, 16, 0), '07:30', (clock, seen, doc) => {
      let seconds = 0;
      clock.every(1000, () => seconds++);
      doc.setVisible(false);
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(3 * 24 * 60 * 60_000); // the weekend with the screen off
      expect(seconds).toBe(0);
      expect(seen).toEqual([]);
      doc.setVisible(true);
      expect(clock.today()).toBe('2026-12-07');
      expect(seen.map((b) => b.kind)).toEqual(['midnight', 'opening']);
      expect(seconds).toBe(1);
      vi.advanceTimersByTime(2000);
      expect(seconds).toBe(3);
    });
  });

  it('stops a ticker when asked and leaves no timer behind on dispose', () => {
    withClock(at(2026, 12, 7, 9, 0), null, (clock) => {
      let ticks = 0;
      const stop = clock.every(1000, () => ticks++);
      vi.advanceTimersByTime(3000);
      stop();
      vi.advanceTimersByTime(3000);
      expect(ticks).toBe(3);
      clock.dispose();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});

describe('boundariesBetween', () => {
  it('finds no boundary inside one day before opening', () => {
    expect(boundariesBetween(at(2026, 12, 7, 6, 0), at(2026, 12, 7, 7, 0), '07:30')).toEqual([]);
  });
  it('fires opening only once it has passed', () => {
    expect(boundariesBetween(at(2026, 12, 7, 7, 29), at(2026, 12, 7, 7, 30), '07:30').map((b) => b.kind)).toEqual(['opening']);
  });
  it('fires midnight but not opening across a night', () => {
    expect(boundariesBetween(at(2026, 12, 7, 23, 59), at(2026, 12, 8, 0, 1), '07:30').map((b) => b.kind)).toEqual(['midnight']);
  });
  it('never fires going backwards (a corrected clock)', () => {
    expect(boundariesBetween(at(2026, 12, 8, 0, 1), at(2026, 12, 7, 23, 0), '07:30')).toEqual([]);
  });
});
