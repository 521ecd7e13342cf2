/**
 * Two replicas of the production server (build/server/main.js) on one
 * PostgreSQL, behind Caddy with the LAN configuration of docs/deploy/ (its
 * own CA, HTTPS, round-robin load balancing). Everything stays on loopback:
 * the tablets here are node clients speaking the sync HTTP API through
 * Caddy as `https://tavla.test:<port>`, trusting Caddy's local CA.
 *
 * Shows that: both replicas start at once on an empty database (migrations
 * take turns under their lock); a tablet's event stream lives on each
 * replica; a push handled by one replica pokes the tablet on the other
 * (p95 ≤ 200 ms from sending the push to the poke arriving); concurrent edits
 * converge; and the per-IP rate limit holds across replicas (its counters are
 * in PostgreSQL, the client IP comes through Caddy's X-Forwarded-For).
 *
 * Which replica holds a stream or handled a push is read from each replica's
 * own /metrics (tavla_connected_devices, tavla_sync_pushes_total), asked
 * directly on loopback, since Caddy does not forward /metrics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ClientRequest } from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery } from '../helpers/pgAdmin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../src/sync/shared/protocol';
import { pct } from '../bench/stats';

const ROOT = join(import.meta.dirname, '..', '..');
const SERVER = join(ROOT, 'build', 'server', 'main.js');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SITE = 'tavla.test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}


function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed bodies keep assertions short
  body: any;
}

describe('replicas behind Caddy on PostgreSQL', () => {
  const dbName = `tavla_replicas_${randomBytes(5).toString('hex')}`;
  const replicas: { child: ChildProcess; port: number }[] = [];
  let caddy: ChildProcess | undefined;
  let caddyHome = '';
  let httpsPort = 0;
  let ca: Buffer;
  const openStreams: ClientRequest[] = [];

  /** A request to Tavla through Caddy, as a tablet on the network would make it. */
  function viaCaddy(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      const req = https.request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          servername: SITE,
          ca,
          method,
          path,
          headers: {
            host: `${SITE}:${httpsPort}`,
            [SCHEMA_HEADER]: String(SCHEMA_VERSION),
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            ...(payload ? { 'content-type': 'application/json' } : {}),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON (a 404 page, say)
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A tablet's event stream through Caddy; records when each poke arrives. */
  function openStream(token: string): Promise<{ pokes: { at: number; cursor: unknown }[]; close: () => void; nextPoke: (after: number, timeoutMs?: number) => Promise<number> }> {
    return new Promise((resolve, reject) => {
      const pokes: { at: number; cursor: unknown }[] = [];
      let waiters: (() => void)[] = [];
      const req = https.get(
        {
          host: '127.0.0.1',
          port: httpsPort,
          servername: SITE,
          ca,
          path: '/api/sync/events',
          headers: { host: `${SITE}:${httpsPort}`, accept: 'text/event-stream', authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) },
        },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
          let buffer = '';
          let first = true;
          res.on('data', (chunk: Buffer) => {
            const at = performance.now();
            buffer += chunk.toString();
            let i: number;
            while ((i = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, i);
              buffer = buffer.slice(i + 2);
              if (!/^event: poke$/m.test(block)) continue;
              const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
              pokes.push({ at, cursor: (JSON.parse(data) as { cursor: unknown }).cursor });
              if (first) {
                first = false;
                resolve({ pokes, close: () => req.destroy(), nextPoke });
              }
            }
            const w = waiters;
            waiters = [];
            for (const f of w) f();
          });
        },
      );
      req.on('error', (err) => {
        if (!req.destroyed) reject(err);
      });
      openStreams.push(req);
      const nextPoke = async (after: number, timeoutMs = 5000): Promise<number> => {
        const deadline = performance.now() + timeoutMs;
        for (;;) {
          const found = pokes.find((p) => p.at >= after);
          if (found) return found.at;
          if (performance.now() > deadline) throw new Error('no poke arrived');
          await new Promise<void>((r) => {
            waiters.push(r);
            setTimeout(r, 50);
          });
        }
      };
    });
  }

  async function metric(replica: number, name: string): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${replicas[replica]!.port}/metrics`);
    const m = new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, 'm').exec(await res.text());
    return m ? Number(m[1]) : 0;
  }
  const streamsOn = (replica: number) => metric(replica, 'tavla_connected_devices');
  const pushesOn = (replica: number) => metric(replica, 'tavla_sync_pushes_total');

  beforeAll(async () => {
    if (!existsSync(SERVER)) throw new Error('build/server/main.js is missing: run `npm run build:server` first');
    await adminQuery(PG_URL, `create database ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    httpsPort = await freePort();
    // both replicas start at the same moment on the empty database
    const started = [0, 1].map(() => {
      const child = spawn(process.execPath, [SERVER], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          HOST: '127.0.0.1',
          PORT: '0',
          TRUST_PROXY: '127.0.0.1',
          PUBLIC_ORIGIN: `https://${SITE}:${httpsPort}`,
          LOG_LEVEL: 'warn',
          DATABASE_POOL_SIZE: '5',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return waitForOutput(child, /Tavla is running at http:\/\/localhost:(\d+)/, 'replica').then((m) => ({ child, port: Number(m[1]) }));
    });
    replicas.push(...(await Promise.all(started)));

    caddyHome = await mkdtemp(join(tmpdir(), 'tavla-caddy-'));
    caddy = spawn('caddy', ['run', '--config', join(ROOT, 'docs/deploy/Caddyfile.lan'), '--adapter', 'caddyfile'], {
      cwd: caddyHome,
      env: {
        ...process.env,
        HOME: caddyHome,
        XDG_DATA_HOME: join(caddyHome, 'data'),
        XDG_CONFIG_HOME: join(caddyHome, 'config'),
        TAVLA_SITE: SITE,
        TAVLA_UPSTREAMS: replicas.map((r) => `127.0.0.1:${r.port}`).join(' '),
        CADDY_ADMIN: `127.0.0.1:${await freePort()}`,
        CADDY_HTTP_PORT: String(await freePort()),
        CADDY_HTTPS_PORT: String(httpsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(caddy, /serving initial configuration/, 'caddy', 30_000);
    const root = join(caddyHome, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
    for (let i = 0; i < 100 && !existsSync(root); i++) await new Promise((r) => setTimeout(r, 100));
    ca = readFileSync(root);
    // Caddy issues the site's certificate on start; wait until HTTPS answers
    for (let i = 0; ; i++) {
      try {
        if ((await viaCaddy('GET', '/api/health')).status === 200) break;
      } catch (err) {
        if (i > 100) throw err;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    for (const s of openStreams) s.destroy();
    await stop(caddy);
    await Promise.all(replicas.map((r) => stop(r.child)));
    if (caddyHome) await rm(caddyHome, { recursive: true, force: true });
    await adminQuery(PG_URL, `drop database if exists ${dbName} with (force)`).catch(() => adminQuery(PG_URL, `drop database if exists ${dbName}`));
  });

  it('serves the API over HTTPS with the local CA, and keeps /metrics inside', async () => {
    expect((await viaCaddy('GET', '/api/health')).body).toEqual({ status: 'ok', db: 'postgres' });
    expect((await viaCaddy('GET', '/metrics')).status).toBe(404);
  });

  it('pairs a tablet to each replica, converges their edits and pokes across replicas within 200 ms (p95)', async () => {
    const signup = await viaCaddy('POST', '/api/accounts', { body: { email: 'it@example.se', password: 'correct horse battery' } });
    expect(signup.status).toBe(201);
    const supervisor = signup.body.token as string;
    const workplaceId = randomUUID();
    const first = await viaCaddy('POST', '/api/workplaces', { token: supervisor, body: { id: workplaceId, name: 'Tvätteriet', deviceName: 'Tablet A' } });
    expect(first.status).toBe(201);
    const code = await viaCaddy('POST', `/api/workplaces/${workplaceId}/pairing-codes`, { token: supervisor });
    expect(code.status).toBe(201);
    expect(code.body.pairUrl).toMatch(new RegExp(`^https://${SITE}:${httpsPort}/pair\\?code=`)); // the origin tablets use
    const paired = await viaCaddy('POST', '/api/pair', { body: { code: code.body.code, deviceName: 'Tablet B' } });
    expect(paired.status).toBe(201);
    const tokens = [first.body.token as string, paired.body.token as string];

    // one event stream on each replica (round robin alternates; retry until they differ)
    const streamA = await openStream(tokens[0]!);
    const homeA = (await streamsOn(0)) === 1 ? 0 : 1;
    expect(await streamsOn(homeA)).toBe(1);
    let streamB = await openStream(tokens[1]!);
    for (let i = 0; i < 10 && (await streamsOn(homeA)) === 2; i++) {
      streamB.close();
      await new Promise((r) => setTimeout(r, 100));
      streamB = await openStream(tokens[1]!);
    }
    expect([await streamsOn(0), await streamsOn(1)]).toEqual([1, 1]);
    const streams = [streamA, streamB];
    const home = [homeA, 1 - homeA];

    // each push: which replica took it, and when the other tablet heard of it
    const crossLatencies: number[] = [];
    let millis = Date.now();
    for (let i = 0; i < 30; i++) {
      const from = i % 2;
      const to = 1 - from;
      const before = [await pushesOn(0), await pushesOn(1)];
      const op = {
        opId: randomUUID(),
        table: 'persons',
        rowId: `person-${i % 3}`,
        workplaceId,
        // each tablet also writes a field of its own (tablet 0 the language, tablet 1 the avatar): both must survive
        fields: { firstName: `Name ${i}`, ...(from === 0 ? { language: `lang-${i}` } : { avatar: `face-${i}` }) },
        hlc: formatHlc({ millis: ++millis, counter: 0, node: `tablet${from}` }),
        createdAt: millis,
      };
      const sentAt = performance.now();
      const res = await viaCaddy('POST', '/api/sync/push', { token: tokens[from], body: { schemaVersion: SCHEMA_VERSION, ops: [op] } });
      expect(res.status).toBe(200);
      const heardAt = await streams[to]!.nextPoke(sentAt);
      const after = [await pushesOn(0), await pushesOn(1)];
      const handledBy = after[0]! > before[0]! ? 0 : 1;
      expect(after[handledBy]).toBe(before[handledBy]! + 1);
      if (handledBy !== home[to]) crossLatencies.push(heardAt - sentAt);
    }
    expect(crossLatencies.length).toBeGreaterThanOrEqual(10);
    const p95 = pct(crossLatencies, 0.95);
    console.log(`poke across replicas: ${crossLatencies.length} pushes, p50 ${pct(crossLatencies, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    expect(p95).toBeLessThanOrEqual(200);

    // concurrent edits of one row from both tablets, then both pull everything through Caddy
    const stampAt = ++millis;
    await Promise.all(
      tokens.map((token, t) =>
        viaCaddy('POST', '/api/sync/push', {
          token,
          body: {
            schemaVersion: SCHEMA_VERSION,
            ops: [
              {
                opId: randomUUID(),
                table: 'persons',
                rowId: 'person-0',
                workplaceId,
                fields: { firstName: t === 0 ? 'Amira' : 'Bashir' },
                hlc: formatHlc({ millis: stampAt, counter: 0, node: `tablet${t}` }),
                createdAt: stampAt,
              },
            ],
          },
        }),
      ),
    );
    const views = await Promise.all(
      tokens.map(async (token) => {
        const res = await viaCaddy('GET', '/api/sync/pull?cursor=0&limit=1000', { token });
        expect(res.status).toBe(200);
        const rows = (res.body.rows as { table: string; row: { id: string } }[]).map((r) => JSON.stringify(r));
        return rows.sort();
      }),
    );
    expect(views[0]).toEqual(views[1]);
    const person0 = views[0]!.map((r) => JSON.parse(r) as { row: { id: string; firstName: string; language: string; avatar: string } }).find((r) => r.row.id === 'person-0')!;
    expect(person0.row.firstName).toBe('Bashir'); // same millis: the higher node id wins, on every replica
    expect(person0.row.language).toMatch(/^lang-\d+$/);
    expect(person0.row.avatar).toMatch(/^face-\d+$/);
    streamA.close();
    streamB.close();
  });

  it('keeps the per-IP limit across replicas (counters in PostgreSQL, the IP from Caddy)', async () => {
    // sign-up is closed now; each attempt still counts against the address (10 per minute,
    // the first sign-up above included), while round robin spreads them over both replicas
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await viaCaddy('POST', '/api/accounts', { body: { email: `x${i}@example.se`, password: 'correct horse battery' } })).status);
    }
    expect(codes).toEqual([...Array<number>(9).fill(403), 429, 429, 429]);
  });
});

describe('public mode', () => {
  it('is a valid Caddy configuration (automatic certificates need a public name; Caddy checks it without asking for one)', async () => {
    const { execFile } = await import('node:child_process');
    const home = await mkdtemp(join(tmpdir(), 'tavla-caddy-'));
    try {
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          'caddy',
          ['validate', '--config', join(ROOT, 'docs/deploy/Caddyfile.public'), '--adapter', 'caddyfile'],
          { env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, TAVLA_SITE: 'tavla.kommun.example', ACME_EMAIL: 'it@kommun.example' } },
          (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout + stderr)),
        ),
      );
      expect(out).toMatch(/Valid configuration/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
