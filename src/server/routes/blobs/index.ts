/**
 * Content-addressed blobs (photos, custom pictograms, voice clips), per
 * workplace, for paired devices:
 *
 *   PUT  /api/blobs/:hash   raw body up to 10 MB; must hash (SHA-256) to :hash
 *   GET  /api/blobs/:hash   the bytes, with the content type they were put with
 *   HEAD /api/blobs/:hash   does the server have it? (size and type, no body)
 *
 * A hash names its bytes forever, so responses are cached as immutable
 * (privately: they need a token). Putting a blob twice is harmless.
 *
 * Bounds: a workplace stores at most BLOB_QUOTA_BYTES (413 `quota_exceeded`),
 * and has at most BLOB_UPLOADS_IN_FLIGHT uploads in flight per replica (503
 * with Retry-After): each upload is held in memory while it is hashed, and
 * eight parallel 10 MB uploads once took the server past a gigabyte.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BlobUploadResponse } from '../../../sync/shared/protocol';
import { deviceOf } from '../../auth';
import type { Queryable } from '../../db/db';
import { ApiError, busy, notFound } from '../../errors';
import { BLOB_BODY_LIMIT, BLOB_UPLOADS_IN_FLIGHT } from '../../limits';

async function storedBytes(db: Queryable, workplaceId: string): Promise<number> {
  const { rows } = await db.query<{ total: number }>('select coalesce(sum(size), 0)::int8 as total from blobs where workplace_id = $1', [workplaceId]);
  return rows[0]?.total ?? 0;
}

const overQuota = (quota: number) =>
  new ApiError(413, 'quota_exceeded', `This workplace's photo and sound storage is full (${Math.round(quota / 1024 / 1024)} MB); remove old photos or clips first`);

const hashParams = {
  type: 'object',
  required: ['hash'],
  properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

const CONTENT_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export default async function blobRoutes(app: FastifyInstance) {
  const quota = app.tavla.blobQuotaBytes;
  // in this scope every body is raw bytes, whatever its content type
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BLOB_BODY_LIMIT }, (_req, body, done) => done(null, body));

  // Uploads in flight per workplace, counted before the body is read (onRequest runs before parsing).
  const inFlight = new Map<string, number>();
  const admitted = new WeakSet<FastifyRequest>();
  const admit = async (req: FastifyRequest) => {
    const { workplaceId } = deviceOf(req);
    const n = inFlight.get(workplaceId) ?? 0;
    if (n >= BLOB_UPLOADS_IN_FLIGHT) throw busy('Too many uploads at once for this workplace; try again in a moment');
    const declared = Number(req.headers['content-length'] ?? 0);
    inFlight.set(workplaceId, n + 1);
    admitted.add(req);
    if (!Number.isFinite(declared) || (await storedBytes(app.db, workplaceId)) + declared <= quota) return;
    // over the quota, unless it is a blob the workplace already has (putting it again costs nothing)
    const hash = (req.params as { hash?: unknown }).hash;
    const have = await app.db.query('select 1 from blobs where workplace_id = $1 and hash = $2', [workplaceId, typeof hash === 'string' ? hash : '']);
    if (have.rows.length === 0) throw overQuota(quota);
  };
  const release = async (req: FastifyRequest) => {
    if (!admitted.delete(req) || req.caller?.kind !== 'device') return;
    const n = (inFlight.get(req.caller.workplaceId) ?? 1) - 1;
    if (n > 0) inFlight.set(req.caller.workplaceId, n);
    else inFlight.delete(req.caller.workplaceId);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  app.put<{ Params: { hash: string }; Body: Buffer }>(
    '/blobs/:hash',
    { onRequest: [app.authDevice, admit], bodyLimit: BLOB_BODY_LIMIT, schema: { params: hashParams } },
    async (req, reply) => {
      const me = deviceOf(req);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const actual = createHash('sha256').update(body).digest('hex');
      if (actual !== req.params.hash) throw new ApiError(422, 'hash_mismatch', `The body hashes to ${actual}, not ${req.params.hash}`);
      const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const type = CONTENT_TYPE_RE.test(declared) ? declared : 'application/octet-stream';
      const existing = await app.db.query('select 1 from blobs where workplace_id = $1 and hash = $2', [me.workplaceId, actual]);
      if (existing.rows.length === 0 && (await storedBytes(app.db, me.workplaceId)) + body.length > quota) throw overQuota(quota);
      await app.db.query(
        `insert into blobs (workplace_id, hash, type, size, data, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (workplace_id, hash) do nothing`,
        [me.workplaceId, actual, type, body.length, body, new Date(app.now())],
      );
      const res: BlobUploadResponse = { hash: actual, size: body.length };
      return reply.code(201).send(res);
    },
  );

  const headers = (hash: string, type: string, size: number) => ({
    'content-type': type,
    'content-length': String(size),
    'cache-control': 'private, max-age=31536000, immutable',
    etag: `"${hash}"`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });

  app.get<{ Params: { hash: string } }>(
    '/blobs/:hash',
    { onRequest: app.authDevice, schema: { params: hashParams }, exposeHeadRoute: false },
    async (req, reply) => {
      const me = deviceOf(req);
      const { rows } = await app.db.query<{ type: string; size: number; data: Buffer }>(
        'select type, size, data from blobs where workplace_id = $1 and hash = $2',
        [me.workplaceId, req.params.hash],
      );
      const blob = rows[0];
      if (!blob) throw notFound('No such blob');
      return reply.headers(headers(req.params.hash, blob.type, blob.size)).send(blob.data);
    },
  );

  app.head<{ Params: { hash: string } }>('/blobs/:hash', { onRequest: app.authDevice, schema: { params: hashParams } }, async (req, reply) => {
    const me = deviceOf(req);
    const { rows } = await app.db.query<{ type: string; size: number }>('select type, size from blobs where workplace_id = $1 and hash = $2', [
      me.workplaceId,
      req.params.hash,
    ]);
    const blob = rows[0];
    if (!blob) return reply.code(404).send();
    return reply.headers(headers(req.params.hash, blob.type, blob.size)).send();
  });
}
