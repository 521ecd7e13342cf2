/**
 * Every setting of the server, read once from the environment, with its
 * default. README.md ("Settings") lists the same table for people; a test
 * checks that each name here appears there, so the two cannot drift apart.
 *
 * A value that cannot be what it claims (a port of "80a", a pool of -1) is
 * an error at start, not a silent fallback: a typo in a service file should
 * stop the service with a message, not run it in a way nobody chose.
 */
import { resolve } from 'node:path';

export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  trustProxy: boolean | string;
  publicOrigin: string | undefined;
  logLevel: string;
  retentionSweepMs: number | undefined;
  openSignup: boolean;
}

/** Name → default as written in README's settings table (undefined = unset). */
export const SETTING_DEFAULTS = {
  HOST: '127.0.0.1',
  PORT: '8080',
  DATA_DIR: './data',
  DATABASE_URL: undefined,
  DATABASE_POOL_SIZE: '10',
  TRUST_PROXY: 'false',
  PUBLIC_ORIGIN: undefined,
  LOG_LEVEL: 'info',
  RETENTION_SWEEP_HOURS: '6',
  OPEN_SIGNUP: 'false',
} as const;

export type SettingName = keyof typeof SETTING_DEFAULTS;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(name: SettingName, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function flag(name: SettingName, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0' || value === '') return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

/** Hours between server retention sweeps (0 = off); a typo is an error, not "off". setInterval's limit caps it. */
function retentionSweepMs(value: string): number | undefined {
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours < 0) throw new Error(`RETENTION_SWEEP_HOURS must be a number of hours ≥ 0, got "${value}"`);
  return hours === 0 ? undefined : Math.min(hours * 3_600_000, 2 ** 31 - 1);
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const get = (name: SettingName): string | undefined => {
    const v = env[name];
    return v === undefined || v === '' ? SETTING_DEFAULTS[name] : v;
  };
  const trust = get('TRUST_PROXY') ?? 'false';
  const logLevel = get('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const publicOrigin = get('PUBLIC_ORIGIN');
  if (publicOrigin !== undefined && !/^https?:\/\/[^/\s]+$/.test(publicOrigin)) {
    throw new Error(`PUBLIC_ORIGIN must be an origin such as https://tavla.example.se (no path), got "${publicOrigin}"`);
  }
  return {
    host: get('HOST') ?? '127.0.0.1',
    port: integer('PORT', get('PORT') ?? '8080', 0, 65535),
    dataDir: resolve(get('DATA_DIR') ?? './data'),
    databaseUrl: get('DATABASE_URL'),
    databasePoolSize: integer('DATABASE_POOL_SIZE', get('DATABASE_POOL_SIZE') ?? '10', 1, 1000),
    trustProxy: trust === 'true' ? true : trust === 'false' ? false : trust,
    publicOrigin,
    logLevel,
    retentionSweepMs: retentionSweepMs(get('RETENTION_SWEEP_HOURS') ?? '6'),
    openSignup: flag('OPEN_SIGNUP', get('OPEN_SIGNUP') ?? 'false'),
  };
}
