// @vitest-environment node
/**
 * Uploads in flight: one workplace may stream at most BLOB_UPLOADS_IN_FLIGHT
 * photo uploads at once on a replica; another one waits for a 503 with
 * Retry-After before its body is read. Slow bodies on a real listening server
 * (a tablet on a poor network) hold their slots; a finished or aborted upload
 * frees its slot, and other workplaces never wait.
 */
import { createHash } from 'node:crypto';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_UPLOADS_IN_FLIGHT } from '../../src/server/limits';
import { backends, syncHeaders, useServer, workplaceWithDevice } from './helpers';

interface Upload {
  req: ClientRequest;
  response: Promise<IncomingMessage & { body: string }>;
  /** sends the rest of the body */
  finish(): void;
}

describe.each(backends)('blob uploads in flight ($name)', (backend) => {
  const h = useServer(backend);
  const open: ClientRequest[] = [];
  afterEach(() => {
    for (const r of open.splice(0)) r.destroy();
  });

  async function listen(app: FastifyInstance) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return (app.server.address() as { port: number }).port;
  }

  /** Starts an upload that sends its first half now and the rest on finish(). */
  function upload(port: number, token: string, seed: string): Upload {
    const body = Buffer.from(seed.repeat(4096));
    const hash = createHash('sha256').update(body).digest('hex');
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'PUT',
      path: `/api/blobs/${hash}`,
      headers: { ...syncHeaders(token), 'content-type': 'image/jpeg', 'content-length': String(body.length) },
    });
    open.push(req);
    const response = new Promise<IncomingMessage & { body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(Object.assign(res, { body: text })));
      });
      req.on('error', reject);
    });
    response.catch(() => undefined); // an upload this test aborts rejects, and nobody awaits it
    req.write(body.subarray(0, body.length / 2));
    return { req, response, finish: () => req.end(body.subarray(body.length / 2)) };
  }

  /** Gives the server a moment to see a dropped connection. */
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('answers 503 + Retry-After to one upload too many, frees a slot when an upload finishes or is aborted, and lets other workplaces through', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const other = await workplaceWithDevice(app);
    const port = await listen(app);

    // one more upload than the limit, each holding back half its body: whichever comes last is refused
    const started = Array.from({ length: BLOB_UPLOADS_IN_FLIGHT + 1 }, (_, i) => upload(port, w.deviceToken, `slow${i}`));
    const first = await Promise.race(started.map((u, i) => u.response.then((res) => ({ res, i }))));
    expect(first.res.statusCode).toBe(503);
    expect(first.res.headers['retry-after']).toBeDefined();
    expect(JSON.parse(first.res.body)).toMatchObject({ error: 'unavailable' });
    const slow = started.filter((_, i) => i !== first.i);

    // another workplace is not held up by this one's uploads
    const elsewhere = upload(port, other.deviceToken, 'other workplace');
    elsewhere.finish();
    expect((await elsewhere.response).statusCode).toBe(201);

    // one slow upload completes: its slot is free again
    slow[0]!.finish();
    expect((await slow[0]!.response).statusCode).toBe(201);
    const next = upload(port, w.deviceToken, 'after one finished');
    next.finish();
    expect((await next.response).statusCode).toBe(201);

    // a tablet that drops off mid-upload frees its slot too, as soon as the server sees the connection close
    slow[1]!.req.destroy();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 201; attempt++) {
      await settle();
      const afterAbort = upload(port, w.deviceToken, `after an abort ${attempt}`);
      afterAbort.finish();
      status = (await afterAbort.response).statusCode ?? 0;
    }
    expect(status).toBe(201);
  });
});
