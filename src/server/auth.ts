/**
 * Credentials: scrypt password hashes, random bearer tokens stored only as
 * SHA-256, and the request hooks that resolve a token to who is calling.
 *
 * Two kinds of bearer token, told apart by prefix:
 *   tvs_…  a supervisor session (an account; may administer its workplaces)
 *   tvd_…  a device token (one tablet, scoped to exactly one workplace)
 * A token that is unknown, expired or revoked is a 401; a valid token used
 * where the other kind is needed is a 403.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from './db/db';
import { forbidden, unauthorized } from './errors';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64 parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

/** A hash to verify against when the email is unknown, so both cases take as long. */
export const DUMMY_PASSWORD_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export const newSessionToken = () => 'tvs_' + randomBytes(32).toString('base64url');
export const newDeviceToken = () => 'tvd_' + randomBytes(32).toString('base64url');

export interface DeviceCaller {
  kind: 'device';
  deviceId: string;
  workplaceId: string;
}
export interface SupervisorCaller {
  kind: 'supervisor';
  accountId: string;
}
export type Caller = DeviceCaller | SupervisorCaller;

/** last_seen is written at most this often per token, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

/** The bearer token of the Authorization header. Never read from a URL: URLs end up in proxy and server logs. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m?.[1];
  }
  return undefined;
}

/** Resolves a token to its caller, or throws 401. */
export async function authenticate(db: Queryable, token: string | undefined, now: Date): Promise<Caller> {
  if (!token || token.length > 200) throw unauthorized();
  const hash = sha256Hex(token);
  const stale = new Date(now.getTime() - LAST_SEEN_EVERY_MS);
  if (token.startsWith('tvd_')) {
    const { rows } = await db.query<{ id: string; workplace_id: string; last_seen: Date | null }>(
      'select id, workplace_id, last_seen from device_tokens where token_hash = $1 and revoked_at is null',
      [hash],
    );
    const d = rows[0];
    if (!d) throw unauthorized('This device is not paired (or was removed); pair it again');
    if (!d.last_seen || d.last_seen < stale) await db.query('update device_tokens set last_seen = $2 where id = $1', [d.id, now]);
    return { kind: 'device', deviceId: d.id, workplaceId: d.workplace_id };
  }
  if (token.startsWith('tvs_')) {
    const { rows } = await db.query<{ account_id: string; last_seen: Date | null }>(
      'select account_id, last_seen from sessions where token_hash = $1 and expires_at > $2',
      [hash, now],
    );
    const s = rows[0];
    if (!s) throw unauthorized('Your session has ended; sign in again');
    if (!s.last_seen || s.last_seen < stale) await db.query('update sessions set last_seen = $2 where token_hash = $1', [hash, now]);
    return { kind: 'supervisor', accountId: s.account_id };
  }
  throw unauthorized();
}

export function requireDevice(caller: Caller | undefined): DeviceCaller {
  if (!caller) throw unauthorized();
  if (caller.kind !== 'device') throw forbidden('This needs a paired device, not a supervisor login');
  return caller;
}

export function requireSupervisor(caller: Caller | undefined): SupervisorCaller {
  if (!caller) throw unauthorized();
  if (caller.kind !== 'supervisor') throw forbidden('This needs a supervisor login');
  return caller;
}

/** The device behind a request whose route has `onRequest: app.authDevice`. */
export const deviceOf = (req: FastifyRequest): DeviceCaller => requireDevice(req.caller);
/** The supervisor behind a request whose route has `onRequest: app.authSupervisor`. */
export const supervisorOf = (req: FastifyRequest): SupervisorCaller => requireSupervisor(req.caller);
