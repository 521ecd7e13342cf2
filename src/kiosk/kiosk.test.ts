import { describe, expect, it } from 'vitest';
import {
  crashRecovery,
  hasPendingWork,
  idleMs,
  isOutsideHours,
  isParticipantPath,
  lastQuietSlot,
  QUIET_MIN_IDLE_MS,
  shouldDim,
  shouldQuietReload,
  shouldReturnHome,
  type PendingWork,
} from './kiosk';

/** A local wall-clock instant: 2025-03-10 is a Monday. */
const at = (day: number, hh: number, mm = 0) => new Date(2025, 2, day, hh, mm, 0, 0);
const MON = 10;
const weekdays = { openingTime: '08:00', closingTime: '15:00', openDays: [1, 2, 3, 4, 5] };

describe('participant screens', () => {
  it('counts the board, its sections, the entry flows and the own page as participant screens', () => {
    for (const p of ['/', '/attendance', '/goals', '/work', '/deviations', '/deviations/new', '/improvements/new', '/me', '/me/abc', '/goals/']) {
      expect(isParticipantPath(p), p).toBe(true);
    }
  });

  it('leaves supervisor, setup, sync and about screens alone', () => {
    for (const p of ['/supervisor', '/supervisor/device', '/setup', '/sync', '/pair', '/about', '/meetings', '/mex', '/goalsx']) {
      expect(isParticipantPath(p), p).toBe(false);
    }
  });
});

describe('returning to the board when idle', () => {
  it('goes home after the idle time on a section screen', () => {
    expect(shouldReturnHome('/deviations/new', 130_000, 0, 120, false)).toBe(true);
    expect(shouldReturnHome('/deviations/new', 119_000, 0, 120, false)).toBe(false);
  });

  it('never leaves the board itself, a supervisor screen or an unlocked supervisor', () => {
    expect(shouldReturnHome('/', 10_000_000, 0, 10, false)).toBe(false);
    expect(shouldReturnHome('/supervisor/people', 10_000_000, 0, 10, false)).toBe(false);
    expect(shouldReturnHome('/goals', 10_000_000, 0, 10, true)).toBe(false);
  });

  it('does not let a broken setting make the idle time zero', () => {
    expect(idleMs(0)).toBe(10_000);
    expect(idleMs(Number.NaN)).toBe(120_000);
    expect(idleMs(99_999)).toBe(3_600_000);
    expect(shouldReturnHome('/goals', 5_000, 0, 0, false)).toBe(false);
  });
});

describe('outside opening hours', () => {
  it('is bright during the day and an hour before opening, dark at night', () => {
    expect(isOutsideHours(at(MON, 10), weekdays)).toBe(false);
    expect(isOutsideHours(at(MON, 7, 5), weekdays)).toBe(false); // arriving early to check in
    expect(isOutsideHours(at(MON, 6, 59), weekdays)).toBe(true);
    expect(isOutsideHours(at(MON, 15, 29), weekdays)).toBe(false);
    expect(isOutsideHours(at(MON, 15, 30), weekdays)).toBe(true);
    expect(isOutsideHours(at(MON, 23), weekdays)).toBe(true);
  });

  it('is dark all day on a closed day', () => {
    expect(isOutsideHours(at(MON + 5, 10), weekdays)).toBe(true); // Saturday
    expect(isOutsideHours(at(MON + 6, 10), weekdays)).toBe(true); // Sunday
  });

  it('handles a shift that runs past midnight as part of the day it started', () => {
    const night = { openingTime: '22:00', closingTime: '06:00', openDays: [1] };
    expect(isOutsideHours(at(MON, 21, 30), night)).toBe(false);
    expect(isOutsideHours(at(MON + 1, 3), night)).toBe(false); // Tuesday 03:00 belongs to Monday's shift
    expect(isOutsideHours(at(MON + 1, 6, 20), night)).toBe(false);
    expect(isOutsideHours(at(MON + 1, 7), night)).toBe(true);
    expect(isOutsideHours(at(MON + 1, 23), night)).toBe(true); // Tuesday is not an open day
  });

  it('wakes before an opening just after midnight and stays bright after a late closing', () => {
    const early = { openingTime: '00:30', closingTime: '08:00', openDays: [2] };
    expect(isOutsideHours(at(MON, 23, 45), early)).toBe(false); // Monday night, Tuesday opens 00:30
    const late = { openingTime: '16:00', closingTime: '23:50', openDays: [1] };
    expect(isOutsideHours(at(MON + 1, 0, 10), late)).toBe(false);
    expect(isOutsideHours(at(MON + 1, 0, 30), late)).toBe(true);
  });

  it('never darkens the board for hours it cannot read', () => {
    expect(isOutsideHours(at(MON, 3), { openingTime: 'soon', closingTime: '15:00', openDays: [1] })).toBe(false);
  });

  it('dims only when enabled, outside hours and after the idle time', () => {
    const night = at(MON, 22);
    const long = night.getTime() - 200_000;
    expect(shouldDim(true, night, weekdays, long, 120)).toBe(true);
    expect(shouldDim(false, night, weekdays, long, 120)).toBe(false);
    expect(shouldDim(true, night, weekdays, night.getTime() - 5_000, 120)).toBe(false); // a tap lifted it
    expect(shouldDim(true, at(MON, 10), weekdays, 0, 120)).toBe(false);
    expect(shouldDim(true, night, undefined, long, 120)).toBe(false);
  });
});

describe('the nightly quiet reload', () => {
  it('finds the last slot at the chosen hour', () => {
    expect(lastQuietSlot(at(MON, 3, 30), 3)).toEqual(at(MON, 3));
    expect(lastQuietSlot(at(MON, 2, 59), 3)).toEqual(at(MON - 1, 3));
  });

  it('reloads once after the hour when the page is older than the slot and nothing is pending', () => {
    const loaded = at(MON - 1, 8).getTime();
    expect(shouldQuietReload(at(MON, 3, 1), loaded, 3, false)).toBe(true);
    expect(shouldQuietReload(at(MON, 2, 59), loaded, 3, false)).toBe(false); // yesterday's slot is before loading
    // after the reload the page is newer than the slot: no loop
    expect(shouldQuietReload(at(MON, 3, 2), at(MON, 3, 1).getTime(), 3, false)).toBe(false);
  });

  it('waits while anything is pending, and gives up after the window', () => {
    const loaded = at(MON - 1, 8).getTime();
    expect(shouldQuietReload(at(MON, 3, 1), loaded, 3, true)).toBe(false);
    expect(shouldQuietReload(at(MON, 5, 59), loaded, 3, false)).toBe(true);
    expect(shouldQuietReload(at(MON, 6, 1), loaded, 3, false)).toBe(false);
  });

  it('counts outbox, drafts, dialogs, typing, supervisor mode and a recent touch as pending', () => {
    const calm: PendingWork = { outbox: 0, drafts: 0, dialogOpen: false, typing: false, supervisorUnlocked: false, idleForMs: QUIET_MIN_IDLE_MS };
    expect(hasPendingWork(calm)).toBe(false);
    expect(hasPendingWork({ ...calm, outbox: 1 })).toBe(true);
    expect(hasPendingWork({ ...calm, drafts: 1 })).toBe(true);
    expect(hasPendingWork({ ...calm, dialogOpen: true })).toBe(true);
    expect(hasPendingWork({ ...calm, typing: true })).toBe(true);
    expect(hasPendingWork({ ...calm, supervisorUnlocked: true })).toBe(true);
    expect(hasPendingWork({ ...calm, idleForMs: 1_000 })).toBe(true);
  });
});

describe('crash recovery', () => {
  it('shows the board again after a single crash, offers a restart after a burst', () => {
    expect(crashRecovery([], 100_000)).toBe('board');
    expect(crashRecovery([90_000], 100_000)).toBe('board');
    expect(crashRecovery([80_000, 90_000], 100_000)).toBe('restart');
    expect(crashRecovery([1_000, 2_000], 100_000)).toBe('board'); // old crashes do not count
  });
});
