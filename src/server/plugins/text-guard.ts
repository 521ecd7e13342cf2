/**
 * PostgreSQL cannot store every string JavaScript can: text and jsonb reject
 * the NUL character, and jsonb rejects a lone UTF-16 surrogate. Such input
 * would fail deep inside a query as a 500; this hook refuses it up front as
 * a 400, for every JSON body and query string.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

function findUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return unstorable(value);
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => findUnstorable(v, depth + 1));
  for (const [k, v] of Object.entries(value)) if (unstorable(k) || findUnstorable(v, depth + 1)) return true;
  return false;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (findUnstorable(req.body) || findUnstorable(req.query) || findUnstorable(req.params)) {
      throw badRequest('Text contains characters that cannot be stored (NUL or an unpaired surrogate)');
    }
  });
}
