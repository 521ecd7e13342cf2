/**
 * A `fetch` that hands each request to a Fastify app in-process (no port),
 * and records what it asked for: the sync engine and runner tests count a
 * tablet's requests with it.
 */
import type { FastifyInstance } from 'fastify';

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  status: number;
}

export function injectFetch(app: FastifyInstance) {
  const log: RecordedRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    let payload: string | Buffer | undefined;
    if (init.body instanceof Blob) payload = Buffer.from(await init.body.arrayBuffer());
    else if (typeof init.body === 'string') payload = init.body;
    const method = (init.method ?? 'GET') as 'GET';
    const res = await app.inject({ method, url: url.pathname + url.search, headers, payload });
    log.push({ method, path: url.pathname, url: url.pathname + url.search, status: res.statusCode });
    return new Response(res.rawPayload.length ? new Uint8Array(res.rawPayload) : null, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
  return { fetch: fetchFn, log };
}
