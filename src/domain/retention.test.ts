import { describe, expect, it } from 'vitest';
import {
  type MarkRow,
  anonymisePatch,
  anonymousMarkId,
  isExpiredPerson,
  isValidRetentionMonths,
  planAttendance,
  retentionCutoff,
  retentionMonthsOf,
} from './retention';
import { addMonths } from './dates';

describe('retention cut-off', () => {
  it('keeps exactly the given number of calendar months', () => {
    expect(retentionCutoff('2026-03-15', 24)).toBe('2024-03-15');
    expect(retentionCutoff('2026-03-15', 6)).toBe('2025-09-15');
    expect(retentionCutoff('2026-01-10', 1)).toBe('2025-12-10');
  });

  it('moves a day the target month lacks to its last day, leap years included', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
    expect(retentionCutoff('2026-02-28', 24)).toBe('2024-02-28');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('refuses a period that is not whole months from 1 to 120', () => {
    expect(() => retentionCutoff('2026-03-15', 0)).toThrow(RangeError);
    expect(() => retentionCutoff('2026-03-15', 1.5)).toThrow(RangeError);
    expect(() => retentionCutoff('2026-03-15', 121)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow();
    expect(isValidRetentionMonths(24)).toBe(true);
    expect(isValidRetentionMonths('24')).toBe(false);
  });

  it('defaults to 24 months when the workplace has no valid setting', () => {
    expect(retentionMonthsOf({})).toBe(24);
    expect(retentionMonthsOf({ retentionMonths: -3 })).toBe(24);
    expect(retentionMonthsOf({ retentionMonths: 12 })).toBe(12);
    expect(retentionMonthsOf(undefined)).toBe(24);
  });
});

describe('anonymising records', () => {
  it('blanks the people and free texts of a deviation and says nothing when it is already blank', () => {
    const d = { reportedBy: 'p1', responsibleId: null, text: 'Ada cut her finger', action: 'Plaster', photo: 'a'.repeat(64), category: 'safety' };
    expect(anonymisePatch('deviations', d)).toEqual({ reportedBy: null, text: '', action: '', photo: null });
    expect(anonymisePatch('deviations', { ...d, reportedBy: null, text: '', action: '', photo: null })).toBeNull();
  });

  it('blanks proposers, assignees, progress people and meeting attendees', () => {
    expect(anonymisePatch('improvements', { proposedBy: 'p1', text: 'x', reason: '', photo: null })).toEqual({ proposedBy: null, text: '' });
    expect(anonymisePatch('tasks', { assignees: ['p1'], doneBy: 'p1', text: 'Mop' })).toEqual({ assignees: [], doneBy: null });
    expect(anonymisePatch('tasks', { assignees: [], doneBy: null })).toBeNull();
    expect(anonymisePatch('goalProgress', { personId: 'p1', amount: 1 })).toEqual({ personId: null });
    const decisions = [
      { kind: 'attendance', refId: 'm1', value: 'sick', at: 1, step: 'attendance' },
      { kind: 'moveIdea', refId: 'i1', value: 'done', at: 2, step: 'improvements' },
    ];
    expect(anonymisePatch('meetings', { attendees: ['p1'], decisions })).toEqual({ attendees: [], decisions: [decisions[1]] });
  });

  it('replaces marks by anonymous copies with ids that do not depend on the person', () => {
    const marks: MarkRow[] = [
      { id: 'b', date: '2024-01-02', personId: 'p2', status: 'present' as const, setBy: 'self' },
      { id: 'a', date: '2024-01-02', personId: 'p1', status: 'present' as const, setBy: 'self' },
      { id: 'c', date: '2024-01-02', personId: 'p3', status: 'sick' as const, setBy: 'supervisor' },
      { id: 'd', date: '2024-01-02', personId: 'p4', status: null },
      { id: 'e', date: '2024-01-02', personId: '', status: 'late' as const }, // already anonymous
      { id: 'f', date: '2024-01-02', personId: 'p5', status: 'late' as const, deleted: 1 as const }, // already deleted
    ];
    const plan = planAttendance('wp', marks, new Set());
    expect(plan.remove).toEqual(['a', 'b', 'c', 'd']);
    expect(plan.create.map((c) => c.id)).toEqual([
      anonymousMarkId('wp', '2024-01-02', 'present', 0),
      anonymousMarkId('wp', '2024-01-02', 'present', 1),
      anonymousMarkId('wp', '2024-01-02', 'sick', 0),
    ]);
    expect(plan.create[2]!.fields).toEqual({ personId: '', date: '2024-01-02', status: 'sick', checkedInAt: null, setBy: 'supervisor' });
    // the same marks in another order plan the same rows
    expect(planAttendance('wp', [...marks].reverse(), new Set())).toEqual(plan);
  });

  it('skips anonymous ids already taken, so a later sweep adds to the day instead of overwriting', () => {
    const taken = new Set([anonymousMarkId('wp', '2024-01-02', 'present', 0)]);
    const plan = planAttendance('wp', [{ id: 'x', date: '2024-01-02', personId: 'p9', status: 'present' }], taken);
    expect(plan.create.map((c) => c.id)).toEqual([anonymousMarkId('wp', '2024-01-02', 'present', 1)]);
    expect(anonymousMarkId('wp', '2024-01-02', 'present', 0)).not.toBe(anonymousMarkId('other', '2024-01-02', 'present', 0));
  });

  it('erases only people who are inactive and unchanged since before the cut-off', () => {
    expect(isExpiredPerson({ active: 0, updatedAt: 99 }, 100)).toBe(true);
    expect(isExpiredPerson({ active: 1, updatedAt: 99 }, 100)).toBe(false);
    expect(isExpiredPerson({ active: 0, updatedAt: 100 }, 100)).toBe(false);
    expect(isExpiredPerson({ active: 0, updatedAt: 99, deleted: 1 }, 100)).toBe(false);
  });
});
