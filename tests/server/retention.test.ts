// @vitest-environment node
/**
 * The server's retention sweep: old synced records are anonymised with the
 * same rules as on the tablets, through the push path (so tablets pull the
 * change), only in the workplace swept, and a second sweep changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attendanceId } from '../../src/domain/attendance';
import { anonymousMarkId } from '../../src/domain/retention';
import { sweepAllWorkplaces, sweepWorkplace } from '../../src/server/retention';
import { backends, clock, json, op, pull, push, syncHeaders, useServer, workplaceWithDevice } from './helpers';
import type { FastifyInstance } from 'fastify';

// clock.now is 2026-03-02; with 12 months the first day kept is 2025-03-02
const OLD = '2025-02-20';
const KEPT = '2025-03-05';
const LONG_AGO = Date.parse('2024-06-01T12:00:00Z');

async function putBlob(app: FastifyInstance, token: string, bytes: Buffer) {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const res = await app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, headers: { ...syncHeaders(token), 'content-type': 'image/jpeg' }, payload: bytes });
  expect(res.statusCode).toBeLessThan(300);
  return hash;
}

async function seed(app: FastifyInstance, retentionMonths: number | null = 12) {
  const { workplaceId, deviceToken } = await workplaceWithDevice(app);
  const photo = await putBlob(app, deviceToken, Buffer.from(`photo-${workplaceId}`));
  const face = await putBlob(app, deviceToken, Buffer.from(`face-${workplaceId}`));
  const mark = (person: string, date: string, status: string) =>
    op(workplaceId, 'attendance', attendanceId(person, date), { personId: person, date, status, checkedInAt: null, setBy: 'self', createdAt: 1, updatedAt: 1, deleted: 0 });
  const res = await push(app, deviceToken, [
    op(workplaceId, 'workplaces', workplaceId, { name: 'Tvätten', openDays: [1, 2, 3, 4, 5], ...(retentionMonths ? { retentionMonths } : {}) }),
    op(workplaceId, 'persons', 'ada', { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv', active: 1, order: 0, updatedAt: clock.now, deleted: 0 }),
    op(workplaceId, 'persons', 'bo', { firstName: 'Bo', avatar: { kind: 'photo', ref: face }, language: 'sv', active: 0, order: 1, updatedAt: LONG_AGO, deleted: 0 }),
    op(workplaceId, 'voiceClips', 'clip-bo', { key: 'person:bo', lang: 'sv', blob: null, durationMs: 500, mimeType: 'audio/ogg', deleted: 0 }),
    mark('ada', OLD, 'present'),
    mark('bo', OLD, 'present'),
    mark('ada', KEPT, 'late'),
    op(workplaceId, 'deviations', 'd-old', { category: 'safety', date: OLD, reportedBy: 'ada', responsibleId: null, text: 'Ada slipped', action: '', photo, status: 'solved', deleted: 0 }),
    op(workplaceId, 'deviations', 'd-new', { category: 'safety', date: KEPT, reportedBy: 'ada', responsibleId: null, text: 'Wet floor', action: '', photo: null, status: 'new', deleted: 0 }),
    op(workplaceId, 'improvements', 'i-old', { date: OLD, proposedBy: 'bo', text: 'Hooks', reason: '', photo: null, status: 'done', deleted: 0 }),
  ]);
  expect(res.statusCode).toBe(200);
  return { workplaceId, deviceToken, photo, face };
}

async function rowsOf(app: FastifyInstance, token: string) {
  const body = json(await pull(app, token, 0, 1000));
  const map = new Map<string, Record<string, unknown>>();
  for (const r of body.rows) map.set(`${r.table}/${r.row.id}`, r.row);
  return { map, cursor: body.cursor as number };
}

describe.each(backends)('retention sweep on the server ($name)', (backend) => {
  const h = useServer(backend);

  it('sweeps in chunks of short transactions with the same result as one pass', async () => {
    const app = await h.build();
    const a = await seed(app);
    const b = await seed(app);
    const whole = await sweepWorkplace(h.db, a.workplaceId, clock.now);
    const chunked = await sweepWorkplace(h.db, b.workplaceId, clock.now, { chunk: 1 });
    expect(chunked.changed).toBe(whole.changed);
    // the same rows, once each workplace's own ids and hashes are named alike
    const normal = (m: Map<string, Record<string, unknown>>, wp: string) =>
      [...m.entries()]
        .map(([k, r]) => {
          let text = `${k} ${JSON.stringify({ ...r, _clock: undefined })}`;
          for (const n of [0, 1]) text = text.replaceAll(anonymousMarkId(wp, OLD, 'present', n), `ANON${n}`);
          return text.replaceAll(wp, 'WP').replace(/[0-9a-f]{64}/g, 'HASH');
        })
        .sort();
    expect(normal((await rowsOf(app, b.deviceToken)).map, b.workplaceId)).toEqual(normal((await rowsOf(app, a.deviceToken)).map, a.workplaceId));
  });

  it('anonymises records older than the retention period, and only those', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken, photo, face } = await seed(app);
    const result = await sweepWorkplace(h.db, workplaceId, clock.now);
    expect(result.cutoff).toBe('2025-03-02');
    expect(result.changed).toBeGreaterThan(0);

    const { map } = await rowsOf(app, deviceToken);
    // old marks become anonymous copies with the ids every tablet would choose
    expect(map.get(`attendance/${attendanceId('ada', OLD)}`)).toMatchObject({ deleted: 1 });
    expect(map.get(`attendance/${attendanceId('bo', OLD)}`)).toMatchObject({ deleted: 1 });
    for (const n of [0, 1]) {
      expect(map.get(`attendance/${anonymousMarkId(workplaceId, OLD, 'present', n)}`)).toMatchObject({ personId: '', status: 'present', date: OLD, deleted: 0 });
    }
    expect(map.get(`attendance/${attendanceId('ada', KEPT)}`)).toMatchObject({ personId: 'ada', status: 'late', deleted: 0 });
    expect(map.get('deviations/d-old')).toMatchObject({ category: 'safety', reportedBy: null, text: '', photo: null });
    expect(map.get('deviations/d-new')).toMatchObject({ reportedBy: 'ada', text: 'Wet floor' });
    expect(map.get('improvements/i-old')).toMatchObject({ proposedBy: null, text: '', status: 'done' });
    // Bo left long ago: erased, with the photo of his face and the recording of his name
    expect(map.get('persons/bo')).toMatchObject({ deleted: 1 });
    expect(map.get('persons/bo')).not.toHaveProperty('firstName');
    expect(map.get('voiceClips/clip-bo')).toMatchObject({ deleted: 1 });
    expect(map.get('persons/ada')).toMatchObject({ firstName: 'Ada', deleted: 0 });
    for (const hash of [photo, face]) {
      const res = await app.inject({ method: 'GET', url: `/api/blobs/${hash}`, headers: syncHeaders(deviceToken) });
      expect(res.statusCode).toBe(404);
    }
  });

  it('changes nothing the second time', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await seed(app);
    await sweepWorkplace(h.db, workplaceId, clock.now);
    const before = await rowsOf(app, deviceToken);
    const again = await sweepWorkplace(h.db, workplaceId, clock.now);
    expect(again).toMatchObject({ changed: 0, ops: 0 });
    const after = await rowsOf(app, deviceToken);
    expect(after.cursor).toBe(before.cursor);
    expect([...after.map.values()]).toEqual([...before.map.values()]);
  });

  it('keeps 24 months when the workplace has no setting', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await seed(app, null);
    const before = await rowsOf(app, deviceToken);
    const result = await sweepWorkplace(h.db, workplaceId, clock.now);
    expect(result, JSON.stringify(result)).toMatchObject({ cutoff: '2024-03-02', changed: 0 });
    expect((await rowsOf(app, deviceToken)).cursor).toBe(before.cursor);
  });

  it('sweeps each workplace by its own setting and never crosses between them', async () => {
    const app = await h.build();
    const a = await seed(app, 12);
    const b = await seed(app, 60);
    const results = await sweepAllWorkplaces(h.db, clock.now);
    expect(results.find((r) => r.workplaceId === a.workplaceId)!.changed).toBeGreaterThan(0);
    expect(results.find((r) => r.workplaceId === b.workplaceId)).toMatchObject({ changed: 0 });
    const rowsB = (await rowsOf(app, b.deviceToken)).map;
    expect(rowsB.get('deviations/d-old')).toMatchObject({ reportedBy: 'ada', text: 'Ada slipped' });
    expect([...rowsB.values()].every((r) => r.workplaceId === b.workplaceId)).toBe(true);
  });

  it('wins over an edit stamped a little ahead of the server clock', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await seed(app);
    // a tablet whose clock runs 2 minutes fast re-credits the old deviation
    const ahead = op(workplaceId, 'deviations', 'd-old', { reportedBy: 'ada' }, `${String(clock.now + 120_000).padStart(15, '0')}-0000-fast`);
    expect((await push(app, deviceToken, [ahead])).statusCode).toBe(200);
    await sweepWorkplace(h.db, workplaceId, clock.now);
    expect((await rowsOf(app, deviceToken)).map.get('deviations/d-old')).toMatchObject({ reportedBy: null });
  });

  it('tells the tablets: the sweep advances the pull cursor like a push', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await seed(app);
    const before = (await rowsOf(app, deviceToken)).cursor;
    const r = await sweepWorkplace(h.db, workplaceId, clock.now);
    const page = json(await pull(app, deviceToken, before, 1000));
    expect(page.cursor).toBe(before + r.changed);
    expect(page.rows.length).toBe(r.changed);
  });

  it('does nothing for an unknown workplace', async () => {
    expect(await sweepWorkplace(h.db, randomUUID(), clock.now)).toMatchObject({ cutoff: null, changed: 0 });
  });
});
