/**
 * Guards every JSON body, query string and path parameter before validation:
 *
 * - PostgreSQL cannot store every string JavaScript can: text and jsonb
 *   reject the NUL character, and jsonb rejects a lone UTF-16 surrogate.
 *   Such input would fail deep inside a query as a 500; here it is a 400.
 * - Nesting deeper than MAX_JSON_DEPTH is a 400. The merge and the row-size
 *   check walk values recursively, and 10,000 nested arrays once overflowed
 *   the stack (a 500). The walk here is iterative, so it cannot overflow.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors';
import { MAX_JSON_DEPTH } from '../limits';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** What is wrong with a parsed value, if anything: `'text'`, `'depth'` or null. */
export function inspectValue(root: unknown, maxDepth = MAX_JSON_DEPTH): 'text' | 'depth' | null {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return 'text';
      continue;
    }
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= maxDepth) return 'depth';
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth + 1]);
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      if (unstorable(k)) return 'text';
      stack.push([v, depth + 1]);
    }
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.body, req.query, req.params]) {
      const problem = inspectValue(part);
      if (problem === 'text') throw badRequest('Text contains characters that cannot be stored (NUL or an unpaired surrogate)');
      if (problem === 'depth') throw badRequest(`JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
  });
}
