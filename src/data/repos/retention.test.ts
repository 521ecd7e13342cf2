// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb, type Repositories } from '..';
import { decodeBackup, encodeBackup } from '../../backup/archive';
import { attendanceId } from '../../domain/attendance';
import { anonymisePatch, anonymousMarkId } from '../../domain/retention';
import { groupMonthSummary } from '../../domain/stats';
import { mergeRows, type MergeableRow } from '../../sync/shared/merge';
import type { AttendanceMark, Meeting, Person } from '../../domain/types';
import { writeRecord } from '../writer';

const TODAY = '2026-03-15'; // with 12 months the first day kept is 2025-03-15
const OLD = '2025-03-10';
const KEPT = '2025-03-20';
const LONG_AGO = new Date(2024, 5, 1).getTime();

const freshRepos = () => createRepositories(new TavlaDb(`retention-${crypto.randomUUID()}`));

async function seed(repos: Repositories) {
  const wp = await repos.workplaces.create({ name: 'Tvätten', activityType: 'laundry', openingTime: '08:00', pin: '1234' });
  await repos.retention.setMonths(wp.id, 12);
  const add = (firstName: string) => repos.persons.add(wp.id, { firstName, avatar: { kind: 'pictogram', ref: 'person' } });
  const ada = await add('Ada');
  const bo = await add('Bo');
  const cy = await add('Cy');
  const face = await repos.blobs.put(wp.id, new Blob([new Uint8Array([9, 9, 9])], { type: 'image/jpeg' }));
  // Dana left long ago: inactive, unchanged since before the cut-off
  const dana = await writeRecord<Person>(repos.db, 'persons', wp.id, 'dana', { firstName: 'Dana', avatar: { kind: 'photo', ref: face }, language: 'sv', active: 0, order: 9 }, { now: LONG_AGO });
  await repos.attendance.setStatus(wp.id, ada.id, OLD, 'present');
  await repos.attendance.setStatus(wp.id, bo.id, OLD, 'present');
  await repos.attendance.setStatus(wp.id, cy.id, OLD, 'sick');
  await repos.attendance.setStatus(wp.id, ada.id, KEPT, 'late');
  const photo = await repos.blobs.put(wp.id, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' }));
  const oldDev = await repos.deviations.report(wp.id, { category: 'safety', date: OLD, reportedBy: ada.id, text: 'Ada slipped', photo });
  const newDev = await repos.deviations.report(wp.id, { category: 'safety', date: KEPT, reportedBy: bo.id, text: 'Wet floor' });
  const oldIdea = await repos.improvements.propose(wp.id, { date: OLD, proposedBy: cy.id, text: 'Cy wants hooks' });
  const task = await repos.work.addTask(wp.id, OLD, { workAreaId: 'a', pictogramId: 'mop-floor', text: 'Mop', assignees: [ada.id] });
  await writeRecord<Meeting>(repos.db, 'meetings', wp.id, 'meeting-1', {
    date: OLD,
    startedAt: 1,
    endedAt: 2,
    attendees: [ada.id, bo.id],
    steps: [],
    current: 0,
    decisions: [{ kind: 'attendance', refId: attendanceId(cy.id, OLD), value: 'sick', at: 1, step: 'attendance' }],
    targetMinutes: 15,
  });
  return { wp, ada, bo, cy, dana, face, photo, oldDev, newDev, oldIdea, task };
}

describe('retention sweep on the device', () => {
  it('anonymises what is older than the cut-off and keeps the rest as it was', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    const result = await repos.retention.sweep(s.wp.id, TODAY);
    expect(result.cutoff).toBe('2025-03-15');
    expect(result.counts).toMatchObject({ attendance: 3, deviations: 1, improvements: 1, tasks: 1, meetings: 1, persons: 1, photos: 1 });

    // the old marks are gone; anonymous copies keep the day's numbers
    for (const p of [s.ada, s.bo, s.cy]) expect((await repos.db.attendance.get(attendanceId(p.id, OLD)))!.deleted).toBe(1);
    const old = (await repos.reports.marks(s.wp.id, OLD, OLD)).sort((a, b) => String(a.status).localeCompare(String(b.status)));
    expect(old.map((m) => [m.personId, m.status, m.checkedInAt])).toEqual([
      ['', 'present', null],
      ['', 'present', null],
      ['', 'sick', null],
    ]);
    expect(old.map((m) => m.id).sort()).toEqual(
      [anonymousMarkId(s.wp.id, OLD, 'present', 0), anonymousMarkId(s.wp.id, OLD, 'present', 1), anonymousMarkId(s.wp.id, OLD, 'sick', 0)].sort(),
    );
    const [march] = groupMonthSummary(await repos.reports.marks(s.wp.id, '2025-03-01', '2025-03-31'), [1, 2, 3, 4, 5], '2025-03-01', '2025-03-31');
    expect(march).toMatchObject({ marks: 4, people: 1, counts: { present: 2, sick: 1, late: 1 } });

    // a newer mark, deviation and the active people stay
    expect((await repos.db.attendance.get(attendanceId(s.ada.id, KEPT)))).toMatchObject({ personId: s.ada.id, status: 'late', deleted: 0 });
    expect(await repos.db.deviations.get(s.newDev.id)).toMatchObject({ reportedBy: s.bo.id, text: 'Wet floor' });
    expect((await repos.persons.list(s.wp.id)).map((p) => p.firstName)).toEqual(['Ada', 'Bo', 'Cy']);

    // old records keep their numbers, lose who and what was said
    expect(await repos.db.deviations.get(s.oldDev.id)).toMatchObject({ category: 'safety', date: OLD, reportedBy: null, text: '', photo: null });
    expect(await repos.db.improvements.get(s.oldIdea.id)).toMatchObject({ proposedBy: null, text: '', status: 'idea' });
    expect(await repos.db.tasks.get(s.task.id)).toMatchObject({ assignees: [], doneBy: null, text: 'Mop' });
    expect(await repos.db.meetings.get('meeting-1')).toMatchObject({ attendees: [], decisions: [] });
    expect(await repos.db.blobs.get(s.photo)).toBeUndefined();

    // the person who left long ago is erased, face and all
    expect(await repos.db.persons.get('dana')).toMatchObject({ deleted: 1 });
    expect((await repos.db.persons.get('dana'))!).not.toHaveProperty('firstName');
    expect(await repos.db.blobs.get(s.face)).toBeUndefined();
  });

  it('writes every change as an outbox op, so it syncs', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    const before = new Set(await repos.db.outbox.toCollection().primaryKeys());
    await repos.retention.sweep(s.wp.id, TODAY);
    const ops = (await repos.db.outbox.toArray()).filter((o) => !before.has(o.opId));
    expect(ops.filter((o) => o.table === 'attendance' && o.fields.deleted === 1)).toHaveLength(3);
    expect(ops.filter((o) => o.table === 'attendance' && o.fields.personId === '')).toHaveLength(3);
    expect(ops.find((o) => o.table === 'deviations' && o.rowId === s.oldDev.id)?.fields).toMatchObject({ reportedBy: null, text: '' });
    expect(ops.find((o) => o.table === 'persons' && o.rowId === 'dana')?.fields).toMatchObject({ deleted: 1, firstName: '' });
  });

  it('changes nothing when run again', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    await repos.retention.sweep(s.wp.id, TODAY);
    const ops = await repos.db.outbox.count();
    const again = await repos.retention.sweep(s.wp.id, TODAY);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(await repos.db.outbox.count()).toBe(ops);
  });

  it('keeps everything within the default 24 months', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    await repos.db.workplaces.update(s.wp.id, { retentionMonths: undefined });
    const result = await repos.retention.sweep(s.wp.id, TODAY);
    expect(result.cutoff).toBe('2024-03-15');
    expect(result.counts).toMatchObject({ attendance: 0, deviations: 0, persons: 0 });
  });

  it('two tablets anonymising the same days write the same rows, so the counts do not double', async () => {
    const a = freshRepos();
    const s = await seed(a);
    const { snapshot } = await decodeBackup(await encodeBackup(await a.backup.collect(s.wp.id)));
    const b = freshRepos();
    await b.backup.restore(snapshot);
    await a.retention.sweep(s.wp.id, TODAY);
    await b.retention.sweep(s.wp.id, TODAY);
    const merged = new Map<string, MergeableRow>();
    for (const repos of [a, b]) {
      for (const row of (await repos.db.attendance.toArray()) as unknown as MergeableRow[]) {
        const prev = merged.get(row.id);
        merged.set(row.id, prev ? mergeRows(prev, row) : row);
      }
    }
    const old = [...merged.values()].filter((r) => !r.deleted && (r as unknown as AttendanceMark).date === OLD);
    expect(old).toHaveLength(3);
  });

  it('sweeps more rows than one chunk, across many days, each chunk after the last', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    // 1,050 old deviations over four months: more than two chunks, days spanning chunk ends
    for (let i = 0; i < 1050; i++) {
      const date = `2024-${String(1 + Math.floor(i / 300)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await repos.deviations.report(s.wp.id, { category: 'quality', date, reportedBy: s.bo.id, text: `Note ${i}` });
    }
    const result = await repos.retention.sweep(s.wp.id, TODAY);
    expect(result.counts.deviations).toBe(1051);
    const left = (await repos.db.deviations.toArray()).filter(
      (d) => d.date < result.cutoff && anonymisePatch('deviations', d as unknown as Record<string, unknown>) !== null,
    );
    expect(left).toEqual([]);
    expect((await repos.retention.sweep(s.wp.id, TODAY)).counts.deviations).toBe(0);
  }, 120_000);

  it('refuses a retention period that is not 1–120 whole months', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    await expect(repos.retention.setMonths(s.wp.id, 0)).rejects.toThrow(RangeError);
    expect((await repos.workplaces.get(s.wp.id))!.retentionMonths).toBe(12);
  });
});

describe('retention sweep of personal plans (issue 14)', () => {
  it('anonymises old follow-ups (the step stays) and erases a leaver’s plan, follow-ups and skills', async () => {
    const repos = freshRepos();
    const s = await seed(repos);
    const old = await repos.growth.recordFollowUp(s.wp.id, { personId: s.ada.id, date: OLD, step: 'visit', note: 'Ada is shy', nextStep: 'Bus' });
    const kept = await repos.growth.recordFollowUp(s.wp.id, { personId: s.ada.id, date: KEPT, step: 'training', note: 'Going well' });
    await repos.growth.recordFollowUp(s.wp.id, { personId: 'dana', date: KEPT, step: 'visit', goals: [{ pictogramId: 'bus', text: 'Bus', steps: 2 }] });
    await repos.growth.setSkill(s.wp.id, 'dana', 'wash', 3);
    const result = await repos.retention.sweep(s.wp.id, TODAY);
    expect(result.counts.followUps).toBe(1);
    expect(await repos.db.followUps.get(old.id)).toMatchObject({ personId: '', note: '', nextStep: '', step: 'visit', deleted: 0 });
    expect(await repos.db.followUps.get(kept.id)).toMatchObject({ personId: s.ada.id, note: 'Going well' });
    expect(await repos.growth.followUps(s.wp.id, 'dana')).toEqual([]);
    expect(await repos.growth.goals(s.wp.id, 'dana')).toEqual([]);
    expect(await repos.growth.skillsOf(s.wp.id, 'dana')).toEqual([]);
    // the anonymised follow-up no longer counts in anyone's ladder
    expect((await repos.growth.allFollowUps(s.wp.id)).map((f) => f.id)).toEqual([kept.id]);
  });
});
