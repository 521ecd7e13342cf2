// @vitest-environment node
/**
 * Growth data on the server (issue 14): plan goals, follow-ups, skills and
 * survey answers sync through the generic record store like every table;
 * unknown fields are refused; the retention sweep anonymises old follow-ups
 * and deletes the plan and skills of a person it erases; survey answers
 * (no person) are left alone.
 */
import { describe, expect, it } from 'vitest';
import { sweepWorkplace } from '../../src/server/retention';
import { backends, clock, json, op, pull, push, useServer, workplaceWithDevice } from './helpers';
import type { FastifyInstance } from 'fastify';

// clock.now is 2026-03-02; with 12 months the first day kept is 2025-03-02
const OLD = '2025-02-20';
const KEPT = '2025-03-05';
const LONG_AGO = Date.parse('2024-06-01T12:00:00Z');

async function rows(app: FastifyInstance, token: string) {
  const body = json(await pull(app, token, 0, 1000));
  return new Map<string, Record<string, unknown>>(body.rows.map((r: { table: string; row: Record<string, unknown> }) => [`${r.table}/${r.row.id}`, r.row]));
}

describe.each(backends)('growth data on the server ($name)', (backend) => {
  const h = useServer(backend);

  it('syncs the growth tables, refuses unknown fields, and sweeps them by the retention rules', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await workplaceWithDevice(app);
    const followUp = (id: string, personId: string, date: string, step: string) =>
      op(workplaceId, 'followUps', id, { personId, date, step, nextStep: 'Bus alone', nextPictogramId: 'bus', nextDate: null, note: 'private', createdAt: 1, updatedAt: 1, deleted: 0 });
    const res = await push(app, deviceToken, [
      op(workplaceId, 'workplaces', workplaceId, { name: 'Tvätten', openDays: [1, 2, 3, 4, 5], retentionMonths: 12, ladderSteps: [{ id: 'a', pictogramId: 'star', text: 'Start' }] }),
      op(workplaceId, 'persons', 'ada', { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv', active: 1, order: 0, updatedAt: clock.now, deleted: 0 }),
      op(workplaceId, 'persons', 'bo', { firstName: 'Bo', avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv', active: 0, order: 1, updatedAt: LONG_AGO, deleted: 0 }),
      followUp('f-old', 'ada', OLD, 'visit'),
      followUp('f-new', 'ada', KEPT, 'training'),
      followUp('f-bo', 'bo', KEPT, 'visit'),
      op(workplaceId, 'planGoals', 'g-bo', { personId: 'bo', pictogramId: 'bus', text: 'Bus', steps: 3, progress: 1, claimedAt: null, since: KEPT, closedAt: null, deleted: 0 }),
      op(workplaceId, 'skills', 's-bo', { personId: 'bo', taskKey: 'wash', level: 3, claimedAt: null, deleted: 0 }),
      op(workplaceId, 'skills', 's-ada', { personId: 'ada', taskKey: 'wash', level: 1, claimedAt: null, deleted: 0 }),
      op(workplaceId, 'surveyAnswers', 'a-1', { week: '2025-02-17', answers: { week: 3 }, deleted: 0 }),
    ]);
    expect(res.statusCode).toBe(200);
    const bad = await push(app, deviceToken, [op(workplaceId, 'surveyAnswers', 'a-2', { week: '2025-02-17', answers: {}, personId: 'ada' })]);
    expect(bad.statusCode).toBe(400);

    await sweepWorkplace(h.db, workplaceId, clock.now);
    const after = await rows(app, deviceToken);
    // an old follow-up keeps its step (statistics) but no longer says whose it was or what was said
    expect(after.get('followUps/f-old')).toMatchObject({ personId: '', note: '', nextStep: '', step: 'visit', date: OLD });
    expect(after.get('followUps/f-new')).toMatchObject({ personId: 'ada', note: 'private' });
    // Bo left long ago: erased, and his plan, follow-ups and skills with him
    expect(after.get('persons/bo')).toMatchObject({ deleted: 1 });
    for (const key of ['followUps/f-bo', 'planGoals/g-bo', 'skills/s-bo']) {
      expect(after.get(key), key).toMatchObject({ deleted: 1 });
      expect(after.get(key), key).not.toHaveProperty('personId');
    }
    expect(after.get('skills/s-ada')).toMatchObject({ level: 1, deleted: 0 });
    expect(after.get('surveyAnswers/a-1')).toMatchObject({ answers: { week: 3 }, deleted: 0 });
    expect(after.get(`workplaces/${workplaceId}`)).toMatchObject({ ladderSteps: [{ id: 'a', pictogramId: 'star', text: 'Start' }] });
  });
});
