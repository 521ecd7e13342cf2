/**
 * The sync endpoints, for paired devices only (device token, one workplace):
 *
 *   POST /api/sync/push          apply a batch of outbox ops, all or nothing
 *   GET  /api/sync/pull          rows changed after a cursor, in pages
 *   POST /api/sync/events/ticket a single-use ticket that opens one event stream
 *   GET  /api/sync/events        SSE: a `poke` with the new cursor after each change
 *
 * Each carries the sync schema version (header `x-tavla-schema`; the SSE
 * endpoint also takes `?schema=`, as EventSource cannot send headers). For
 * the same reason the SSE endpoint takes `?ticket=`: a short-lived,
 * single-use ticket fetched with the device token in the header, so no
 * long-lived credential ever appears in a URL (URLs land in proxy logs).
 * See docs/sync-protocol.md.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { OutboxOp } from '../../../domain/types';
import { SYNCED_TABLES } from '../../../domain/types';
import { unknownFields } from '../../../sync/shared/fields';
import { formatHlc, isHlc, MAX_DRIFT_MS, parseHlc } from '../../../sync/shared/hlc';
import {
  PULL_DEFAULT_LIMIT,
  PULL_MAX_LIMIT,
  SCHEMA_VERSION,
  TICKET_QUERY,
  type EventTicketResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../sync/shared/protocol';
import { deviceOf, sha256Hex } from '../../auth';
import { currentCursor } from '../../changes';
import { ApiError, badRequest, forbidden, unauthorized } from '../../errors';
import { PUSH_MAX_BYTES, PUSH_MAX_OPS, STREAMS_PER_DEVICE, TICKET_TTL_MS } from '../../limits';
import { assertSchemaVersion } from '../../schemaVersion';
import { pullRows, pushOps } from './records';

const opSchema = {
  type: 'object',
  required: ['opId', 'table', 'rowId', 'workplaceId', 'fields', 'hlc'],
  properties: {
    opId: { type: 'string', minLength: 1, maxLength: 64 },
    table: { type: 'string', enum: SYNCED_TABLES },
    rowId: { type: 'string', minLength: 1, maxLength: 200 },
    workplaceId: { type: 'string', minLength: 1, maxLength: 64 },
    fields: {
      type: 'object',
      maxProperties: 200,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    },
    hlc: { type: 'string', maxLength: 64 },
    createdAt: { type: 'number' },
    // (further properties are ignored)
  },
} as const;

const pushSchema = {
  body: {
    type: 'object',
    required: ['schemaVersion', 'ops'],
    properties: {
      schemaVersion: { type: 'integer' },
      deviceClock: { type: 'string', maxLength: 64 },
      ops: { type: 'array', maxItems: PUSH_MAX_OPS, items: opSchema },
      since: {
        type: 'object',
        required: ['cursor', 'epoch'],
        properties: {
          cursor: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
          epoch: { type: 'string', maxLength: 64 },
        },
      },
    },
  },
} as const;

const pullSchema = {
  querystring: {
    type: 'object',
    properties: {
      cursor: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
      epoch: { type: 'string', maxLength: 64 },
      limit: { type: 'integer', minimum: 1, maximum: PULL_MAX_LIMIT, default: PULL_DEFAULT_LIMIT },
    },
  },
} as const;

/** A server stamp the client feeds to its HLC's recv(). */
const serverHlc = (now: number) => formatHlc({ millis: now, counter: 0, node: 'server' });

function assertClock(stamp: string, now: number, what: string): void {
  if (!isHlc(stamp)) throw badRequest(`${what} is not an HLC stamp`);
  const ahead = parseHlc(stamp).millis - now;
  if (ahead > MAX_DRIFT_MS) {
    throw new ApiError(409, 'clock_drift', `Check the device clock: it is ${Math.round(ahead / 60_000)} minutes ahead of the server`);
  }
}

/** Shape rules the JSON schema cannot express; throws before anything is written. */
function checkOps(ops: OutboxOp[], workplaceId: string, now: number): OutboxOp[] {
  return ops.map((op) => {
    if (op.workplaceId.toLowerCase() !== workplaceId) throw forbidden(`Op ${op.opId} is for another workplace`);
    if (op.table === 'workplaces' && op.rowId.toLowerCase() !== workplaceId) throw forbidden(`Op ${op.opId} writes another workplace's settings`);
    assertClock(op.hlc, now, `Op ${op.opId}: hlc`);
    const f = op.fields;
    const unknown = unknownFields(op.table, f);
    if (unknown.length > 0) throw badRequest(`Op ${op.opId}: ${op.table} has no field ${unknown.map((n) => JSON.stringify(n)).join(', ')}`);
    if (Object.hasOwn(f, 'id') && f.id !== op.rowId) throw badRequest(`Op ${op.opId}: fields.id differs from rowId`);
    if (Object.hasOwn(f, 'workplaceId') && (typeof f.workplaceId !== 'string' || f.workplaceId.toLowerCase() !== workplaceId)) {
      throw badRequest(`Op ${op.opId}: fields.workplaceId differs from workplaceId`);
    }
    if (Object.hasOwn(f, 'deleted') && f.deleted !== 0 && f.deleted !== 1) throw badRequest(`Op ${op.opId}: deleted must be 0 or 1`);
    return { ...op, workplaceId };
  });
}

const newTicket = () => 'tvt_' + randomBytes(24).toString('base64url');

export default async function syncRoutes(app: FastifyInstance) {
  const onRequest = [app.checkSchemaVersion, app.authDevice];
  const streams = new Set<ServerResponse>();
  const streamsByDevice = new Map<string, number>();

  app.post<{ Body: PushRequest }>('/sync/push', { onRequest, schema: pushSchema, bodyLimit: PUSH_MAX_BYTES }, async (req) => {
    const me = deviceOf(req);
    assertSchemaVersion(req.body.schemaVersion);
    const now = app.now();
    if (req.body.deviceClock !== undefined) assertClock(req.body.deviceClock, now, 'deviceClock');
    const ops = checkOps(req.body.ops, me.workplaceId, now);
    // one push per workplace holds a pooled connection at a time; the rest wait here, holding none
    const result = await app.workplaceQueue.run(me.workplaceId, () => app.db.transaction((tx) => pushOps(tx, me.workplaceId, ops, now, req.body.since)));
    // committed: the pull fast path must not answer "nothing new" at the old cursor (the NOTIFY will say so too, a little later)
    if (result.changed > 0) app.changes.cursors.note(me.workplaceId, result.cursor, result.epoch);
    if (result.changed > 0) req.log.info({ workplaceId: me.workplaceId, ops: ops.length, changed: result.changed, cursor: result.cursor }, 'push applied');
    if (result.erasedBlobs.length > 0) req.log.info({ workplaceId: me.workplaceId, blobs: result.erasedBlobs.length }, 'erased photos of deleted persons');
    const body: PushResponse = {
      acked: [...new Set(ops.map((op) => op.opId))],
      cursor: result.cursor,
      epoch: result.epoch,
      caughtUp: result.caughtUp,
      serverHlc: serverHlc(now),
    };
    return body;
  });

  app.get<{ Querystring: { cursor: number; limit: number; epoch?: string } }>('/sync/pull', { onRequest, schema: pullSchema }, async (req) => {
    const me = deviceOf(req);
    const { cursor, epoch } = req.query;
    const known = app.changes.cursors;
    // Fast path: the cursor is the workplace's latest known one (same epoch), so there is nothing
    // to send; the answer is the one pullRows gives for "nothing new". The device token was still
    // checked above. Why a lagging NOTIFY cannot hide rows for long: see KnownCursors (changes.ts).
    if (app.tavla.pullFastPath && known.isCurrent(me.workplaceId, cursor, epoch)) {
      const body: PullResponse = { rows: [], cursor, epoch: epoch!, reset: false, hasMore: false, serverHlc: serverHlc(app.now()) };
      return body;
    }
    const generation = known.generation;
    const { counter, ...page } = await pullRows(app.db, me.workplaceId, cursor, req.query.limit, epoch);
    // nothing after the cursor and the cursor is the counter: remember it as current
    if (counter !== undefined && epoch !== undefined && !page.reset && page.cursor === counter && page.epoch === epoch) {
      known.noteRead(me.workplaceId, counter, epoch, generation);
    }
    const body: PullResponse = { ...page, serverHlc: serverHlc(app.now()) };
    return body;
  });

  app.post('/sync/events/ticket', { onRequest }, async (req, reply) => {
    const me = deviceOf(req);
    const ticket = newTicket();
    const now = app.now();
    const expiresAt = new Date(now + TICKET_TTL_MS);
    await app.db.query('delete from event_tickets where device_id = $1 and expires_at <= $2', [me.deviceId, new Date(now)]);
    await app.db.query('insert into event_tickets (ticket_hash, device_id, workplace_id, expires_at) values ($1, $2, $3, $4)', [
      sha256Hex(ticket),
      me.deviceId,
      me.workplaceId,
      expiresAt,
    ]);
    const body: EventTicketResponse = { ticket, expiresAt: expiresAt.toISOString() };
    return reply.code(201).send(body);
  });

  /** The event stream's credential: a ticket (used up here) or, for clients that can send one, the Authorization header. */
  const authStream = async (req: FastifyRequest) => {
    if (req.headers.authorization !== undefined) return app.authDevice(req);
    const ticket = (req.query as Record<string, unknown>)[TICKET_QUERY];
    if (typeof ticket !== 'string' || ticket.length > 100) throw unauthorized('Open the event stream with a ticket from POST /api/sync/events/ticket');
    const { rows } = await app.db.query<{ device_id: string; workplace_id: string; expires_at: Date }>(
      'delete from event_tickets where ticket_hash = $1 returning device_id, workplace_id, expires_at',
      [sha256Hex(ticket)],
    );
    const t = rows[0];
    if (!t || t.expires_at.getTime() <= app.now()) throw unauthorized('This event-stream ticket has expired or was used; fetch a new one');
    const live = await app.db.query('select 1 from device_tokens where id = $1 and revoked_at is null', [t.device_id]);
    if (live.rows.length === 0) throw unauthorized('This device is not paired (or was removed); pair it again');
    req.caller = { kind: 'device', deviceId: t.device_id, workplaceId: t.workplace_id };
  };

  app.get('/sync/events', { onRequest: [app.checkSchemaVersion, authStream], config: { schemaInQuery: true } }, async (req, reply) => {
    const me = deviceOf(req);
    const open = streamsByDevice.get(me.deviceId) ?? 0;
    if (open >= STREAMS_PER_DEVICE) {
      throw new ApiError(429, 'rate_limited', `This device already has ${open} event streams open; close one first`);
    }
    const { cursor, epoch } = await currentCursor(app.db, me.workplaceId);
    streamsByDevice.set(me.deviceId, open + 1);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
      'x-tavla-schema': String(SCHEMA_VERSION),
    });
    const poke = (c: number, e: string) => res.write(`event: poke\ndata: ${JSON.stringify({ cursor: c, epoch: e })}\n\n`);
    // EventSource reconnects with the same URL, whose ticket is used up: a client fetches a new one instead
    res.write('retry: 5000\n\n');
    poke(cursor, epoch);
    const unsubscribe = app.changes.subscribe(me.workplaceId, poke);
    streams.add(res);
    // the heartbeat keeps proxies from closing an idle stream and notices a revoked device
    const heartbeat = setInterval(() => {
      app.db.query('select 1 from device_tokens where id = $1 and revoked_at is null', [me.deviceId]).then(
        (r) => (r.rows.length > 0 ? res.write(': heartbeat\n\n') : res.end()),
        () => res.end(),
      );
    }, app.tavla.heartbeatMs);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
      const n = (streamsByDevice.get(me.deviceId) ?? 1) - 1;
      if (n > 0) streamsByDevice.set(me.deviceId, n);
      else streamsByDevice.delete(me.deviceId);
    };
    res.on('close', cleanup);
    req.log.debug({ workplaceId: me.workplaceId, cursor }, 'event stream opened');
  });

  // let shutdown finish: streams never end by themselves
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
  });
}
