// @vitest-environment node
/**
 * What an independent client found (issue 11), one test per finding, on
 * each backend: field names that are Object.prototype members, credentials
 * in logs, size bounds, a restored database, and (PostgreSQL) one
 * workplace's held lock not slowing another tenant.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TavlaDb } from '../../src/data/db';
import { KNOWN_FIELDS } from '../../src/sync/shared/fields';
import { createSyncEngine } from '../../src/sync/engine';
import { MAX_ROW_BYTES, PULL_MAX_BYTES, PUSH_MAX_OPS } from '../../src/sync/shared/protocol';
import { injectFetch } from '../helpers/injectFetch';
import { backends, bearer, clock, json, op, pull, push, stamp, syncHeaders, useServer, workplaceWithDevice } from './helpers';

let dbCounter = 0;
const PROTO_NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];

describe.each(backends)('sync hardening ($name)', (backend) => {
  const h = useServer(backend);

  it('converges or answers a clean 400 for any field name, Object.prototype members and __proto__ included', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const db = new TavlaDb(`hardening-${++dbCounter}`);
    const engine = createSyncEngine({ db, workplaceId: w.workplaceId, baseUrl: 'http://tavla.test', token: w.deviceToken, fetch: injectFetch(app).fetch, now: () => clock.now });
    const nameArb = fc.oneof(fc.constantFrom(...PROTO_NAMES, ...KNOWN_FIELDS.goals), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nameArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('g1', 'g2'), async (names, rowId) => {
        // raw JSON, so that "__proto__" arrives as an own key like any client could send it
        const fields = `{${names.map((n, i) => `${JSON.stringify(n)}: ${JSON.stringify(`v${i}`)}`).join(',')}}`;
        const o = op(w.workplaceId, 'goals', rowId, {});
        const body = `{"schemaVersion":1,"ops":[${JSON.stringify(o).replace('"fields":{}', `"fields":${fields}`)}]}`;
        const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...syncHeaders(w.deviceToken), 'content-type': 'application/json' }, payload: body });
        const known = names.every((n) => KNOWN_FIELDS.goals.has(n) && n !== 'id' && n !== 'workplaceId' && n !== 'deleted');
        if (known) expect(res.statusCode, res.body).toBe(200);
        else expect(res.statusCode, res.body).toBe(400);
        // the tablet keeps syncing, and holds what the server holds
        await engine.sync();
        const server = json(await pull(app, w.deviceToken)).rows as { row: { id: string } }[];
        for (const { row } of server) expect(await db.goals.get(row.id)).toEqual(row);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('sets aside an op the server refuses for good, and the ops behind it still sync', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const db = new TavlaDb(`refused-${++dbCounter}`);
    const engine = createSyncEngine({ db, workplaceId: w.workplaceId, baseUrl: 'http://tavla.test', token: w.deviceToken, fetch: injectFetch(app).fetch, now: () => clock.now });
    // op ids sort by creation: 7 good ops, one too large for any row, 6 more good ones
    const ops = Array.from({ length: 14 }, (_, i) =>
      op(w.workplaceId, 'goals', `g${i}`, { text: i === 7 ? 'x'.repeat(MAX_ROW_BYTES + 1) : `goal ${i}` }),
    ).map((o, i) => ({ ...o, opId: `op-${String(i).padStart(2, '0')}` }));
    await db.outbox.bulkAdd(ops);

    const result = await engine.sync();
    expect(result.pushed).toBe(13);
    expect(await engine.pendingCount()).toBe(0);
    const server = new Set((json(await pull(app, w.deviceToken)).rows as { row: { id: string } }[]).map((r) => r.row.id));
    expect([...server].sort()).toEqual(ops.filter((_, i) => i !== 7).map((o) => o.rowId).sort());
    // the refused op is kept with the server's reason, not dropped
    const rejected = await engine.rejected();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ op: { opId: 'op-07', rowId: 'g7' }, status: 413 });
    expect(rejected[0]!.message).toMatch(/at most/);
    // a later round has nothing left to push and refuses nothing again
    expect((await engine.sync()).pushed).toBe(0);
    expect(await engine.rejected()).toHaveLength(1);
  });

  it('never writes a credential to the log, in any encoding', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await h.build({ logger: { level: 'debug', stream } });
    const w = await workplaceWithDevice(app);
    const ticket = json(await app.inject({ method: 'POST', url: '/api/sync/events/ticket', headers: syncHeaders(w.deviceToken) })).ticket as string;
    const secrets = [w.deviceToken, w.sup.token, ticket];
    const pct = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');
    for (const t of secrets) {
      for (const q of ['access_token', 'access%5Ftoken', 'access%5ftoken', 'ACCESS_TOKEN', 'token', 'ticket', 'Authorization']) {
        for (const v of [t, encodeURIComponent(t), pct(t)]) {
          await app.inject({ method: 'GET', url: `/api/sync/events?${q}=${v}&schema=0` });
          await app.inject({ method: 'GET', url: `/api/sync/pull?${q}=${v}`, headers: syncHeaders(w.deviceToken) });
        }
      }
      await app.inject({ method: 'GET', url: `/api/blobs/${t}`, headers: bearer(t) });
    }
    expect(lines.length).toBeGreaterThan(50);
    const log = lines.join('\n');
    for (const t of secrets) {
      const core = t.slice(4, 24);
      const hit = lines.find((l) => l.includes(core));
      if (hit) console.log('LEAK', hit.slice(0, 600)); // the random part, whatever prefix or encoding surrounds it
      expect(log).not.toContain(core);
      expect(log).not.toContain(Buffer.from(core).toString('base64').slice(0, 16));
      expect(log).not.toContain(pct(core).slice(0, 30));
    }
  });

  it('refuses JSON nested 10,000 levels deep with a 400, not a stack overflow', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const o = op(w.workplaceId, 'goals', 'g1', {});
    const body = `{"schemaVersion":1,"ops":[${JSON.stringify(o).replace('"fields":{}', `"fields":{"text":${deep}}`)}]}`;
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...syncHeaders(w.deviceToken), 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(json(res).message).toMatch(/nested/);
  });

  it('bounds a row: it cannot grow past the limit across pushes (413), and a small edit still works', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const big = 'x'.repeat(MAX_ROW_BYTES / 2);
    expect((await push(app, w.deviceToken, [op(w.workplaceId, 'deviations', 'd1', { text: big })])).statusCode).toBe(200);
    const over = await push(app, w.deviceToken, [op(w.workplaceId, 'deviations', 'd1', { action: big })]);
    expect(over.statusCode).toBe(413);
    expect(json(over)).toMatchObject({ error: 'payload_too_large' });
    expect((await push(app, w.deviceToken, [op(w.workplaceId, 'deviations', 'd1', { status: 'handling' })])).statusCode).toBe(200);
  });

  it('bounds a pull page by bytes as well as rows', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const text = 'y'.repeat(MAX_ROW_BYTES - 2_000);
    const rows = Math.ceil((PULL_MAX_BYTES * 1.5) / text.length);
    for (let i = 0; i < rows; i += 20) {
      const ops = Array.from({ length: Math.min(20, rows - i) }, (_, j) => op(w.workplaceId, 'deviations', `d${i + j}`, { text }));
      expect((await push(app, w.deviceToken, ops)).statusCode).toBe(200);
    }
    const page = await pull(app, w.deviceToken, 0, 1000);
    expect(page.rawPayload.length).toBeLessThanOrEqual(PULL_MAX_BYTES + 100_000);
    const body = json(page);
    expect(body.rows.length).toBeLessThan(rows);
    expect(body.hasMore).toBe(true);
    const rest = json(await pull(app, w.deviceToken, body.cursor, 1000));
    expect(body.rows.length + rest.rows.length).toBe(rows);
  }, 60_000);

  it('holds a workplace to its blob quota with a 413 quota_exceeded', async () => {
    const app = await h.build({ blobQuotaBytes: 1000 });
    const w = await workplaceWithDevice(app);
    const put = (bytes: Buffer) =>
      app.inject({
        method: 'PUT',
        url: `/api/blobs/${createHash('sha256').update(bytes).digest('hex')}`,
        headers: { ...bearer(w.deviceToken), 'content-type': 'image/jpeg' },
        payload: bytes,
      });
    const first = await put(Buffer.alloc(600, 1));
    expect(first.statusCode, first.body).toBe(201);
    const over = await put(Buffer.alloc(600, 2));
    expect(over.statusCode).toBe(413);
    expect(json(over).error).toBe('quota_exceeded');
    expect((await put(Buffer.alloc(600, 1))).statusCode).toBe(201); // the same blob again costs nothing
  });

  it(`takes the documented ${PUSH_MAX_OPS} ops in one push`, async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const ops = Array.from({ length: PUSH_MAX_OPS }, () => op(w.workplaceId, 'goalProgress', randomUUID(), { goalId: 'g1', date: '2026-03-02', amount: 1, personId: null, createdAt: clock.now, updatedAt: clock.now }, stamp()));
    const res = await push(app, w.deviceToken, ops);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(json(res).acked).toHaveLength(PUSH_MAX_OPS);
  }, 60_000);

  it('makes a tablet resynchronise after the database is restored to an older state', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const other = await app.inject({ method: 'POST', url: `/api/workplaces/${w.workplaceId}/pairing-codes`, headers: bearer(w.sup.token) });
    const paired = json(await app.inject({ method: 'POST', url: '/api/pair', payload: { code: json(other).code, deviceName: 'Kitchen' } }));
    const db = new TavlaDb(`restore-${++dbCounter}`);
    const engine = createSyncEngine({ db, workplaceId: w.workplaceId, baseUrl: 'http://tavla.test', token: w.deviceToken, fetch: injectFetch(app).fetch, now: () => clock.now });

    await push(app, paired.token, [op(w.workplaceId, 'goals', 'before', { text: 'in the backup' })]);
    const backup = await snapshot(h.db);
    await push(app, paired.token, [1, 2, 3].map((i) => op(w.workplaceId, 'goals', `lost${i}`, { text: 'after the backup' })));
    await engine.sync();
    expect((await engine.readCursor()).cursor).toBe(4);

    await restore(h.db, backup);
    // after the restore another tablet pushes: these rows reuse numbers 2–4, at or below our cursor
    await push(app, paired.token, [1, 2, 3].map((i) => op(w.workplaceId, 'tasks', `new${i}`, { text: 'after the restore' })));
    await engine.sync();
    for (const i of [1, 2, 3]) expect(await db.tasks.get(`new${i}`), `new${i}`).toMatchObject({ text: 'after the restore' });
    // the tablet holds every row the restored server holds
    const server = json(await pull(app, w.deviceToken)).rows as { table: string; row: { id: string } }[];
    for (const { table, row } of server) expect(await db.table(table).get(row.id), row.id).toEqual(row);
  });

  if (backend.name === 'postgres') {
    it("serves another tenant while one workplace's lock is held (no waiting behind it)", async () => {
      const app = await h.build();
      const busyW = await workplaceWithDevice(app);
      const calm = await workplaceWithDevice(app);
      const holder = new pg.Client({ connectionString: h.info.url, options: `-c search_path=${h.info.schema}` });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select seq from workplace_counters where workplace_id = $1 for update', [busyW.workplaceId]);
        // twelve tablets of the busy workplace push at once and wait for its lock (2 s, then 503)
        let busyAnswered = 0;
        const stuck = Array.from({ length: 12 }, (_, i) =>
          push(app, busyW.deviceToken, [op(busyW.workplaceId, 'goals', `b${i}`, { text: 'waiting' })]).then((res) => {
            busyAnswered++;
            return res;
          }),
        );
        await new Promise((r) => setTimeout(r, 100));
        // the calm workplace's push, pull and a health check all answer while the busy ones still wait:
        // they neither queue behind its lock nor starve for a database connection (timings: npm run bench:sync)
        for (let i = 0; i < 5; i++) {
          for (const req of [
            () => push(app, calm.deviceToken, [op(calm.workplaceId, 'goals', `c${i}`, { text: 'calm' })]),
            () => pull(app, calm.deviceToken),
            () => app.inject({ method: 'GET', url: '/api/health' }),
          ]) {
            const res = await req();
            expect(res.statusCode).toBe(200);
            expect(busyAnswered, 'a calm request waited until the busy workplace gave up').toBe(0);
          }
        }
        const answers = await Promise.all(stuck);
        for (const res of answers) {
          expect(res.statusCode).toBe(503);
          expect(res.headers['retry-after']).toBeDefined();
          expect(json(res).error).toBe('unavailable');
        }
      } finally {
        await holder.query('rollback').catch(() => {});
        await holder.end();
      }
      // and once the lock is free the busy workplace pushes again
      expect((await push(app, busyW.deviceToken, [op(busyW.workplaceId, 'goals', 'after', { text: 'free' })])).statusCode).toBe(200);
    }, 60_000);
  }
});


/** Every table's rows: what a backup holds. */
const TABLES = ['accounts', 'sessions', 'workplaces', 'workplace_counters', 'device_tokens', 'pairing_codes', 'records', 'applied_ops', 'blobs', 'event_tickets', 'seq_epochs', 'blob_refs'];
type Snapshot = Record<string, unknown[]>;
async function snapshot(db: { query: <T>(sql: string) => Promise<{ rows: T[] }> }): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const t of TABLES) out[t] = (await db.query<{ j: unknown }>(`select to_jsonb(x) as j from ${t} x`)).rows.map((r) => r.j);
  return out;
}
/** A restore to the snapshot: everything after it is gone, as after pg_restore of an older dump. */
async function restore(db: { exec: (sql: string) => Promise<void>; query: (sql: string, p?: unknown[]) => Promise<unknown> }, snap: Snapshot) {
  await db.exec(`truncate ${TABLES.join(', ')} cascade`);
  for (const t of TABLES) {
    if (snap[t]!.length === 0) continue;
    await db.query(`insert into ${t} select * from jsonb_populate_recordset(null::${t}, $1::jsonb)`, [JSON.stringify(snap[t])]);
  }
}
