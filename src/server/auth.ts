/**
 * Credentials: scrypt password hashes, random bearer tokens stored only as
 * SHA-256, and the request hooks that resolve a token to who is calling.
 *
 * Two kinds of bearer token, told apart by prefix:
 *   tvs_…  a supervisor session (an account; may administer its workplaces)
 *   tvd_…  a device token (one tablet, scoped to exactly one workplace)
 * A token that is unknown, expired or revoked is a 401; a valid token used
 * where the other kind is needed is a 403. Verified tokens are cached in
 * memory (`TokenCache`, below) while revocation notices are being heard.
 */
import { hash as digest, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
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

/** (the one-shot `crypto.hash` is about three times as fast as createHash: it runs on every authenticated request) */
export function sha256Hex(data: string | Buffer): string {
  return digest('sha256', data, 'hex');
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

// ── the verified-token cache ────────────────────────────────────────────

/*
 * The verified-token cache (issue 13): SHA-256 of a bearer token → who it
 * is (device and workplace, or account), so an authenticated request, above
 * all a device's frequent "anything new?" pull, does not query the tokens
 * tables every time.
 *
 * Revocation reaches it two ways:
 * - locally at once: the routes that revoke a device or end sessions call
 *   `forget` after their write commits;
 * - on every replica (this one too) through NOTIFY on `tavla_auth`, sent by
 *   database triggers (migration 004) whenever a device token is revoked or
 *   deleted, a session is deleted or shortened, or a workplace is deleted.
 *   Because the triggers are in the database, a revocation made anywhere
 *   (another replica, `npm run admin -- revoke-device`, plain SQL) is heard.
 *   The payload names a device, an account or a workplace by id, never a
 *   token or a token's hash.
 *
 * Why a revoked token cannot stay usable for long:
 * - entries are trusted only while the notices are being heard: the feed
 *   has LISTENed on `tavla_auth` and the database says the LISTEN connection
 *   is up (`Db.listening`). While it is down every request goes to the
 *   database; when it comes back the cache is emptied (notices sent meanwhile
 *   are gone);
 * - a lookup that read the database before a notice (or a local `forget`)
 *   arrived is not stored afterwards (`generation`), so a read taken just
 *   before a revocation committed cannot put the token back;
 * - an entry is trusted for TOKEN_CACHE_MAX_AGE_MS after it was read from the
 *   database, then read again: insurance against a LISTEN connection that
 *   died without anyone noticing (a half-open TCP connection), and against a
 *   change the triggers do not report (TRUNCATE);
 * - a session's own expiry is kept with it and checked on every use.
 * The map holds at most TOKEN_CACHE_MAX_ENTRIES tokens, least recently used
 * dropped first; it never holds a token itself, only its hash.
 */
export const AUTH_CHANNEL = 'tavla_auth';

/** How long a token read from the database is trusted without reading it again. */
export const TOKEN_CACHE_MAX_AGE_MS = 30_000;
/** At most this many tokens are cached per process (a few hundred bytes each). */
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

/** What a `tavla_auth` notice names: every cached token of that device, account or workplace is dropped. */
export interface AuthNotice {
  kind: 'device' | 'account' | 'workplace';
  id: string;
}

export interface CachedToken {
  caller: Caller;
  /** a session's end (ms); devices have none */
  expiresAt?: number;
  /** when last_seen was last written for this token (ms; 0 = never) */
  lastSeen: number;
}

interface Entry extends CachedToken {
  /** when it was read from the database */
  at: number;
}

export class TokenCache {
  private readonly map = new Map<string, Entry>();
  private gen = 0;

  constructor(
    private readonly trusted: () => boolean,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = TOKEN_CACHE_MAX_ENTRIES,
  ) {}

  /** Taken before reading a token from the database; pass it to `put`. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.map.size;
  }

  /** The cached token, if it may be trusted now. */
  get(hash: string): CachedToken | undefined {
    const e = this.map.get(hash);
    if (e === undefined || !this.trusted()) return undefined;
    const now = this.now();
    if (now - e.at > TOKEN_CACHE_MAX_AGE_MS || now < e.at || (e.expiresAt !== undefined && e.expiresAt <= now)) {
      this.map.delete(hash);
      return undefined;
    }
    // most recently used last: eviction takes the first
    this.map.delete(hash);
    this.map.set(hash, e);
    return e;
  }

  /** A token just read from the database; ignored if anything was forgotten since `generation`. */
  put(hash: string, token: CachedToken, generation: number): void {
    if (generation !== this.gen || !this.trusted()) return;
    this.map.delete(hash);
    this.map.set(hash, { ...token, at: this.now() });
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }

  /** Drops every token of that device / account (its sessions) / workplace (its devices). */
  forget(notice: AuthNotice): void {
    this.gen++;
    for (const [hash, e] of this.map) {
      const c = e.caller;
      const hit =
        c.kind === 'device'
          ? (notice.kind === 'device' && c.deviceId === notice.id) || (notice.kind === 'workplace' && c.workplaceId === notice.id)
          : notice.kind === 'account' && c.accountId === notice.id;
      if (hit) this.map.delete(hash);
    }
  }

  /** Forget everything (the LISTEN connection came back, or a notice could not be read). */
  clear(): void {
    this.gen++;
    this.map.clear();
  }

  /** Parses a `tavla_auth` payload; undefined when it is not one. */
  static parse(payload: string): AuthNotice | undefined {
    try {
      const n = JSON.parse(payload) as Partial<AuthNotice>;
      if ((n.kind === 'device' || n.kind === 'account' || n.kind === 'workplace') && typeof n.id === 'string') return { kind: n.kind, id: n.id.toLowerCase() };
    } catch {
      /* below */
    }
    return undefined;
  }
}

/**
 * Resolves a token to its caller, or throws 401. With a cache, a token read
 * from the database is kept there, and a cached one is answered without a
 * query (but for last_seen, written at most once a minute per token).
 */
export async function authenticate(db: Queryable, token: string | undefined, now: Date, cache?: TokenCache): Promise<Caller> {
  if (!token || token.length > 200) throw unauthorized();
  const device = token.startsWith('tvd_');
  if (!device && !token.startsWith('tvs_')) throw unauthorized();
  const hash = sha256Hex(token);
  const t = now.getTime();
  const cached = cache?.get(hash);
  if (cached) {
    if (cached.lastSeen <= t - LAST_SEEN_EVERY_MS) {
      cached.lastSeen = t; // (before the await: concurrent requests write it once)
      if (cached.caller.kind === 'device') await db.query('update device_tokens set last_seen = $2 where id = $1', [cached.caller.deviceId, now]);
      else await db.query('update sessions set last_seen = $2 where token_hash = $1', [hash, now]);
    }
    return cached.caller;
  }
  const generation = cache?.generation ?? 0;
  const stale = new Date(t - LAST_SEEN_EVERY_MS);
  if (device) {
    const { rows } = await db.query<{ id: string; workplace_id: string; last_seen: Date | null }>(
      'select id, workplace_id, last_seen from device_tokens where token_hash = $1 and revoked_at is null',
      [hash],
    );
    const d = rows[0];
    if (!d) throw unauthorized('This device is not paired (or was removed); pair it again');
    let lastSeen = d.last_seen?.getTime() ?? 0;
    if (!d.last_seen || d.last_seen < stale) {
      await db.query('update device_tokens set last_seen = $2 where id = $1', [d.id, now]);
      lastSeen = t;
    }
    const caller: DeviceCaller = { kind: 'device', deviceId: d.id, workplaceId: d.workplace_id };
    cache?.put(hash, { caller, lastSeen }, generation);
    return caller;
  }
  const { rows } = await db.query<{ account_id: string; expires_at: Date; last_seen: Date | null }>(
    'select account_id, expires_at, last_seen from sessions where token_hash = $1 and expires_at > $2',
    [hash, now],
  );
  const s = rows[0];
  if (!s) throw unauthorized('Your session has ended; sign in again');
  let lastSeen = s.last_seen?.getTime() ?? 0;
  if (!s.last_seen || s.last_seen < stale) {
    await db.query('update sessions set last_seen = $2 where token_hash = $1', [hash, now]);
    lastSeen = t;
  }
  const caller: SupervisorCaller = { kind: 'supervisor', accountId: s.account_id };
  cache?.put(hash, { caller, expiresAt: s.expires_at.getTime(), lastSeen }, generation);
  return caller;
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
