// @vitest-environment node
/** What IT watches: /api/health, /metrics, quiet logs, and the settings table in README. */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSettings, SETTING_DEFAULTS } from '../../src/server/settings';
import { backends, json, op, pull, push, useServer, workplaceWithDevice } from './helpers';

describe.each(backends)('operations ($name)', (backend) => {
  const h = useServer(backend);

  it('answers /api/health with the database kind', async () => {
    const app = await h.build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok', db: backend.name });
  });

  it('counts connected devices, pushes, pull latency and sync errors in /metrics', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken } = await workplaceWithDevice(app);
    expect((await push(app, deviceToken, [op(workplaceId, 'persons', 'p1', { firstName: 'Ali' })])).statusCode).toBe(200);
    expect((await pull(app, deviceToken)).statusCode).toBe(200);
    expect((await pull(app, 'tvd_wrong')).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(/^tavla_connected_devices 0$/m);
    expect(text).toMatch(/^tavla_sync_pushes_total 1$/m);
    expect(text).toMatch(/^tavla_sync_pull_duration_seconds_count 1$/m);
    expect(text).toMatch(/^tavla_sync_errors_total\{route="\/api\/sync\/pull",status="401"\} 1$/m);
    expect(text).toMatch(/^tavla_process_resident_memory_bytes \d+/m);
    if (backend.name === 'postgres') {
      expect(text).toMatch(/^tavla_db_pool_connections\{state="total"\} \d+$/m);
      expect(text).toMatch(/^tavla_db_pool_waits_total \d+$/m);
    }
  });

  it('logs no line per request at the default level, but does at debug', async () => {
    const lines = async (level: string) => {
      const out: string[] = [];
      const stream = new Writable({ write: (chunk, _enc, done) => (out.push(String(chunk)), done()) });
      const app = await h.build({ logger: { level, stream } });
      await app.inject({ method: 'GET', url: '/api/health' });
      return out.filter((l) => l.includes('"url":"/api/health"') || l.includes('request completed'));
    };
    expect(await lines('info')).toEqual([]);
    expect((await lines('debug')).length).toBeGreaterThan(0);
  });
});

describe('settings', () => {
  it('documents every setting with its default in README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [name, value] of Object.entries(SETTING_DEFAULTS)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\``));
      expect(row, `README has a row for ${name}`).toBeTruthy();
      expect(row!, `README gives ${name}'s default`).toContain(value === undefined ? '(unset)' : `\`${value}\``);
    }
  });

  it('refuses a malformed value instead of running in a way nobody chose', () => {
    expect(() => readSettings({ PORT: '80a' })).toThrow(/PORT must be a whole number/);
    expect(() => readSettings({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => readSettings({ OPEN_SIGNUP: 'yes' })).toThrow(/OPEN_SIGNUP must be true or false/);
    expect(() => readSettings({ RETENTION_SWEEP_HOURS: 'six' })).toThrow(/RETENTION_SWEEP_HOURS/);
    expect(() => readSettings({ PUBLIC_ORIGIN: 'https://tavla.example.se/app' })).toThrow(/PUBLIC_ORIGIN/);
    expect(readSettings({})).toMatchObject({ host: '127.0.0.1', port: 8080, databasePoolSize: 10, trustProxy: false, logLevel: 'info', openSignup: false });
  });
});
