/**
 * Workplaces, devices and pairing.
 *
 *   POST   /api/workplaces                     supervisor: create or claim a workplace id
 *   POST   /api/workplaces/:id/pairing-codes   supervisor: a code + QR for a new tablet
 *   GET    /api/workplaces/:id/devices         supervisor: the paired tablets
 *   DELETE /api/devices/:id                    supervisor: revoke a tablet
 *   POST   /api/pair                           anyone with a valid code: a device token
 *
 * A workplace is usually born offline: the first tablet generates its id
 * and works for days before a supervisor registers it. Registering it here
 * "claims" that id for the account, so the tablet's outbox, pushed
 * afterwards, lands in it; an id already owned by another account is a 409.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { DeviceTokenResponse, PairingCodeResponse } from '../../../sync/shared/protocol';
import { newDeviceToken, sha256Hex, supervisorOf } from '../../auth';
import type { Queryable } from '../../db/db';
import { ApiError, conflict, forbidden, notFound } from '../../errors';
import { newPairingCode, normalisePairingCode, PAIRING_TTL_MS } from './pairing';

const uuidParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const deviceName = { type: 'string', minLength: 1, maxLength: 80 } as const;

async function issueDeviceToken(db: Queryable, workplaceId: string, name: string, now: number) {
  const token = newDeviceToken();
  const id = randomUUID();
  await db.query('insert into device_tokens (id, token_hash, workplace_id, name, created_at) values ($1, $2, $3, $4, $5)', [
    id,
    sha256Hex(token),
    workplaceId,
    name,
    new Date(now),
  ]);
  return { id, token };
}

/** Throws 403 unless the account owns the workplace (same answer whether it exists or not). */
async function assertOwner(db: Queryable, accountId: string, workplaceId: string): Promise<{ name: string }> {
  const { rows } = await db.query<{ name: string }>('select name from workplaces where id = $1 and owner_account_id = $2', [workplaceId, accountId]);
  if (!rows[0]) throw forbidden('This workplace is not yours');
  return rows[0];
}

export default async function workplaceRoutes(app: FastifyInstance) {
  app.post<{ Body: { id: string; name: string; deviceName: string } }>(
    '/workplaces',
    {
      onRequest: app.authSupervisor,
      schema: {
        body: {
          type: 'object',
          required: ['id', 'name', 'deviceName'],
          additionalProperties: false,
          properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string', minLength: 1, maxLength: 120 }, deviceName },
        },
      },
    },
    async (req, reply) => {
      const me = supervisorOf(req);
      const id = req.body.id.toLowerCase();
      const now = app.now();
      const result = await app.db.transaction(async (tx) => {
        const inserted = await tx.query(
          'insert into workplaces (id, owner_account_id, name, created_at) values ($1, $2, $3, $4) on conflict (id) do nothing',
          [id, me.accountId, req.body.name, new Date(now)],
        );
        const created = inserted.rowCount > 0;
        if (!created) {
          const owner = await tx.query<{ owner_account_id: string }>('select owner_account_id from workplaces where id = $1 for update', [id]);
          if (owner.rows[0]?.owner_account_id !== me.accountId) throw conflict('This workplace belongs to another account');
          await tx.query('update workplaces set name = $2 where id = $1', [id, req.body.name]);
        }
        await tx.query('insert into workplace_counters (workplace_id, seq) values ($1, 0) on conflict do nothing', [id]);
        const device = await issueDeviceToken(tx, id, req.body.deviceName, now);
        return { created, device };
      });
      const body: DeviceTokenResponse = {
        workplace: { id, name: req.body.name },
        device: { id: result.device.id, name: req.body.deviceName },
        token: result.device.token,
      };
      return reply.code(result.created ? 201 : 200).send(body);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/workplaces/:id/pairing-codes',
    { onRequest: app.authSupervisor, schema: { params: uuidParam } },
    async (req, reply) => {
      const me = supervisorOf(req);
      const workplaceId = req.params.id.toLowerCase();
      await assertOwner(app.db, me.accountId, workplaceId);
      const now = app.now();
      const code = newPairingCode();
      const expiresAt = new Date(now + PAIRING_TTL_MS);
      await app.db.query(
        'insert into pairing_codes (code_hash, workplace_id, created_by, created_at, expires_at) values ($1, $2, $3, $4, $5)',
        [sha256Hex(code), workplaceId, me.accountId, new Date(now), expiresAt],
      );
      const origin = app.tavla.publicOrigin ?? `${req.protocol}://${req.host}`;
      const pairUrl = `${origin}/pair?code=${code}`;
      const qrSvg = await QRCode.toString(pairUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      const body: PairingCodeResponse = { code, expiresAt: expiresAt.toISOString(), pairUrl, qrSvg };
      return reply.code(201).send(body);
    },
  );

  app.post<{ Body: { code: string; deviceName: string } }>(
    '/pair',
    {
      config: { rateLimit: app.sensitiveRateLimit },
      schema: {
        body: {
          type: 'object',
          required: ['code', 'deviceName'],
          additionalProperties: false,
          properties: { code: { type: 'string', minLength: 1, maxLength: 32 }, deviceName },
        },
      },
    },
    async (req, reply) => {
      const hash = sha256Hex(normalisePairingCode(req.body.code));
      const now = app.now();
      const result = await app.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ workplace_id: string; expires_at: Date; used_at: Date | null; name: string }>(
          `select p.workplace_id, p.expires_at, p.used_at, w.name
             from pairing_codes p join workplaces w on w.id = p.workplace_id
            where p.code_hash = $1 for update of p`,
          [hash],
        );
        const pairing = rows[0];
        if (!pairing) throw new ApiError(404, 'pairing_invalid', 'Unknown pairing code; check it or ask for a new one');
        if (pairing.used_at) throw new ApiError(409, 'pairing_used', 'This pairing code was already used; ask for a new one');
        if (pairing.expires_at.getTime() <= now) throw new ApiError(410, 'pairing_expired', 'This pairing code has expired; ask for a new one');
        const device = await issueDeviceToken(tx, pairing.workplace_id, req.body.deviceName, now);
        await tx.query('update pairing_codes set used_at = $2, device_id = $3 where code_hash = $1', [hash, new Date(now), device.id]);
        return { pairing, device };
      });
      const body: DeviceTokenResponse = {
        workplace: { id: result.pairing.workplace_id, name: result.pairing.name },
        device: { id: result.device.id, name: req.body.deviceName },
        token: result.device.token,
      };
      return reply.code(201).send(body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/workplaces/:id/devices',
    { onRequest: app.authSupervisor, schema: { params: uuidParam } },
    async (req) => {
      const me = supervisorOf(req);
      const workplaceId = req.params.id.toLowerCase();
      await assertOwner(app.db, me.accountId, workplaceId);
      const { rows } = await app.db.query<{ id: string; name: string; created_at: Date; last_seen: Date | null; revoked_at: Date | null }>(
        'select id, name, created_at, last_seen, revoked_at from device_tokens where workplace_id = $1 order by created_at, id',
        [workplaceId],
      );
      return {
        devices: rows.map((d) => ({
          id: d.id,
          name: d.name,
          createdAt: d.created_at.toISOString(),
          lastSeen: d.last_seen?.toISOString() ?? null,
          revokedAt: d.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/devices/:id',
    { onRequest: app.authSupervisor, schema: { params: uuidParam } },
    async (req, reply) => {
      const me = supervisorOf(req);
      const revoked = await app.db.query(
        `update device_tokens d set revoked_at = coalesce(d.revoked_at, $3)
           from workplaces w
          where d.id = $1 and w.id = d.workplace_id and w.owner_account_id = $2`,
        [req.params.id.toLowerCase(), me.accountId, new Date(app.now())],
      );
      if (revoked.rowCount === 0) throw notFound('No such device in your workplaces');
      // at once on this replica; the others hear it from the database's notice (migration 004)
      app.changes.tokens.forget({ kind: 'device', id: req.params.id.toLowerCase() });
      return reply.code(204).send();
    },
  );
}
