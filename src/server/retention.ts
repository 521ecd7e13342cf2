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
 * Idempotent: it only picks rows that still hold personal data, and it takes
 * the workplace's counter lock before reading, so two replicas sweeping at
 * once take turns and the second finds nothing left. Scoped: every query
 * names the workplace; `sweepAllWorkplaces` runs one transaction per workplace.
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
  planAttendance,
  retentionCutoff,
  retentionMonthsOf,
  type DatedTable,
  type MarkRow,
} from '../domain/retention';
import { formatHlc, isHlc, parseHlc } from '../sync/shared/hlc';
import type { Db } from './db/db';
import { dropUnreferencedBlobs, pushOps } from './routes/sync/records';

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

export async function sweepWorkplace(db: Db, workplaceId: string, now: number): Promise<ServerSweepResult> {
  return db.transaction(async (tx) => {
    const none: ServerSweepResult = { workplaceId, cutoff: null, changed: 0, ops: 0, erasedBlobs: 0 };
    const lock = await tx.query('select seq from workplace_counters where workplace_id = $1 for update', [workplaceId]);
    if (lock.rows.length === 0) return none;
    const wp = await tx.query<{ data: Record<string, unknown> }>(
      "select data from records where workplace_id = $1 and tbl = 'workplaces' and id = $2 and not deleted",
      [workplaceId, workplaceId],
    );
    const cutoff = retentionCutoff(utcDate(now), retentionMonthsOf(wp.rows[0]?.data));
    const cutoffMs = Date.parse(`${cutoff}T00:00:00Z`);

    const old = await tx.query<Row>(
      `select tbl, id, data, clock from records
        where workplace_id = $1 and not deleted and tbl = any($2::text[]) and (data->>'date') collate "C" < $3`,
      [workplaceId, [...DATED_TABLES], cutoff],
    );
    const persons = await tx.query<Row>("select tbl, id, data, clock from records where workplace_id = $1 and tbl = 'persons' and not deleted", [workplaceId]);
    const expired = persons.rows.filter((p) => isExpiredPerson(p.data, cutoffMs));
    const clips = expired.length
      ? await tx.query<Row>(
          "select tbl, id, data, clock from records where workplace_id = $1 and tbl = 'voiceClips' and not deleted and data->>'key' = any($2::text[])",
          [workplaceId, expired.map((p) => `person:${p.id}`)],
        )
      : { rows: [] as Row[] };

    // What to write, as plain (table, row, fields) changes first; stamped below.
    const changes: { table: SyncedTable; rowId: string; fields: Record<string, unknown> }[] = [];
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
    for (const p of expired) changes.push({ table: 'persons', rowId: p.id, fields: { ...ERASED_PERSON_FIELDS, deleted: 1, updatedAt: now } });
    for (const c of clips.rows) changes.push({ table: 'voiceClips', rowId: c.id, fields: { deleted: 1, updatedAt: now } });
    touched.push(...expired, ...clips.rows);
    if (changes.length === 0) return { ...none, cutoff };

    // A stamp newer than every stamp it overwrites, so the anonymisation wins everywhere.
    let millis = now;
    for (const r of touched) for (const s of Object.values(r.clock ?? {})) if (isHlc(s)) millis = Math.max(millis, parseHlc(s).millis + 1);
    const hlc = formatHlc({ millis, counter: 0, node: 'retention' });
    const ops: OutboxOp[] = changes.map((c) => ({ opId: randomUUID(), table: c.table, rowId: c.rowId, workplaceId, fields: c.fields, hlc, createdAt: now }));
    const pushed = await pushOps(tx, workplaceId, ops, now);
    // blanked deviation and idea photos go when no live record still shows them
    const erased = await dropUnreferencedBlobs(tx, workplaceId, photos);
    return { workplaceId, cutoff, changed: pushed.changed, ops: ops.length, erasedBlobs: pushed.erasedBlobs.length + erased.length };
  });
}

/** Sweeps every workplace, one transaction each; a failing one does not stop the others. */
export async function sweepAllWorkplaces(db: Db, now: number, log?: FastifyInstance['log']): Promise<ServerSweepResult[]> {
  const { rows } = await db.query<{ id: string }>('select id from workplaces order by id');
  const results: ServerSweepResult[] = [];
  for (const { id } of rows) {
    try {
      const r = await sweepWorkplace(db, id, now);
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
    running = sweepAllWorkplaces(app.db, app.now(), app.log).finally(() => (running = undefined));
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
