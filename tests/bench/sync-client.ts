/**
 * Helpers of `npm run bench:sync`: start the bench server (sync-server.ts) in
 * a child process, and talk to it over real HTTP as a supervisor and as
 * devices (accounts, workplaces, pairing, push, pull) — the over-the-wire
 * counterparts of the in-process helpers in tests/server/helpers.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SCHEMA_HEADER, SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../src/sync/shared/protocol';
import type { OutboxOp, SyncedTable } from '../../src/domain/types';
import type { ParentMessage, ServerMessage } from './sync-server';

const SERVER_ENTRY = fileURLToPath(new URL('./sync-server.ts', import.meta.url));

export interface Memory {
  rss: number;
  heapUsed: number;
  peakRss: number;
  peakHeapUsed: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  resetMemory(): void;
  /** turns the verified-token cache on or off (emptied either way) */
  tokenCache(on: boolean): void;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

/**
 * Starts sync-server.ts under node + tsx with the given extra environment.
 * BENCH_CPU_PROF=<folder> profiles the Tavla server (not the bare one): a
 * .cpuprofile per server, written when it stops (open it in Chrome DevTools).
 */
export async function startServer(env: Record<string, string>): Promise<BenchServer> {
  const prof = process.env.BENCH_CPU_PROF && env.BENCH_MODE !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', SERVER_ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T extends ServerMessage['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`bench server: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (m: ServerMessage) => {
        if (m.type === type) done(undefined, m as Extract<ServerMessage, { type: T }>);
      };
      const onExit = (code: number | null) => done(new Error(`bench server exited (${code})`));
      function done(err?: Error, m?: Extract<ServerMessage, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(m!);
      }
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const tell = (m: ParentMessage) => child.send(m);
  const { port } = await waitFor('ready', 60_000);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    resetMemory: () => tell({ type: 'mem-reset' }),
    tokenCache: (on) => tell({ type: 'token-cache', on }),
    async memory() {
      const answer = waitFor('mem', 10_000);
      tell({ type: 'mem-report' });
      const { type: _type, ...m } = await answer;
      return m;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      tell({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// ── HTTP API ────────────────────────────────────────────────────────────

export const syncHeaders = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  [SCHEMA_HEADER]: String(SCHEMA_VERSION),
});

async function call<T>(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new supervisor account; returns its session token. */
export async function signup(base: string): Promise<string> {
  const r = await call<{ token: string }>(base, 'POST', '/api/accounts', {}, { email: `bench-${randomUUID()}@example.se`, password: 'correct horse battery' });
  return r.token;
}

/** Creates a workplace owned by the supervisor; returns the device token of its first tablet. */
export async function createWorkplace(base: string, session: string, workplaceId: string = randomUUID()): Promise<{ workplaceId: string; token: string }> {
  const r = await call<{ token: string }>(base, 'POST', '/api/workplaces', { authorization: `Bearer ${session}` }, { id: workplaceId, name: 'Benchverkstan', deviceName: 'Tablet 1' });
  return { workplaceId, token: r.token };
}

/** Pairs one more tablet to the workplace (pairing code, then claim); returns its device token. */
export async function pairDevice(base: string, session: string, workplaceId: string, deviceName: string): Promise<string> {
  const { code } = await call<{ code: string }>(base, 'POST', `/api/workplaces/${workplaceId}/pairing-codes`, { authorization: `Bearer ${session}` });
  const r = await call<{ token: string }>(base, 'POST', '/api/pair', {}, { code, deviceName });
  return r.token;
}

let counter = 0;
/** One op as a device would send it, stamped now. */
export function op(workplaceId: string, table: SyncedTable, rowId: string, fields: Record<string, unknown>, node = 'bench0000'): OutboxOp {
  const now = Date.now();
  return { opId: randomUUID(), table, rowId, workplaceId, fields, hlc: formatHlc({ millis: now, counter: ++counter % 0xffff, node }), createdAt: now };
}

export function pushOps(base: string, token: string, ops: OutboxOp[]): Promise<PushResponse> {
  return call<PushResponse>(base, 'POST', '/api/sync/push', syncHeaders(token), { schemaVersion: SCHEMA_VERSION, ops });
}

export function pullPage(base: string, token: string, cursor: number, limit = 500): Promise<PullResponse> {
  return call<PullResponse>(base, 'GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, syncHeaders(token));
}
