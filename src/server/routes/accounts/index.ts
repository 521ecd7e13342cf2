/**
 * Supervisor accounts:
 *
 *   POST /api/accounts   sign up (the first account; later ones need an invite or OPEN_SIGNUP)
 *   POST /api/login      a session token (30 days) and the account's workplaces
 *   POST /api/logout     ends this session, or with {everywhere: true} every session of the account
 *   POST /api/invites    supervisor: a one-time code that lets one more person sign up
 *
 * Sign-up is closed once an account exists: a server reachable from the
 * internet must not hand accounts to whoever finds it. The first account is
 * the one who set the server up; after that, an invite (from a supervisor or
 * `npm run admin -- invite`), `npm run admin -- create-account` or the
 * OPEN_SIGNUP setting adds more. Two sign-ups racing to be "the first" take
 * turns on a transaction lock, so at most one of them gets in uninvited.
 *
 * Login is limited per IP (by the route's rate limit) and per account:
 * after `perAccount.max` wrong passwords for one email in a window, that
 * email is refused until the window ends, from any IP; a right password
 * clears the count. Unknown emails are counted the same way, so the answer
 * never tells whether an account exists.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SessionResponse } from '../../../sync/shared/protocol';
import { DUMMY_PASSWORD_HASH, hashPassword, newSessionToken, sha256Hex, supervisorOf, verifyPassword } from '../../auth';
import type { Queryable } from '../../db/db';
import { ApiError, conflict } from '../../errors';
import { forget, hit, peek } from '../../rateLimits';

const SESSION_DAYS = 30;
export const INVITE_DAYS = 7;
/** "the sign-up lock": an arbitrary constant, like the migrations lock */
const SIGNUP_LOCK_KEY = 7_411_503;

const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' } as const;
const password = { type: 'string', minLength: 10, maxLength: 200 } as const;

const credentials = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: { email, password },
} as const;

const signupBody = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: { email, password, invite: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const sessionResponse = {
  200: {
    type: 'object',
    properties: {
      token: { type: 'string' },
      accountId: { type: 'string' },
      workplaces: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    },
  },
} as const;

export async function workplacesOf(db: Queryable, accountId: string) {
  const { rows } = await db.query<{ id: string; name: string }>('select id, name from workplaces where owner_account_id = $1 order by created_at, id', [accountId]);
  return rows;
}

async function startSession(db: Queryable, accountId: string, now: number): Promise<SessionResponse> {
  const token = newSessionToken();
  await db.query('insert into sessions (token_hash, account_id, created_at, expires_at, last_seen) values ($1, $2, $3, $4, $3)', [
    sha256Hex(token),
    accountId,
    new Date(now),
    new Date(now + SESSION_DAYS * 86_400_000),
  ]);
  return { token, accountId, workplaces: await workplacesOf(db, accountId) };
}

/** An invite code: 16 random bytes, URL-safe; only its SHA-256 is stored. */
export async function createInvite(db: Queryable, createdBy: string | null, now: number): Promise<{ code: string; expiresAt: Date }> {
  const code = 'tvi_' + randomBytes(16).toString('base64url');
  const expiresAt = new Date(now + INVITE_DAYS * 86_400_000);
  await db.query('insert into invites (code_hash, created_by, created_at, expires_at) values ($1, $2, $3, $4)', [
    sha256Hex(code),
    createdBy,
    new Date(now),
    expiresAt,
  ]);
  return { code, expiresAt };
}

/** Creates an account; `invite` is checked and spent only when sign-up is otherwise closed. */
export async function createAccount(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  input: { email: string; password: string; invite?: string; open: boolean; now: number },
): Promise<string> {
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SIGNUP_LOCK_KEY]);
    const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from accounts');
    const first = (rows[0]?.n ?? 0) === 0;
    if (!first && !input.open) {
      if (!input.invite) throw new ApiError(403, 'forbidden', 'Sign-up is closed on this server; ask a supervisor for an invite or IT for an account');
      const spent = await tx.query(
        'update invites set used_at = $2, used_by = null where code_hash = $1 and used_at is null and expires_at > $2',
        [sha256Hex(input.invite), new Date(input.now)],
      );
      if (spent.rowCount === 0) throw new ApiError(403, 'forbidden', 'This invite is unknown, used or expired; ask for a new one');
    }
    const inserted = await tx.query(
      'insert into accounts (id, email, password_hash, created_at) values ($1, $2, $3, $4) on conflict do nothing',
      [id, input.email.trim(), hash, new Date(input.now)],
    );
    if (inserted.rowCount === 0) throw conflict('An account with this email already exists');
    if (input.invite && !first && !input.open) await tx.query('update invites set used_by = $2 where code_hash = $1', [sha256Hex(input.invite), id]);
    return id;
  });
}

const accountKey = (email: string) => `login:${email.trim().toLowerCase()}`;

export default async function accountRoutes(app: FastifyInstance) {
  const rateLimit = app.sensitiveRateLimit;
  const loginLimits = app.loginLimits;

  app.post<{ Body: { email: string; password: string; invite?: string } }>(
    '/accounts',
    { schema: { body: signupBody, response: { 201: sessionResponse[200] } }, config: { rateLimit } },
    async (req, reply) => {
      const now = app.now();
      const id = await createAccount(app.db, { ...req.body, open: app.tavla.openSignup, now });
      return reply.code(201).send(await startSession(app.db, id, now));
    },
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/login',
    { schema: { body: credentials, response: sessionResponse }, config: { rateLimit: loginLimits ? loginLimits.perIp : false } },
    async (req) => {
      const now = app.now();
      const key = accountKey(req.body.email);
      if (loginLimits) {
        const tries = await peek(app.db, key, now);
        if (tries.current >= loginLimits.perAccount.max) {
          throw new ApiError(429, 'rate_limited', `Too many wrong passwords for this account; wait ${Math.ceil(tries.ttl / 60_000)} min or ask IT to reset it`);
        }
      }
      const { rows } = await app.db.query<{ id: string; password_hash: string }>(
        'select id, password_hash from accounts where lower(email) = lower($1)',
        [req.body.email.trim()],
      );
      const account = rows[0];
      // verify against a dummy hash for unknown emails, so timing does not tell which emails exist
      const ok = await verifyPassword(req.body.password, account?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!account || !ok) {
        if (loginLimits) await hit(app.db, key, loginLimits.perAccount.timeWindow, now);
        throw new ApiError(401, 'unauthorized', 'Wrong email or password');
      }
      if (loginLimits) await forget(app.db, key);
      return startSession(app.db, account.id, now);
    },
  );

  app.post<{ Body: { everywhere?: boolean } | undefined }>(
    '/logout',
    {
      onRequest: app.authSupervisor,
      schema: { body: { type: ['object', 'null'], additionalProperties: false, properties: { everywhere: { type: 'boolean' } } } },
    },
    async (req, reply) => {
      const me = supervisorOf(req);
      if (req.body?.everywhere) await app.db.query('delete from sessions where account_id = $1', [me.accountId]);
      else await app.db.query('delete from sessions where token_hash = $1', [sha256Hex(String(req.headers.authorization).replace(/^Bearer\s+/i, ''))]);
      // at once on this replica (every cached session of the account: they are read again); the others hear the database's notice
      app.changes.tokens.forget({ kind: 'account', id: me.accountId });
      return reply.code(204).send();
    },
  );

  app.post('/invites', { onRequest: app.authSupervisor }, async (req, reply) => {
    const me = supervisorOf(req);
    const invite = await createInvite(app.db, me.accountId, app.now());
    return reply.code(201).send({ code: invite.code, expiresAt: invite.expiresAt.toISOString() });
  });
}

