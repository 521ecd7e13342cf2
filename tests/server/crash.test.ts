// @vitest-environment node
/**
 * kill -9 in the middle of a push: the real server (`src/server/main.ts`,
 * embedded PGlite in a temp DATA_DIR) runs as its own process, gets a large
 * batch and is SIGKILLed while handling it. After a restart the batch is
 * either fully there or not at all, and retrying it applies it exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SCHEMA_VERSION } from '../../src/sync/shared/protocol';
import type { OutboxOp } from '../../src/domain/types';

const ROOT = join(import.meta.dirname, '..', '..');

interface Server {
  child: ChildProcess;
  base: string;
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Tavla is running at http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function kill9(s: Server): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGKILL');
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed bodies keep assertions short
async function api<T = any>(base: string, path: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tavla-schema': String(SCHEMA_VERSION) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(base + path, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function batch(workplaceId: string, prefix: string, n: number): OutboxOp[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    opId: randomUUID(),
    table: 'goalProgress' as const,
    rowId: `${prefix}-${i}`,
    workplaceId,
    fields: { goalId: 'g1', date: '2026-03-02', amount: 1, personId: 'x'.repeat(60) },
    hlc: formatHlc({ millis: now, counter: i % 0xffff, node: 'crash' }),
    createdAt: now,
  }));
}

async function countRows(base: string, token: string, prefix: string): Promise<{ count: number; cursor: number }> {
  let cursor = 0;
  let count = 0;
  for (;;) {
    const { body } = await api(base, `/api/sync/pull?cursor=${cursor}&limit=1000`, { token });
    count += body.rows.filter((r: { row: { id: string } }) => r.row.id.startsWith(prefix + '-')).length;
    cursor = body.cursor;
    if (!body.hasMore) return { count, cursor };
  }
}

describe('kill -9 during a push (separate process, PGlite on disk)', () => {
  const servers: Server[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const s of servers) await kill9(s);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a batch all-or-nothing and applies the retry exactly once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tavla-crash-'));
    let server = await startServer(dataDir);
    servers.push(server);

    const signup = await api(server.base, '/api/accounts', { method: 'POST', body: JSON.stringify({ email: 'crash@example.se', password: 'a long password' }) });
    expect(signup.status).toBe(201);
    const workplaceId = randomUUID();
    const wp = await api(server.base, '/api/workplaces', {
      method: 'POST',
      token: signup.body.token,
      body: JSON.stringify({ id: workplaceId, name: 'Snickeriet', deviceName: 'Tablet' }),
    });
    expect(wp.status).toBe(201);
    const token: string = wp.body.token;

    // measure how long a batch of this size takes, to aim the kill at its middle
    const N = 3000;
    const warm = batch(workplaceId, 'warm', N);
    const t0 = Date.now();
    const warmRes = await api(server.base, '/api/sync/push', { method: 'POST', token, body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, ops: warm }) });
    const pushMs = Date.now() - t0;
    expect(warmRes.status).toBe(200);
    const before = warmRes.body.cursor as number;

    const ops = batch(workplaceId, 'crash', N);
    const body = JSON.stringify({ schemaVersion: SCHEMA_VERSION, ops });
    const inFlight = api(server.base, '/api/sync/push', { method: 'POST', token, body }).then(
      (r) => r.status,
      () => 'killed' as const,
    );
    await new Promise((r) => setTimeout(r, Math.max(5, Math.round(pushMs / 2))));
    await kill9(server);
    const outcome = await inFlight;

    server = await startServer(dataDir);
    servers.push(server);
    const afterCrash = await countRows(server.base, token, 'crash');
    expect([0, N]).toContain(afterCrash.count);
    expect(afterCrash.cursor).toBe(before + afterCrash.count);

    const retry = await api(server.base, '/api/sync/push', { method: 'POST', token, body });
    expect(retry.status).toBe(200);
    expect(retry.body.cursor).toBe(before + N);
    const afterRetry = await countRows(server.base, token, 'crash');
    expect(afterRetry).toEqual({ count: N, cursor: before + N });
    const again = await api(server.base, '/api/sync/push', { method: 'POST', token, body });
    expect(again.body.cursor).toBe(before + N);

    console.info(`kill -9 after ${Math.round(pushMs / 2)} ms of a ~${pushMs} ms push: request ${outcome}, ${afterCrash.count}/${N} rows after restart`);
  }, 180_000);
});
