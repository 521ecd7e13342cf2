// @vitest-environment node
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_HEADER } from '../../src/sync/shared/protocol';
import { backends, bearer, clock, json, op, pull, push, stamp, syncHeaders, useServer, workplaceWithDevice } from './helpers';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(backends)('sync ($name)', (backend) => {
  const h = useServer(backend);

  describe('push', () => {
    it('applies a batch and acks every op id', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const ops = [
        op(workplaceId, 'workplaces', workplaceId, { name: 'Tvätteriet', openingTime: '07:30' }),
        op(workplaceId, 'persons', 'p1', { firstName: 'Ada', order: 1 }),
      ];
      const res = await push(app, deviceToken, ops);
      expect(res.statusCode).toBe(200);
      const body = json(res);
      expect(body.acked).toEqual(ops.map((o) => o.opId));
      expect(body.cursor).toBe(2);
      expect(body.serverHlc).toMatch(/^\d{15}-0000-server$/);
    });

    it('ignores a batch it has already applied: one change, cursor unchanged', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const ops = [op(workplaceId, 'goals', 'g1', { text: 'Fold 40 towels', order: 1 }), op(workplaceId, 'goals', 'g1', { order: 2 })];
      const first = json(await push(app, deviceToken, ops));
      const second = await push(app, deviceToken, ops);
      expect(second.statusCode).toBe(200);
      expect(json(second).acked).toEqual(first.acked);
      expect(json(second).cursor).toBe(first.cursor);
      const rows = json(await pull(app, deviceToken)).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0].row).toMatchObject({ id: 'g1', text: 'Fold 40 towels', order: 2, deleted: 0, workplaceId });
    });

    it('merges field by field: the newest stamp wins, whatever order ops arrive in', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const t = clock.now;
      await push(app, deviceToken, [op(workplaceId, 'tasks', 't1', { text: 'new text' }, stamp(t - 1000, 'b'))]);
      await push(app, deviceToken, [op(workplaceId, 'tasks', 't1', { text: 'old text', doneAt: 5 }, stamp(t - 5000, 'a'))]);
      const [row] = json(await pull(app, deviceToken)).rows;
      expect(row.row).toMatchObject({ text: 'new text', doneAt: 5 });
    });

    it('keeps a deleted row deleted when an older edit arrives later', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      await push(app, deviceToken, [op(workplaceId, 'deviations', 'd1', { text: 'Broken iron', category: 'brokenTool' }, stamp(clock.now - 9000))]);
      await push(app, deviceToken, [op(workplaceId, 'deviations', 'd1', { deleted: 1 }, stamp(clock.now - 1000))]);
      await push(app, deviceToken, [op(workplaceId, 'deviations', 'd1', { text: 'edited offline' }, stamp(clock.now - 5000, 'other'))]);
      const [row] = json(await pull(app, deviceToken)).rows;
      expect(row.row.deleted).toBe(1);
      expect(row.row.text).toBeUndefined();
    });

    it('applies all ops of a batch or none: one bad op rejects the whole batch', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const res = await push(app, deviceToken, [op(workplaceId, 'goals', 'g1', { text: 'ok' }), { ...op(workplaceId, 'goals', 'g2', {}), hlc: 'nonsense' }]);
      expect(res.statusCode).toBe(400);
      expect(json(await pull(app, deviceToken)).rows).toEqual([]);
    });

    it('refuses a table that is not synced and malformed ops with 400', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const cases = [
        [{ ...op(workplaceId, 'goals', 'g1', {}), table: 'accounts' }],
        [{ ...op(workplaceId, 'goals', 'g1', {}), fields: { _clock: {} } }],
        [{ ...op(workplaceId, 'goals', 'g1', {}), fields: { deleted: true } }],
        [{ ...op(workplaceId, 'goals', 'g1', {}), fields: { id: 'other' } }],
        [{ ...op(workplaceId, 'goals', 'g1', {}), fields: 'text' }],
        [{ opId: 'x' }],
      ];
      for (const ops of cases) {
        const res = await push(app, deviceToken, ops as never);
        expect(res.statusCode, JSON.stringify(ops)).toBe(400);
        expect(json(res).error).toBe('bad_request');
      }
    });

    it('refuses ops for another workplace with 403', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const other = await workplaceWithDevice(app);
      const res = await push(app, deviceToken, [op(other.workplaceId, 'goals', 'g1', { text: 'sneaky' })]);
      expect(res.statusCode).toBe(403);
      expect(json(await pull(app, other.deviceToken)).rows).toEqual([]);
    });

    it('refuses a device clock more than 5 minutes ahead with 409 clock_drift', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const ahead = stamp(clock.now + 6 * 60 * 1000);
      const res = await push(app, deviceToken, [op(workplaceId, 'goals', 'g1', { text: 'from the future' }, ahead)]);
      expect(res.statusCode).toBe(409);
      expect(json(res)).toMatchObject({ error: 'clock_drift' });
      expect(json(res).message).toContain('Check the device clock');
      const viaDeviceClock = await push(app, deviceToken, [], { deviceClock: ahead });
      expect(viaDeviceClock.statusCode).toBe(409);
      const slightlyAhead = await push(app, deviceToken, [op(workplaceId, 'goals', 'g1', { text: 'ok' }, stamp(clock.now + 4 * 60 * 1000))]);
      expect(slightlyAhead.statusCode).toBe(200);
    });

    it('answers an older (or missing) schema version with 426 update_required', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const old = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...bearer(deviceToken), [SCHEMA_HEADER]: '0' },
        payload: { schemaVersion: 0, ops: [op(workplaceId, 'goals', 'g1', {})] },
      });
      expect(old.statusCode).toBe(426);
      expect(json(old).error).toBe('update_required');
      const missing = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(deviceToken) });
      expect(missing.statusCode).toBe(426);
      const bodyOld = await push(app, deviceToken, [], { schemaVersion: 0 });
      expect(bodyOld.statusCode).toBe(426);
    });
  });

  describe('pull', () => {
    it('pages through rows in seq order with hasMore, never repeating or skipping one', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const ops = Array.from({ length: 25 }, (_, i) => op(workplaceId, 'goalProgress', `gp${i}`, { amount: i, date: '2026-03-02' }));
      await push(app, deviceToken, ops);
      const seen: string[] = [];
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const page = json(await pull(app, deviceToken, cursor, 10));
        seen.push(...page.rows.map((r: { row: { id: string } }) => r.row.id));
        cursor = page.cursor;
        pages++;
        if (!page.hasMore) break;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(ops.map((o) => o.rowId));
      expect(cursor).toBe(25);
      const empty = json(await pull(app, deviceToken, cursor));
      expect(empty).toMatchObject({ rows: [], cursor: 25, hasMore: false });
    });

    it('returns each row with its table, fields, deleted flag and clock', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const o = op(workplaceId, 'persons', 'p1', { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'cat' } });
      await push(app, deviceToken, [o]);
      const page = json(await pull(app, deviceToken));
      expect(page.rows).toEqual([
        {
          table: 'persons',
          row: { id: 'p1', workplaceId, firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'cat' }, deleted: 0, _clock: { firstName: o.hlc, avatar: o.hlc } },
        },
      ]);
    });

    it('sends a changed row again, at its new position', async () => {
      const app = await h.build();
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      await push(app, deviceToken, [op(workplaceId, 'goals', 'a', { order: 1 }), op(workplaceId, 'goals', 'b', { order: 2 })]);
      const { cursor } = json(await pull(app, deviceToken));
      await push(app, deviceToken, [op(workplaceId, 'goals', 'a', { order: 3 })]);
      const next = json(await pull(app, deviceToken, cursor));
      expect(next.rows.map((r: { row: { id: string; order: number } }) => [r.row.id, r.row.order])).toEqual([['a', 3]]);
    });

    it('rejects a bad cursor or limit with 400', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      for (const q of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=100000']) {
        const res = await app.inject({ method: 'GET', url: `/api/sync/pull?${q}`, headers: syncHeaders(deviceToken) });
        expect(res.statusCode, q).toBe(400);
      }
    });
  });

  describe('blobs', () => {
    it('stores a blob under its SHA-256 and serves it back with its type, immutable', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const data = Buffer.from('fake jpeg bytes \u00ff\u0000');
      const hash = sha256(data);
      const put = await app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, headers: { ...bearer(deviceToken), 'content-type': 'image/jpeg' }, payload: data });
      expect(put.statusCode).toBe(201);
      expect(json(put)).toEqual({ hash, size: data.length });
      const get = await app.inject({ method: 'GET', url: `/api/blobs/${hash}`, headers: bearer(deviceToken) });
      expect(get.statusCode).toBe(200);
      expect(get.headers['content-type']).toBe('image/jpeg');
      expect(get.headers['cache-control']).toContain('immutable');
      expect(get.rawPayload.equals(data)).toBe(true);
      const head = await app.inject({ method: 'HEAD', url: `/api/blobs/${hash}`, headers: bearer(deviceToken) });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-length']).toBe(String(data.length));
      const again = await app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, headers: { ...bearer(deviceToken), 'content-type': 'image/jpeg' }, payload: data });
      expect(again.statusCode).toBe(201);
    });

    it('keeps a JSON body as raw bytes too', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const data = Buffer.from('{"not": "parsed"}');
      const put = await app.inject({ method: 'PUT', url: `/api/blobs/${sha256(data)}`, headers: { ...bearer(deviceToken), 'content-type': 'application/json' }, payload: data });
      expect(put.statusCode).toBe(201);
    });

    it('refuses a body that does not hash to the URL with 422 hash_mismatch', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const res = await app.inject({
        method: 'PUT',
        url: `/api/blobs/${sha256(Buffer.from('a'))}`,
        headers: { ...bearer(deviceToken), 'content-type': 'image/png' },
        payload: Buffer.from('b'),
      });
      expect(res.statusCode).toBe(422);
      expect(json(res).error).toBe('hash_mismatch');
    });

    it('answers 404 for a blob it does not have', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const hash = sha256(Buffer.from('nothing'));
      expect((await app.inject({ method: 'GET', url: `/api/blobs/${hash}`, headers: bearer(deviceToken) })).statusCode).toBe(404);
      expect((await app.inject({ method: 'HEAD', url: `/api/blobs/${hash}`, headers: bearer(deviceToken) })).statusCode).toBe(404);
    });
  });

  describe('erasure', () => {
    async function withPhotoPerson() {
      const app = await h.build();
      const wp = await workplaceWithDevice(app);
      const photo = Buffer.from(`photo of ${randomUUID()}`);
      const hash = sha256(photo);
      await app.inject({ method: 'PUT', url: `/api/blobs/${hash}`, headers: { ...bearer(wp.deviceToken), 'content-type': 'image/jpeg' }, payload: photo });
      await push(app, wp.deviceToken, [op(wp.workplaceId, 'persons', 'p1', { firstName: 'Ada', avatar: { kind: 'photo', ref: hash } }, stamp(clock.now - 1000))]);
      return { app, ...wp, hash };
    }
    const blobStatus = async (app: Awaited<ReturnType<typeof h.build>>, token: string, hash: string) =>
      (await app.inject({ method: 'HEAD', url: `/api/blobs/${hash}`, headers: bearer(token) })).statusCode;

    it("deletes a deleted person's photo and name from the server", async () => {
      const { app, workplaceId, deviceToken, hash } = await withPhotoPerson();
      expect(await blobStatus(app, deviceToken, hash)).toBe(200);
      await push(app, deviceToken, [op(workplaceId, 'persons', 'p1', { deleted: 1 })]);
      expect(await blobStatus(app, deviceToken, hash)).toBe(404);
      const [row] = json(await pull(app, deviceToken)).rows;
      expect(row.row).toMatchObject({ id: 'p1', deleted: 1 });
      expect(JSON.stringify(row)).not.toContain('Ada');
      expect(JSON.stringify(row)).not.toContain(hash);
    });

    it('keeps the photo while another live record still uses it', async () => {
      const { app, workplaceId, deviceToken, hash } = await withPhotoPerson();
      await push(app, deviceToken, [op(workplaceId, 'deviations', 'd1', { text: 'see photo', photo: hash })]);
      await push(app, deviceToken, [op(workplaceId, 'persons', 'p1', { deleted: 1 })]);
      expect(await blobStatus(app, deviceToken, hash)).toBe(200);
    });
  });
});
