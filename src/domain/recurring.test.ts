import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceId } from './attendance';
import { InvalidIsoDate } from './errors';
import { recurringTaskId, taskFromTemplate, tasksDueOn } from './recurring';

describe('recurring task ids', () => {
  it('are the same UUID for the same template and day on any device', () => {
    expect(recurringTaskId('t1', '2026-11-23')).toBe(recurringTaskId('t1', '2026-11-23'));
    // Computed independently: SHA-1 over namespace bytes + name, version and variant bits set (RFC 9562).
    expect(recurringTaskId('t1', '2026-11-23')).toBe('149b6106-b211-5fe9-b5a4-a440bcf2e5e5');
  });

  it('differ by day and never collide with attendance ids for the same pair', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(recurringTaskId(id, '2026-11-23')).not.toBe(recurringTaskId(id, '2026-11-24'));
        expect(recurringTaskId(id, '2026-11-23')).not.toBe(attendanceId(id, '2026-11-23'));
      }),
    );
  });

  it('refuse a malformed date', () => {
    expect(() => recurringTaskId('t1', '23/11/2026')).toThrow(InvalidIsoDate);
  });
});

describe('tasks due on a day', () => {
  const templates = [
    { id: 'mon-wed', weekdays: [1, 3], active: 1 as const },
    { id: 'daily', weekdays: [1, 2, 3, 4, 5], active: 1 as const },
    { id: 'paused', weekdays: [1, 2, 3, 4, 5], active: 0 as const },
    { id: 'removed', weekdays: [1], active: 1 as const, deleted: 1 as const },
    { id: 'sunday', weekdays: [7], active: 1 as const },
  ];

  it('are the active templates for that weekday', () => {
    expect(tasksDueOn(templates, '2026-11-23').map((t) => t.id)).toEqual(['mon-wed', 'daily']); // Monday
    expect(tasksDueOn(templates, '2026-11-24').map((t) => t.id)).toEqual(['daily']);
    expect(tasksDueOn(templates, '2026-11-29').map((t) => t.id)).toEqual(['sunday']);
  });

  it('become a task with the derived id, not done yet', () => {
    const template = { id: 't1', workAreaId: 'w1', pictogramId: 'mop', text: 'Moppa', assignees: ['p1'] };
    expect(taskFromTemplate(template, '2026-11-23')).toEqual({
      id: recurringTaskId('t1', '2026-11-23'),
      workAreaId: 'w1',
      pictogramId: 'mop',
      text: 'Moppa',
      date: '2026-11-23',
      assignees: ['p1'],
      doneAt: null,
      doneBy: null,
      recurringId: 't1',
    });
  });
});
