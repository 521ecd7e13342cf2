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
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BlobUploadResponse } from '../../../sync/shared/protocol';
import { BLOB_BODY_LIMIT } from '../../app';
import { deviceOf } from '../../auth';
import { ApiError, notFound } from '../../errors';

const hashParams = {
  type: 'object',
  required: ['hash'],
  properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

const CONTENT_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export default async function blobRoutes(app: FastifyInstance) {
  // in this scope every body is raw bytes, whatever its content type
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BLOB_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.put<{ Params: { hash: string }; Body: Buffer }>(
    '/blobs/:hash',
    { onRequest: app.authDevice, bodyLimit: BLOB_BODY_LIMIT, schema: { params: hashParams } },
    async (req, reply) => {
      const me = deviceOf(req);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const actual = createHash('sha256').update(body).digest('hex');
      if (actual !== req.params.hash) throw new ApiError(422, 'hash_mismatch', `The body hashes to ${actual}, not ${req.params.hash}`);
      const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const type = CONTENT_TYPE_RE.test(declared) ? declared : 'application/octet-stream';
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
