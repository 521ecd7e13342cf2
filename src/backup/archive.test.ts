// @vitest-environment node
// (node: its Blob survives IndexedDB's structured clone; jsdom's arrives as an empty object)
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb, type Repositories } from '../data';
import type { WorkplaceSnapshot } from '../data/repos/backup';
import { ForeignRowError, WorkplaceExistsError } from '../data/repos/backup';
import { countMarks } from '../domain/dailyCounts';
import { countMonths } from '../domain/monthlyCounts';
import { rebuildAttendanceDaily } from '../data/attendanceDaily';
import { blobRefs } from '../sync/shared/blobRefs';
import { writeRecord } from '../data/writer';
import { materializeRestoreOps, pendingRestores, readRestoreQueue, RESTORE_QUEUE_PREFIX } from '../data/restoreQueue';
import { SYNCED_TABLES, type AttendanceMark, type SyncedRow, type VoiceClip } from '../domain/types';
import { applyOp, type MergeableRow } from '../sync/shared/merge';
import { BACKUP_VERSION, BackupError, DATA_PATH, decodeBackup, encodeBackup, MANIFEST_PATH } from './archive';

const freshRepos = () => createRepositories(new TavlaDb(`backup-${crypto.randomUUID()}`));

const seedWorkplace = (repos: Repositories, overrides: { name?: string } = {}) =>
  repos.workplaces.create({ name: 'Testverkstan', activityType: 'carpentry', openingTime: '08:00', closingTime: '15:00', pin: '1234', ...overrides });

async function seedPeople(repos: Repositories, workplaceId: string, names: string[]) {
  const people = [];
  for (const firstName of names) people.push(await repos.persons.add(workplaceId, { firstName, avatar: { kind: 'pictogram', ref: 'person' } }));
  return people;
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** A workplace with a bit of everything: photos, a custom pictogram, a voice clip, a tombstone. */
async function busyWorkplace(repos: Repositories) {
  const wp = await seedWorkplace(repos);
  const [ada, bo] = await seedPeople(repos, wp.id, ['Ada', 'Bo']);
  const face = await repos.blobs.put(wp.id, new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: 'image/jpeg' }));
  await repos.persons.update(ada!.id, { avatar: { kind: 'photo', ref: face } });
  await repos.attendance.setStatus(wp.id, ada!.id, '2026-03-02', 'present');
  await repos.attendance.setStatus(wp.id, bo!.id, '2026-03-02', 'sick');
  const photo = await repos.blobs.put(wp.id, new Blob([new Uint8Array(2000).fill(7)], { type: 'image/webp' }));
  const dev = await repos.deviations.report(wp.id, { category: 'brokenTool', date: '2026-03-02', photo, reportedBy: bo!.id, text: 'Saw is dull' });
  await repos.deviations.setStatus(dev.id, 'handling');
  await repos.improvements.propose(wp.id, { date: '2026-03-03', proposedBy: ada!.id, text: 'Hooks for aprons' });
  const goal = await repos.goals.add(wp.id, { pictogramId: 'target', period: 'day', target: { kind: 'count', target: 5 } });
  await repos.goals.remove(goal.id); // a tombstone travels too
  await repos.pictograms.addCustom(wp.id, { label: 'Our van', image: new Blob(['png-bytes'], { type: 'image/png' }) });
  const clip = await repos.blobs.put(wp.id, new Blob(['ogg-bytes'], { type: 'audio/ogg' }));
  await writeRecord<VoiceClip>(repos.db, 'voiceClips', wp.id, 'clip-1', { key: `person:${ada!.id}`, lang: 'sv', blob: clip, durationMs: 800, mimeType: 'audio/ogg' });
  return { wp, ada: ada!, bo: bo!, face, photo, clip };
}

const rowsOf = async (repos: Repositories, table: (typeof SYNCED_TABLES)[number], workplaceId: string) =>
  (await repos.db.table(table).toArray()).filter((r: SyncedRow) => r.workplaceId === workplaceId) as SyncedRow[];

async function everything(repos: Repositories, workplaceId: string) {
  const snap = await repos.backup.collect(workplaceId);
  const blobs = await Promise.all(snap.blobs.map(async (b) => ({ hash: b.hash, type: b.type, size: b.size, createdAt: b.createdAt, bytes: Array.from(await bytesOf(b.data)) })));
  return { tables: snap.tables, blobs };
}

/** The kept attendance aggregates, and a recount of them from the marks on the device. */
async function aggregates(repos: Repositories) {
  const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
  const marks = await repos.db.attendance.toArray();
  return {
    kept: { daily: byKey(await repos.db.attendanceDaily.toArray()), monthly: byKey(await repos.db.attendanceMonthly.toArray()) },
    recount: { daily: byKey([...countMarks(marks).values()]), monthly: byKey([...countMonths(marks).values()]) },
  };
}

/** Everything on the device, every table. */
async function wholeDevice(repos: Repositories) {
  const out: Record<string, unknown[]> = {};
  for (const t of repos.db.tables) {
    const rows = await t.toArray();
    out[t.name] = t.name === 'blobs' ? rows.map((b: { hash: string; size: number }) => [b.hash, b.size]) : rows;
  }
  return out;
}

async function nothingStored(repos: Repositories) {
  const queues = repos.db.meta.where('key').startsWith(RESTORE_QUEUE_PREFIX).count();
  const counts = await Promise.all([...SYNCED_TABLES.map((t) => repos.db.table(t).count()), repos.db.blobs.count(), repos.db.outbox.count(), queues]);
  return counts.every((n) => n === 0);
}

/** Opens a backup, lets the test change its files, and zips it again. */
function tamper(file: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(file);
  change(files);
  return zipSync(files);
}

const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files[MANIFEST_PATH]!));

describe('backup round trip', () => {
  it('reproduces every row and blob exactly on another device', async () => {
    const source = freshRepos();
    const { wp, face, photo, clip } = await busyWorkplace(source);
    const file = await encodeBackup(await source.backup.collect(wp.id));

    const target = freshRepos();
    const { snapshot, manifest } = await decodeBackup(file);
    expect(manifest.workplace).toEqual({ id: wp.id, name: 'Testverkstan' });
    expect(manifest.version).toBe(BACKUP_VERSION);
    expect(manifest.blobs).toHaveLength(4); // face, deviation photo, voice clip, custom pictogram
    expect(manifest.blobs.map((b) => b.sha256)).toEqual(expect.arrayContaining([face, photo, clip]));
    await target.backup.restore(snapshot);

    const before = await everything(source, wp.id);
    const after = await everything(target, wp.id);
    expect(after).toEqual(before);
    expect(before.tables.goals).toHaveLength(1);
    expect(before.tables.goals[0]!.deleted).toBe(1);
    expect(before.blobs).toHaveLength(4);
  });

  it('reads the file as the file picker hands it over (a Blob): photos are the bytes of that file, also when a tool deflated them', async () => {
    const source = freshRepos();
    const { wp } = await busyWorkplace(source);
    const file = await encodeBackup(await source.backup.collect(wp.id));
    const before = await everything(source, wp.id);
    // as written (photos stored as they are: slices of the file), and zipped again by a tool that deflates everything
    const deflated = zipSync(unzipSync(file), { level: 6 });
    for (const bytes of [file, deflated]) {
      const target = freshRepos();
      const { snapshot } = await decodeBackup(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      expect(snapshot.blobs.map((b) => [b.hash, b.type, b.data.type, b.data.size])).toEqual(before.blobs.map((b) => [b.hash, b.type, b.type, b.size]));
      await target.backup.restore(snapshot);
      expect(await everything(target, wp.id)).toEqual(before);
    }
    // a photo changed in the file is refused from a Blob too
    const face = before.blobs[0]!.hash;
    const bad = tamper(file, (files) => {
      files[`blobs/${face}`] = files[`blobs/${face}`]!.map((b, i) => (i === 0 ? b ^ 0xff : b));
    });
    await expect(decodeBackup(new Blob([bad as Uint8Array<ArrayBuffer>]))).rejects.toMatchObject({ problem: 'damaged' });
  });

  it('queues ops that rebuild every row exactly as a server merging them would', async () => {
    const source = freshRepos();
    const { wp } = await busyWorkplace(source);
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id)));
    const target = freshRepos();
    const result = await target.backup.restore(snapshot);
    // the rows wait in the restore queue, and become ops as the engine asks for them (a few at a time here)
    expect(await target.db.outbox.count()).toBe(0);
    expect(await target.sync.pendingCount(wp.id)).toBe(result.rows);
    let steps = 0;
    while ((await materializeRestoreOps(target.db, wp.id, 3)) > 0) steps++;
    expect(steps).toBeGreaterThan(3);
    expect(await readRestoreQueue(target.db, wp.id)).toBeUndefined();
    const ops = await target.db.outbox.toArray();
    const perRow = Object.values(snapshot.tables).flat().reduce((n, r) => n + new Set(Object.values(r._clock)).size, 0);
    expect(ops).toHaveLength(perRow); // one op per row and stamp, none twice
    expect(await target.sync.pendingCount(wp.id)).toBe(perRow);
    const rebuilt = new Map<string, MergeableRow>();
    for (const op of ops.sort(() => Math.random() - 0.5)) {
      const key = `${op.table}/${op.rowId}`;
      rebuilt.set(key, applyOp(rebuilt.get(key), op));
    }
    for (const table of SYNCED_TABLES) {
      for (const row of snapshot.tables[table]) expect(rebuilt.get(`${table}/${row.id}`), `${table}/${row.id}`).toEqual(row);
    }
    // later edits on the new device win over every imported stamp
    const clock = (await target.db.meta.get('hlc'))!.value as { millis: number };
    const newest = Math.max(...Object.values(snapshot.tables).flat().flatMap((r) => Object.values(r._clock).map((s) => Number(s.slice(0, 15)))));
    expect(clock.millis).toBeGreaterThanOrEqual(newest);
  });

  it('sends the restored rows as they are when sent: edits and erasures since the restore included, no other workplace', async () => {
    const source = freshRepos();
    const { wp, ada, bo } = await busyWorkplace(source);
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id)));
    const device = freshRepos();
    const other = await seedWorkplace(device, { name: 'Tvätten' });
    const [dana] = await seedPeople(device, other.id, ['Dana']);
    await device.db.outbox.clear(); // the other workplace's own ops are not what this test looks at
    await device.backup.restore(snapshot);
    await device.persons.update(bo.id, { firstName: 'Bosse' });
    await device.persons.erase(ada.id);
    while ((await materializeRestoreOps(device.db, wp.id, 2)) > 0);
    const ops = await device.db.outbox.toArray();
    expect(ops.every((o) => o.workplaceId === wp.id)).toBe(true);
    expect(ops.some((o) => o.rowId === dana!.id)).toBe(false);
    // what a server merging every op (in any order) ends with: the rows on this device now
    const rebuilt = new Map<string, MergeableRow>();
    for (const op of ops.sort(() => Math.random() - 0.5)) rebuilt.set(`${op.table}/${op.rowId}`, applyOp(rebuilt.get(`${op.table}/${op.rowId}`), op));
    for (const table of SYNCED_TABLES) {
      for (const row of await rowsOf(device, table, wp.id)) expect(rebuilt.get(`${table}/${row.id}`), `${table}/${row.id}`).toEqual(row);
    }
    expect(rebuilt.get(`persons/${bo.id}`)).toMatchObject({ firstName: 'Bosse' });
    // an erased person's name never leaves the tablet
    expect(JSON.stringify(ops)).not.toContain('Ada');
  });

  it('forgets restored rows not sent yet when the workplace is removed from the device', async () => {
    const source = freshRepos();
    const { wp } = await busyWorkplace(source);
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id)));
    const device = freshRepos();
    await device.backup.restore(snapshot);
    expect(await readRestoreQueue(device.db, wp.id)).toBeDefined();
    await device.workplaces.eraseFromDevice(wp.id);
    expect(await readRestoreQueue(device.db, wp.id)).toBeUndefined();
    expect(await materializeRestoreOps(device.db, wp.id, 10)).toBe(0);
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('reads a file zipped again by another tool (a comment, deflated photos), with or without the browser inflating', async () => {
    const source = freshRepos();
    const { wp, photo } = await busyWorkplace(source);
    const file = await encodeBackup(await source.backup.collect(wp.id));
    const expected = await decodeBackup(file);
    const rezipped = zipSync(
      Object.fromEntries(Object.entries(unzipSync(file)).map(([name, bytes]) => [name, [bytes, { level: 9, comment: 'from a file manager' }]])),
      { comment: 'made again elsewhere' },
    );
    const read = await decodeBackup(rezipped);
    expect(read.snapshot.tables).toEqual(expected.snapshot.tables);
    const bytes = await bytesOf(read.snapshot.blobs.find((b) => b.hash === photo)!.data);
    expect(Array.from(bytes)).toEqual(Array(2000).fill(7));
    // a browser without DecompressionStream: the same, inflated in JavaScript
    const native = globalThis.DecompressionStream;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      expect((await decodeBackup(rezipped)).snapshot.tables).toEqual(expected.snapshot.tables);
    } finally {
      globalThis.DecompressionStream = native;
    }
  });

  it('lists photos the exporting device never downloaded instead of failing', async () => {
    const source = freshRepos();
    const { wp, photo } = await busyWorkplace(source);
    await source.db.blobs.delete(photo);
    const snap = await source.backup.collect(wp.id);
    expect(snap.missingBlobs).toEqual([photo]);
    const { snapshot } = await decodeBackup(await encodeBackup(snap));
    const target = freshRepos();
    await target.backup.restore(snapshot);
    expect(await target.db.blobs.get(photo)).toBeUndefined();
    expect((await target.db.deviations.toArray())[0]!.photo).toBe(photo);
  });
});

describe('a bad backup file is rejected whole, nothing written', () => {
  async function fileAndTarget() {
    const source = freshRepos();
    const made = await busyWorkplace(source);
    return { ...made, file: await encodeBackup(await source.backup.collect(made.wp.id)), target: freshRepos() };
  }

  async function rejects(file: Uint8Array, target: Repositories, problem: string) {
    const err = await decodeBackup(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).problem).toBe(problem);
    expect((err as BackupError).key).toBe(`backup.error.${problem}`);
    expect(await nothingStored(target)).toBe(true);
  }

  it('a truncated file', async () => {
    const { file, target } = await fileAndTarget();
    await rejects(file.slice(0, Math.floor(file.length * 0.7)), target, 'damaged');
    await rejects(file.slice(0, 30), target, 'damaged');
  });

  it('something that is not a backup at all', async () => {
    const { target } = await fileAndTarget();
    await rejects(strToU8('name;present\nAda;3\n'), target, 'notBackup');
    await rejects(zipSync({ 'readme.txt': strToU8('hello') }), target, 'notBackup');
  });

  it('a photo whose bytes do not match its checksum', async () => {
    const { file, target, photo } = await fileAndTarget();
    const bad = tamper(file, (files) => {
      files[`blobs/${photo}`] = files[`blobs/${photo}`]!.map((b, i) => (i === 10 ? b ^ 0xff : b));
    });
    await rejects(bad, target, 'damaged');
  });

  it('edited rows (data.json checksum)', async () => {
    const { file, target } = await fileAndTarget();
    const bad = tamper(file, (files) => {
      files[DATA_PATH] = strToU8(strFromU8(files[DATA_PATH]!).replace('Ada', 'Eve'));
    });
    await rejects(bad, target, 'damaged');
  });

  it('a file from a newer version of Tavla', async () => {
    const { file, target } = await fileAndTarget();
    const bad = tamper(file, (files) => {
      files[MANIFEST_PATH] = strToU8(JSON.stringify({ ...manifestOf(files), version: BACKUP_VERSION + 1 }));
    });
    await rejects(bad, target, 'newerVersion');
  });

  it('a missing photo file, or a record pointing at a photo the file does not have', async () => {
    const { file, target, photo } = await fileAndTarget();
    await rejects(
      tamper(file, (files) => delete files[`blobs/${photo}`]),
      target,
      'damaged',
    );
    const dropped = tamper(file, (files) => {
      delete files[`blobs/${photo}`];
      const m = manifestOf(files);
      files[MANIFEST_PATH] = strToU8(JSON.stringify({ ...m, blobs: m.blobs.filter((b: { hash: string }) => b.hash !== photo) }));
    });
    await rejects(dropped, target, 'damaged');
  });

  it('rows of another workplace smuggled into the file', async () => {
    const { file, target } = await fileAndTarget();
    const bad = tamper(file, (files) => {
      const data = JSON.parse(strFromU8(files[DATA_PATH]!));
      data.tables.persons[0].workplaceId = 'someone-else';
      files[DATA_PATH] = strToU8(JSON.stringify(data));
      const m = manifestOf(files);
      files[MANIFEST_PATH] = strToU8(JSON.stringify({ ...m, data: { ...m.data, size: files[DATA_PATH]!.length, sha256: 'x' } }));
    });
    await rejects(bad, target, 'damaged');
  });

  it('stamps from the future (a device with a wrong clock)', async () => {
    const { file, target } = await fileAndTarget();
    await expect(decodeBackup(file, Date.now() - 60 * 60_000)).rejects.toMatchObject({ problem: 'clock' });
    expect(await nothingStored(target)).toBe(true);
  });

  it('a failure while writing leaves no half-imported workplace', async () => {
    const { file, target } = await fileAndTarget();
    const { snapshot } = await decodeBackup(file);
    const broken: WorkplaceSnapshot = {
      ...snapshot,
      tables: { ...snapshot.tables, tasks: [{ ...(snapshot.tables.persons[0] as SyncedRow), id: undefined as unknown as string }] },
    };
    await expect(target.backup.restore(broken)).rejects.toThrow();
    expect(await nothingStored(target)).toBe(true);
  });
});

describe('attendance counts after a restore', () => {
  /** A workplace with marks over two months: check-ins (late, with a time), a supervisor's marks, an undo. */
  async function markedWorkplace(repos: Repositories) {
    const made = await busyWorkplace(repos);
    const { wp, ada, bo } = made;
    for (const date of ['2026-02-26', '2026-02-27', '2026-03-03', '2026-03-04']) {
      await repos.attendance.checkIn(wp.id, ada.id, date, '08:00', Date.parse(`${date}T08:20:00+01:00`));
      await repos.attendance.setStatus(wp.id, bo.id, date, date < '2026-03-01' ? 'leave' : 'absentNotified');
    }
    await repos.attendance.undoCheckIn(wp.id, ada.id, '2026-03-04', Date.parse('2026-03-04T08:30:00+01:00'));
    return made;
  }

  it('equal a recount of the marks, on a fresh device and when replacing beside another workplace', async () => {
    const source = freshRepos();
    const { wp } = await markedWorkplace(source);
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id)));

    const fresh = freshRepos();
    await fresh.backup.restore(snapshot);
    const restored = await aggregates(fresh);
    expect(restored.kept).toEqual(restored.recount);
    expect(restored.kept.daily.length).toBeGreaterThan(0);
    expect(restored.kept.monthly.map((m) => m.month)).toEqual(expect.arrayContaining(['2026-02', '2026-03']));
    // the same rows as the device the file came from kept
    expect(restored.kept).toEqual((await aggregates(source)).kept);

    // a device with this workplace (changed since) and another one: replace
    const device = freshRepos();
    await device.backup.restore(snapshot);
    const other = await seedWorkplace(device, { name: 'Tvätten' });
    const [dana] = await seedPeople(device, other.id, ['Dana']);
    await device.attendance.setStatus(other.id, dana!.id, '2026-03-03', 'present');
    const [cy] = await seedPeople(device, wp.id, ['Cy']);
    await device.attendance.setStatus(wp.id, cy!.id, '2026-03-03', 'sick');
    await device.backup.restore(snapshot, { replace: true });
    const replaced = await aggregates(device);
    expect(replaced.kept).toEqual(replaced.recount);
    expect(await device.db.attendanceDaily.get(`${other.id}|2026-03-03`)).toMatchObject({ present: 1 });
    expect(await device.db.attendanceDaily.get(`${wp.id}|2026-03-03`)).toMatchObject({ sick: 0, late: 1, absentNotified: 1 });
    // and what a full recount would write is what is there
    await rebuildAttendanceDaily(device.db);
    expect((await aggregates(device)).kept).toEqual(replaced.kept);
  });

  it('a restore that fails half-way leaves the data already on the device as it was, counts included', async () => {
    const repos = freshRepos();
    const { wp } = await markedWorkplace(repos);
    const { snapshot } = await decodeBackup(await encodeBackup(await repos.backup.collect(wp.id)));
    const [cy] = await seedPeople(repos, wp.id, ['Cy']);
    await repos.attendance.setStatus(wp.id, cy!.id, '2026-03-05', 'present');
    const before = await wholeDevice(repos);
    // the marks, blobs and ops are written before the broken table fails
    const broken: WorkplaceSnapshot = {
      ...snapshot,
      tables: { ...snapshot.tables, surveyAnswers: [{ ...(snapshot.tables.persons[0] as SyncedRow), id: undefined as unknown as string }] },
    };
    await expect(repos.backup.restore(broken, { replace: true })).rejects.toThrow();
    expect(await wholeDevice(repos)).toEqual(before);
    const after = await aggregates(repos);
    expect(after.kept).toEqual(after.recount);
    expect(await repos.db.attendanceDaily.get(`${wp.id}|2026-03-05`)).toMatchObject({ present: 1 });
  });

  it('never overwrites a row another workplace on the device has the same id for', async () => {
    const source = freshRepos();
    const { wp } = await markedWorkplace(source);
    const { snapshot } = await decodeBackup(await encodeBackup(await source.backup.collect(wp.id)));
    const device = freshRepos();
    const other = await seedWorkplace(device, { name: 'Tvätten' });
    const mark = snapshot.tables.attendance[0]!;
    await device.db.attendance.put({ ...(mark as unknown as AttendanceMark), workplaceId: other.id });
    const before = await wholeDevice(device);
    await expect(device.backup.restore(snapshot)).rejects.toBeInstanceOf(ForeignRowError);
    expect(await wholeDevice(device)).toEqual(before);
  });
});

describe('a restore that stores the attendance history after the board', () => {
  /** busyWorkplace with marks before and on "today" (2026-03-04), and its decoded backup. */
  async function source() {
    const repos = freshRepos();
    const made = await busyWorkplace(repos);
    const { wp, ada, bo } = made;
    for (const date of ['2026-02-26', '2026-02-27', '2026-03-03', '2026-03-04']) {
      await repos.attendance.checkIn(wp.id, ada.id, date, '08:00', Date.parse(`${date}T08:20:00+01:00`));
      await repos.attendance.setStatus(wp.id, bo.id, date, 'sick');
    }
    const { snapshot } = await decodeBackup(await encodeBackup(await repos.backup.collect(wp.id)));
    return { repos, ...made, snapshot };
  }
  const TODAY = '2026-03-04';

  it("stores today's marks and every other row first, counts of the whole file included; the history and the sync queue after", async () => {
    const { repos, wp, snapshot } = await source();
    const device = freshRepos();
    const result = await device.backup.restore(snapshot, { historyBefore: TODAY });
    expect(result.pending).toBe(true);
    expect((await device.db.attendance.toArray()).map((m) => m.date)).toEqual([TODAY, TODAY]);
    expect(await pendingRestores(device.db)).toEqual([wp.id]);
    // nothing of the file is sent before all of it is stored
    expect(await readRestoreQueue(device.db, wp.id)).toBeUndefined();
    // the trends and reports read whole counts from the start
    const early = await aggregates(device);
    expect(early.kept).toEqual((await aggregates(repos)).kept);

    expect(await device.backup.finishRestore(wp.id)).toBe(true);
    expect(await everything(device, wp.id)).toEqual(await everything(repos, wp.id));
    const counts = await aggregates(device);
    expect(counts.kept).toEqual(counts.recount);
    expect(await pendingRestores(device.db)).toEqual([]);
    expect(await device.sync.pendingCount(wp.id)).toBe(result.rows);
    expect(await device.backup.finishRestore(wp.id)).toBe(false); // once
  });

  it('never overwrites a mark written meanwhile: merged field by field, counts recounted', async () => {
    const { wp, bo, snapshot } = await source();
    const device = freshRepos();
    await device.backup.restore(snapshot, { historyBefore: TODAY });
    // the supervisor corrects a past day before its marks are stored
    await device.attendance.setStatus(wp.id, bo.id, '2026-02-27', 'leave');
    await device.backup.finishRestore(wp.id);
    const marks = await device.attendance.between(wp.id, '2026-02-27', '2026-02-27');
    expect(marks.find((m) => m.personId === bo.id)).toMatchObject({ status: 'leave' });
    expect(marks).toHaveLength(2);
    const counts = await aggregates(device);
    expect(counts.kept).toEqual(counts.recount);
  });

  it('is dropped, not stored, when the workplace was removed from the device meanwhile', async () => {
    const { wp, snapshot } = await source();
    const device = freshRepos();
    await device.backup.restore(snapshot, { historyBefore: TODAY });
    await device.workplaces.eraseFromDevice(wp.id);
    expect(await pendingRestores(device.db)).toEqual([]);
    expect(await device.backup.finishRestore(wp.id)).toBe(false);
    expect(await nothingStored(device)).toBe(true);
  });

  it('a damaged file still stores nothing, not even a pending history', async () => {
    const { repos, wp } = await source();
    const file = tamper(await encodeBackup(await repos.backup.collect(wp.id)), (files) => {
      files[DATA_PATH] = strToU8(strFromU8(files[DATA_PATH]!).replace('Testverkstan', 'Testverkstad'));
    });
    const device = freshRepos();
    await expect(decodeBackup(file)).rejects.toBeInstanceOf(BackupError);
    expect(await pendingRestores(device.db)).toEqual([]);
  });
});

describe('importing a workplace that is already on the device', () => {
  it('refuses without a choice, and leaves everything as it was', async () => {
    const repos = freshRepos();
    const { wp } = await busyWorkplace(repos);
    const { snapshot } = await decodeBackup(await encodeBackup(await repos.backup.collect(wp.id)));
    await repos.persons.add(wp.id, { firstName: 'Cy', avatar: { kind: 'pictogram', ref: 'person' } });
    const before = await everything(repos, wp.id);
    const outbox = await repos.db.outbox.count();
    await expect(repos.backup.restore(snapshot)).rejects.toBeInstanceOf(WorkplaceExistsError);
    expect(await everything(repos, wp.id)).toEqual(before);
    expect(await repos.db.outbox.count()).toBe(outbox);
    expect(await readRestoreQueue(repos.db, wp.id)).toBeUndefined();
  });

  it('replaces it when asked: the backup as it was, later additions gone, pull cursor reset', async () => {
    const repos = freshRepos();
    const { wp } = await busyWorkplace(repos);
    const saved = await everything(repos, wp.id);
    const { snapshot } = await decodeBackup(await encodeBackup(await repos.backup.collect(wp.id)));
    await repos.persons.add(wp.id, { firstName: 'Cy', avatar: { kind: 'pictogram', ref: 'person' } });
    await repos.db.meta.put({ key: `syncCursor:${wp.id}`, value: 42 });
    await repos.backup.restore(snapshot, { replace: true });
    expect(await everything(repos, wp.id)).toEqual(saved);
    expect(await repos.db.meta.get(`syncCursor:${wp.id}`)).toBeUndefined();
  });

  it('never touches another workplace on the same device', async () => {
    const repos = freshRepos();
    const { wp } = await busyWorkplace(repos);
    const other = await seedWorkplace(repos, { name: 'Tvätten' });
    await seedPeople(repos, other.id, ['Dana']);
    const otherBefore = await everything(repos, other.id);
    const { snapshot } = await decodeBackup(await encodeBackup(await repos.backup.collect(wp.id)));
    await repos.backup.restore(snapshot, { replace: true });
    expect(await everything(repos, other.id)).toEqual(otherBefore);
  });
});

describe('which blobs a record refers to', () => {
  it('finds photos, pictogram images and voice clips, nothing else (one list for sync and backup)', () => {
    const h = 'a'.repeat(64);
    const rows: [Parameters<typeof blobRefs>[0], Record<string, unknown>, string[]][] = [
      ['persons', { avatar: { kind: 'photo', ref: h } }, [h]],
      ['persons', { avatar: { kind: 'pictogram', ref: 'person' } }, []],
      ['deviations', { photo: h }, [h]],
      ['improvements', { photo: null }, []],
      ['pictograms', { blob: h }, [h]],
      ['voiceClips', { blob: h }, [h]],
      ['tasks', { photo: h }, []],
    ];
    for (const [table, row, expected] of rows) expect(blobRefs(table, row), table).toEqual(expected);
  });
});
