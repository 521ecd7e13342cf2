/**
 * Supervisor accounts: sign up and log in. Both answer with a session token
 * (30 days) and the account's workplaces. Rate-limited per IP.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SessionResponse } from '../../../sync/shared/protocol';
import { DUMMY_PASSWORD_HASH, hashPassword, newSessionToken, sha256Hex, verifyPassword } from '../../auth';
import type { Queryable } from '../../db/db';
import { ApiError, conflict } from '../../errors';

const SESSION_DAYS = 30;

const credentials = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' },
    password: { type: 'string', minLength: 10, maxLength: 200 },
  },
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

export default async function accountRoutes(app: FastifyInstance) {
  const rateLimit = app.sensitiveRateLimit;

  app.post<{ Body: { email: string; password: string } }>(
    '/accounts',
    { schema: { body: credentials, response: { 201: sessionResponse[200] } }, config: { rateLimit } },
    async (req, reply) => {
      const email = req.body.email.trim();
      const hash = await hashPassword(req.body.password);
      const id = randomUUID();
      const now = app.now();
      const inserted = await app.db.query(
        'insert into accounts (id, email, password_hash, created_at) values ($1, $2, $3, $4) on conflict do nothing',
        [id, email, hash, new Date(now)],
      );
      if (inserted.rowCount === 0) throw conflict('An account with this email already exists');
      return reply.code(201).send(await startSession(app.db, id, now));
    },
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/login',
    { schema: { body: credentials, response: sessionResponse }, config: { rateLimit } },
    async (req) => {
      const { rows } = await app.db.query<{ id: string; password_hash: string }>(
        'select id, password_hash from accounts where lower(email) = lower($1)',
        [req.body.email.trim()],
      );
      const account = rows[0];
      // verify against a dummy hash for unknown emails, so timing does not tell which emails exist
      const ok = await verifyPassword(req.body.password, account?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!account || !ok) throw new ApiError(401, 'unauthorized', 'Wrong email or password');
      return startSession(app.db, account.id, app.now());
    },
  );
}
