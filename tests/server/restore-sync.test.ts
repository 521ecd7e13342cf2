// @vitest-environment node
/**
 * A backup restored on a tablet reaches the server and every other tablet:
 * the restore stores the rows and a restore queue (no outbox ops, see
 * src/data/restoreQueue.ts), and the real sync engine turns the rows into
 * ops batch by batch as it pushes. A second tablet, fresh, pulls and must end
 * with exactly the restored rows and photos — on PGlite and on PostgreSQL.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createRepositories, type Repositories } from '../../src/data';
import { TavlaDb } from '../../src/data/db';
import { readRestoreQueue } from '../../src/data/restoreQueue';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SYNCED_TABLES, type SyncedRow, type SyncedTable } from '../../src/domain/types';
import { decodeBackup, encodeBackup } from '../../src/backup/archive';
import { createSyncEngine, PUSH_BATCH } from '../../src/sync/engine';
import { injectFetch } from '../helpers/injectFetch';
import { backends, bearer, clock, json, useServer, workplaceWithDevice } from './helpers';

let dbCounter = 0;

function device(): Repositories {
  const db = new TavlaDb(`restore-sync-${++dbCounter}-${crypto.randomUUID()}`);
  db.now = () => clock.now;
  return createRepositories(db);
}

async function pairAnother(app: FastifyInstance, supToken: string, workplaceId: string): Promise<string> {
  const code = json(await app.inject({ method: 'POST', url: `/api/workplaces/${workplaceId}/pairing-codes`, headers: bearer(supToken) })).code;
  return json(await app.inject({ method: 'POST', url: '/api/pair', payload: { code, deviceName: 'Kitchen' } })).token as string;
}

const engineFor = (app: FastifyInstance, repos: Repositories, workplaceId: string, token: string) =>
  createSyncEngine({ db: repos.db, workplaceId, baseUrl: 'http://tavla.test', token, fetch: injectFetch(app).fetch, now: () => clock.now });

async function rowsOf(repos: Repositories, workplaceId: string): Promise<Record<SyncedTable, SyncedRow[]>> {
  const out = {} as Record<SyncedTable, SyncedRow[]>;
  for (const t of SYNCED_TABLES) {
    const rows = ((await repos.db.table(t).toArray()) as SyncedRow[]).filter((r) => r.workplaceId === workplaceId);
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

describe.each(backends)('a restored backup syncs to another tablet ($name)', (backend) => {
  const h = useServer(backend);

  it('pushes every restored row and photo, in batches, and a fresh tablet pulls exactly them', async () => {
    const app = await h.build();
    // the tablet the backup comes from (never synced: the server has nothing of it)
    const source = device();
    const wp = await source.workplaces.create({ name: 'Testverkstan', activityType: 'carpentry', openingTime: '08:00', closingTime: '15:00', pin: '1234' });
    const ada = await source.persons.add(wp.id, { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' } });
    const face = await source.blobs.put(wp.id, new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: 'image/jpeg' }));
    await source.persons.update(ada.id, { avatar: { kind: 'photo', ref: face } });
    const goal = await source.goals.add(wp.id, { pictogramId: 'target', period: 'day', target: { kind: 'count', target: 5 } });
    await source.goals.remove(goal.id); // a tombstone must arrive as one
    const snap = await source.backup.collect(wp.id);
    // more marks than one push batch holds, some with fields written at two different stamps (two ops for one row)
    const first = formatHlc({ millis: clock.now - 86_400_000, counter: 0, node: 'oldtablet' });
    const later = formatHlc({ millis: clock.now - 3_600_000, counter: 7, node: 'oldtablet' });
    for (let i = 0; i < PUSH_BATCH + 150; i++) {
      const date = `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`;
      const fields = { personId: ada.id, date, status: i % 3 === 0 ? 'sick' : 'present', checkedInAt: null, setBy: 'self', createdAt: clock.now, updatedAt: clock.now, deleted: 0 };
      const stamps = Object.fromEntries(Object.keys(fields).map((k) => [k, i % 5 === 0 && k === 'status' ? later : first]));
      snap.tables.attendance.push({ id: `mark-${String(i).padStart(4, '0')}`, workplaceId: wp.id, ...fields, _clock: stamps } as unknown as SyncedRow);
    }
    const { snapshot } = await decodeBackup(await encodeBackup(snap, clock.now), clock.now);

    // restored on a fresh tablet of a workplace the server knows under the same id
    const w = await workplaceWithDevice(app, wp.id);
    const restored = device();
    const result = await restored.backup.restore(snapshot);
    expect(await restored.db.outbox.count()).toBe(0);
    const a = engineFor(app, restored, wp.id, w.deviceToken);
    expect(await a.pendingCount()).toBe(result.rows);
    const round = await a.sync();
    expect(round.requests).toBeGreaterThan(1); // more than one push batch
    expect(await a.pendingCount()).toBe(0);
    expect(await readRestoreQueue(restored.db, wp.id)).toBeUndefined();

    // another tablet, fresh, pulls the workplace
    const other = device();
    const b = engineFor(app, other, wp.id, await pairAnother(app, w.sup.token, wp.id));
    await b.sync();
    const expected = await rowsOf(restored, wp.id);
    const got = await rowsOf(other, wp.id);
    for (const t of SYNCED_TABLES) {
      // the server's own workplace row (created with the API) merges with the restored one: compare what the file held
      if (t === 'workplaces') continue;
      expect(got[t], t).toEqual(expected[t]);
    }
    expect(got.attendance).toHaveLength(PUSH_BATCH + 150);
    expect(got.goals.find((g) => g.id === goal.id)?.deleted).toBe(1);
    const wpRow = got.workplaces[0] as SyncedRow & { name?: string };
    expect(wpRow.name).toBe('Testverkstan');
    // the photo went up with the rows that refer to it
    const photo = await b.fetchBlob(face);
    expect(photo && new Uint8Array(await photo.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    // and the marks written at a later stamp carry the later value's stamp on the server too
    const stamped = got.attendance.find((r) => r.id === 'mark-0005')!;
    expect(stamped._clock.status).toBe(later);
    expect(stamped._clock.personId).toBe(first);
  });

  it('a restore on a tablet that edits before it syncs: the edit and the rest both arrive', async () => {
    const app = await h.build();
    const source = device();
    const wp = await source.workplaces.create({ name: 'Tvätten', activityType: 'laundry', openingTime: '08:00', closingTime: '15:00', pin: '1234' });
    const people = [];
    for (const firstName of ['Ali', 'Berit', 'Chen']) people.push(await source.persons.add(wp.id, { firstName, avatar: { kind: 'pictogram', ref: 'person' } }));
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id), clock.now), clock.now);
    const w = await workplaceWithDevice(app, wp.id);
    const restored = device();
    await restored.backup.restore(snapshot);
    clock.now += 60_000;
    await restored.persons.update(people[1]!.id, { firstName: 'Bea' });
    await restored.persons.erase(people[2]!.id);
    await engineFor(app, restored, wp.id, w.deviceToken).sync();

    const other = device();
    await engineFor(app, other, wp.id, await pairAnother(app, w.sup.token, wp.id)).sync();
    const names = ((await other.db.persons.toArray()) as (SyncedRow & { firstName?: string })[]).map((p) => [p.id, p.deleted, p.firstName]);
    expect(names.sort()).toEqual(
      [
        [people[0]!.id, 0, 'Ali'],
        [people[1]!.id, 0, 'Bea'],
        [people[2]!.id, 1, undefined],
      ].sort(),
    );
    expect(await rowsOf(other, wp.id)).toEqual({ ...(await rowsOf(restored, wp.id)), workplaces: (await rowsOf(other, wp.id)).workplaces });
  });
});
