/**
 * The sync endpoints, for paired devices only (device token, one workplace):
 *
 *   POST /api/sync/push    apply a batch of outbox ops, all or nothing
 *   GET  /api/sync/pull    rows changed after a cursor, in pages
 *   GET  /api/sync/events  SSE: a `poke` with the new cursor after each change
 *
 * Each carries the sync schema version (header `x-tavla-schema`; the SSE
 * endpoint also takes `?schema=` and `?access_token=`, as EventSource cannot
 * send headers). See docs/sync-protocol.md.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { OutboxOp } from '../../../domain/types';
import { SYNCED_TABLES } from '../../../domain/types';
import { formatHlc, isHlc, MAX_DRIFT_MS, parseHlc } from '../../../sync/shared/hlc';
import {
  PULL_DEFAULT_LIMIT,
  PULL_MAX_LIMIT,
  PUSH_MAX_OPS,
  SCHEMA_VERSION,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../sync/shared/protocol';
import { assertSchemaVersion } from '../../app';
import { authenticate, deviceOf } from '../../auth';
import { currentCursor } from '../../changes';
import { ApiError, badRequest, forbidden } from '../../errors';
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
    },
  },
} as const;

const pullSchema = {
  querystring: {
    type: 'object',
    properties: {
      cursor: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
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
    if ('id' in f && f.id !== op.rowId) throw badRequest(`Op ${op.opId}: fields.id differs from rowId`);
    if ('workplaceId' in f && (typeof f.workplaceId !== 'string' || f.workplaceId.toLowerCase() !== workplaceId)) {
      throw badRequest(`Op ${op.opId}: fields.workplaceId differs from workplaceId`);
    }
    if ('deleted' in f && f.deleted !== 0 && f.deleted !== 1) throw badRequest(`Op ${op.opId}: deleted must be 0 or 1`);
    return { ...op, workplaceId };
  });
}

export default async function syncRoutes(app: FastifyInstance) {
  const onRequest = [app.checkSchemaVersion, app.authDevice];
  const streams = new Set<ServerResponse>();

  app.post<{ Body: PushRequest }>('/sync/push', { onRequest, schema: pushSchema }, async (req) => {
    const me = deviceOf(req);
    assertSchemaVersion(req.body.schemaVersion);
    const now = app.now();
    if (req.body.deviceClock !== undefined) assertClock(req.body.deviceClock, now, 'deviceClock');
    const ops = checkOps(req.body.ops, me.workplaceId, now);
    const result = await app.db.transaction((tx) => pushOps(tx, me.workplaceId, ops, now));
    if (result.changed > 0) req.log.info({ workplaceId: me.workplaceId, ops: ops.length, changed: result.changed, cursor: result.cursor }, 'push applied');
    if (result.erasedBlobs.length > 0) req.log.info({ workplaceId: me.workplaceId, blobs: result.erasedBlobs.length }, 'erased photos of deleted persons');
    const body: PushResponse = { acked: [...new Set(ops.map((op) => op.opId))], cursor: result.cursor, serverHlc: serverHlc(now) };
    return body;
  });

  app.get<{ Querystring: { cursor: number; limit: number } }>('/sync/pull', { onRequest, schema: pullSchema }, async (req) => {
    const me = deviceOf(req);
    const page = await pullRows(app.db, me.workplaceId, req.query.cursor, req.query.limit);
    const body: PullResponse = { ...page, serverHlc: serverHlc(app.now()) };
    return body;
  });

  app.get('/sync/events', { onRequest, config: { tokenInQuery: true } }, async (req, reply) => {
    const me = deviceOf(req);
    const cursor = await currentCursor(app.db, me.workplaceId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
      'x-tavla-schema': String(SCHEMA_VERSION),
    });
    const poke = (c: number) => res.write(`event: poke\ndata: ${JSON.stringify({ cursor: c })}\n\n`);
    res.write('retry: 5000\n\n');
    poke(cursor);
    const unsubscribe = app.changes.subscribe(me.workplaceId, poke);
    streams.add(res);
    // the heartbeat keeps proxies from closing an idle stream and notices a revoked token
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || String((req.query as Record<string, unknown>).access_token ?? '');
    const heartbeat = setInterval(() => {
      authenticate(app.db, token, new Date(app.now())).then(
        () => res.write(': heartbeat\n\n'),
        () => res.end(),
      );
    }, app.tavla.heartbeatMs);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
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
