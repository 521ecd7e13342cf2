/**
 * The server's side of data retention: a sweep that anonymises a
 * workplace's synced records older than its retention period (the setting
 * `retentionMonths` on the workplace row; 24 months when unset), exactly as
 * the tablets do (the rules are shared: src/domain/retention.ts).
 *
 * The sweep writes through the same path as a device's push: it builds ops
 * and hands them to `pushOps` in one transaction, so the changes get sequence
 * numbers, the tablets pull them and are poked over SSE, and erased people
 * lose their photos by the usual rule. Its stamp is the server's clock (or
 * just past the newest stamp it overwrites), node `retention`.
 *
 * Idempotent: it only changes rows that still hold personal data, and it
 * takes the workplace's counter lock before reading, so two replicas
 * sweeping at once take turns and the second finds nothing left. Bounded:
 * it works in chunks of RETENTION_CHUNK rows, one short transaction each,
 * so pushes of the same workplace wait at most one chunk and other
 * workplaces not at all. Scoped: every query names the workplace.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { OutboxOp, SyncedTable } from '../domain/types';
import {
  anonymisePatch,
  DATED_TABLES,
  ERASED_PERSON_FIELDS,
  isExpiredPerson,
  isPersonalMark,
  PERSON_TABLES,
  planAttendance,
  retentionCutoff,
  retentionMonthsOf,
  type DatedTable,
  type MarkRow,
} from '../domain/retention';
import { formatHlc, isHlc, parseHlc } from '../sync/shared/hlc';
import type { Db, Queryable } from './db/db';
import { RETENTION_CHUNK } from './limits';
import { dropUnreferencedBlobs, lockWorkplace, pushOps } from './routes/sync/records';
import type { WorkplaceQueue } from './workplaceQueue';

const HASH_RE = /^[0-9a-f]{64}$/;

export interface ServerSweepResult {
  workplaceId: string;
  cutoff: string | null;
  /** rows changed (as counted by the push) */
  changed: number;
  ops: number;
  erasedBlobs: number;
}

interface Row {
  tbl: string;
  id: string;
  data: Record<string, unknown>;
  clock: Record<string, string>;
}

/** The UTC calendar date of an instant: the server's "today". */
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface SweepOptions {
  /** rows per transaction (default RETENTION_CHUNK) */
  chunk?: number;
  /** the app's per-workplace queue, so a sweep chunk and a push take turns without holding two connections */
  queue?: WorkplaceQueue;
}

type Change = { table: SyncedTable; rowId: string; fields: Record<string, unknown> };

/** Stamps the changes just past every stamp they overwrite (so the anonymisation wins everywhere) and pushes them. */
async function pushChanges(tx: Queryable, workplaceId: string, now: number, changes: Change[], touched: Row[], photos: Set<string>) {
  let millis = now;
  for (const r of touched) for (const s of Object.values(r.clock ?? {})) if (isHlc(s)) millis = Math.max(millis, parseHlc(s).millis + 1);
  const hlc = formatHlc({ millis, counter: 0, node: 'retention' });
  const ops: OutboxOp[] = changes.map((c) => ({ opId: randomUUID(), table: c.table, rowId: c.rowId, workplaceId, fields: c.fields, hlc, createdAt: now }));
  const pushed = await pushOps(tx, workplaceId, ops, now);
  // blanked deviation and idea photos go when no live record still shows them
  const erased = await dropUnreferencedBlobs(tx, workplaceId, photos);
  return { changed: pushed.changed, ops: ops.length, erasedBlobs: pushed.erasedBlobs.length + erased.length };
}

/** The cut-off date of a workplace, read under its lock; null for an unknown workplace. */
async function lockedCutoff(tx: Queryable, workplaceId: string, now: number): Promise<string | null> {
  if ((await lockWorkplace(tx, workplaceId)) === undefined) return null;
  const wp = await tx.query<{ data: Record<string, unknown> }>(
    "select data from records where workplace_id = $1 and tbl = 'workplaces' and id = $2 and not deleted",
    [workplaceId, workplaceId],
  );
  return retentionCutoff(utcDate(now), retentionMonthsOf(wp.rows[0]?.data));
}

/**
 * One chunk of dated rows after `afterKey` in (table, id) order: anonymised
 * in one short transaction under the workplace lock. Attendance marks of a
 * day may span chunks; taken in id order with the anonymous ids written by
 * earlier chunks counted as taken, they get the same anonymous ids as one
 * pass over the whole day would give (and as a tablet's sweep gives).
 */
async function sweepDatedChunk(tx: Queryable, workplaceId: string, now: number, afterKey: [string, string], chunk: number) {
  const cutoff = await lockedCutoff(tx, workplaceId, now);
  if (cutoff === null) return null;
  const old = await tx.query<Row>(
    `select tbl, id, data, clock from records
      where workplace_id = $1 and not deleted and tbl = any($2::text[]) and (data->>'date') collate "C" < $3
        and (tbl, id) > ($4, $5)
      order by tbl, id limit $6`,
    [workplaceId, [...DATED_TABLES], cutoff, afterKey[0], afterKey[1], chunk],
  );
  const changes: Change[] = [];
  const touched: Row[] = [];
  const photos = new Set<string>();
  const marks = old.rows.filter((r) => r.tbl === 'attendance' && isPersonalMark(r.data as unknown as MarkRow));
  if (marks.length > 0) {
    const dates = [...new Set(marks.map((m) => String(m.data.date)))];
    const taken = await tx.query<{ id: string }>(
      "select id from records where workplace_id = $1 and tbl = 'attendance' and data->>'date' = any($2::text[])",
      [workplaceId, dates],
    );
    const plan = planAttendance(
      workplaceId,
      marks.map((m) => ({ ...(m.data as unknown as MarkRow), id: m.id })),
      new Set(taken.rows.map((r) => r.id)),
    );
    for (const id of plan.remove) changes.push({ table: 'attendance', rowId: id, fields: { deleted: 1, updatedAt: now } });
    for (const c of plan.create) changes.push({ table: 'attendance', rowId: c.id, fields: { ...c.fields, createdAt: now, updatedAt: now, deleted: 0 } });
    touched.push(...marks);
  }
  for (const r of old.rows) {
    if (r.tbl === 'attendance') continue;
    const patch = anonymisePatch(r.tbl as Exclude<DatedTable, 'attendance'>, r.data);
    if (!patch) continue;
    if ('photo' in patch && typeof r.data.photo === 'string' && HASH_RE.test(r.data.photo)) photos.add(r.data.photo);
    changes.push({ table: r.tbl as SyncedTable, rowId: r.id, fields: { ...patch, updatedAt: now } });
    touched.push(r);
  }
  const last = old.rows[old.rows.length - 1];
  const done = old.rows.length < chunk;
  const next: [string, string] = last ? [last.tbl, last.id] : afterKey;
  if (changes.length === 0) return { cutoff, done, next, changed: 0, ops: 0, erasedBlobs: 0 };
  return { cutoff, done, next, ...(await pushChanges(tx, workplaceId, now, changes, touched, photos)) };
}

/** Inactive persons unchanged since before the cut-off, and their name clips (few rows: one transaction). */
async function sweepPersons(tx: Queryable, workplaceId: string, now: number) {
  const cutoff = await lockedCutoff(tx, workplaceId, now);
  if (cutoff === null) return null;
  const cutoffMs = Date.parse(`${cutoff}T00:00:00Z`);
  const persons = await tx.query<Row>("select tbl, id, data, clock from records where workplace_id = $1 and tbl = 'persons' and not deleted", [workplaceId]);
  const expired = persons.rows.filter((p) => isExpiredPerson(p.data, cutoffMs));
  if (expired.length === 0) return { cutoff, changed: 0, ops: 0, erasedBlobs: 0 };
  const clips = await tx.query<Row>(
    "select tbl, id, data, clock from records where workplace_id = $1 and tbl = 'voiceClips' and not deleted and data->>'key' = any($2::text[])",
    [workplaceId, expired.map((p) => `person:${p.id}`)],
  );
  // their personal plan's goals, follow-ups and skills go with them
  const owned = await tx.query<Row>(
    "select tbl, id, data, clock from records where workplace_id = $1 and tbl = any($2::text[]) and not deleted and data->>'personId' = any($3::text[])",
    [workplaceId, [...PERSON_TABLES], expired.map((p) => p.id)],
  );
  const changes: Change[] = [];
  for (const p of expired) changes.push({ table: 'persons', rowId: p.id, fields: { ...ERASED_PERSON_FIELDS, deleted: 1, updatedAt: now } });
  for (const c of clips.rows) changes.push({ table: 'voiceClips', rowId: c.id, fields: { deleted: 1, updatedAt: now } });
  for (const r of owned.rows) changes.push({ table: r.tbl as SyncedTable, rowId: r.id, fields: { deleted: 1, updatedAt: now } });
  return { cutoff, ...(await pushChanges(tx, workplaceId, now, changes, [...expired, ...clips.rows, ...owned.rows], new Set())) };
}

/**
 * Sweeps one workplace in chunks of at most `chunk` rows, each its own short
 * transaction: anonymising 50,000 rows in one transaction once held the
 * workplace's lock (and, on PGlite, the only connection) for seconds.
 * A crash between chunks leaves a consistent, partly swept workplace; the
 * next sweep finds the rest.
 */
export async function sweepWorkplace(db: Db, workplaceId: string, now: number, opts: SweepOptions = {}): Promise<ServerSweepResult> {
  const chunk = opts.chunk ?? RETENTION_CHUNK;
  const turn = <T>(fn: (tx: Queryable) => Promise<T>) =>
    opts.queue ? opts.queue.run(workplaceId, () => db.transaction(fn)) : db.transaction(fn);
  const total: ServerSweepResult = { workplaceId, cutoff: null, changed: 0, ops: 0, erasedBlobs: 0 };
  const add = (r: { cutoff: string; changed: number; ops: number; erasedBlobs: number }) => {
    total.cutoff = r.cutoff;
    total.changed += r.changed;
    total.ops += r.ops;
    total.erasedBlobs += r.erasedBlobs;
  };
  let afterKey: [string, string] = ['', ''];
  for (;;) {
    const r = await turn((tx) => sweepDatedChunk(tx, workplaceId, now, afterKey, chunk));
    if (!r) return total;
    add(r);
    if (r.done) break;
    afterKey = r.next;
  }
  const p = await turn((tx) => sweepPersons(tx, workplaceId, now));
  if (p) add(p);
  return total;
}

/** Sweeps every workplace, one transaction each; a failing one does not stop the others. */
export async function sweepAllWorkplaces(db: Db, now: number, log?: FastifyInstance['log'], queue?: WorkplaceQueue): Promise<ServerSweepResult[]> {
  const { rows } = await db.query<{ id: string }>('select id from workplaces order by id');
  const results: ServerSweepResult[] = [];
  for (const { id } of rows) {
    try {
      const r = await sweepWorkplace(db, id, now, { queue });
      results.push(r);
      if (r.changed > 0) log?.info({ workplaceId: id, cutoff: r.cutoff, changed: r.changed, erasedBlobs: r.erasedBlobs }, 'retention: anonymised old records');
    } catch (err) {
      log?.error({ err, workplaceId: id }, 'retention sweep failed');
    }
  }
  return results;
}

/** Runs the sweep a minute after start and then every `intervalMs`, for the life of the app. */
export function registerRetentionSweeps(app: FastifyInstance, intervalMs: number): void {
  // setInterval takes at most 2^31 − 1 ms (about 24 days); longer would fire at once, over and over
  intervalMs = Math.min(intervalMs, 2_147_483_647);
  let timer: ReturnType<typeof setInterval> | undefined;
  let first: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  const run = () => {
    if (running) return;
    running = sweepAllWorkplaces(app.db, app.now(), app.log, app.workplaceQueue).finally(() => (running = undefined));
  };
  app.addHook('onReady', async () => {
    first = setTimeout(run, Math.min(60_000, intervalMs));
    first.unref();
    timer = setInterval(run, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  });
}
