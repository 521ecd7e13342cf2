/**
 * What `npm run admin -- <command>` does, separate from the command line
 * (admin.ts) so tests run each command against a test database.
 *
 *   create-account <email> [--password-stdin]   an account; prints a new password unless one is piped in
 *   reset-password <email> [--password-stdin]   a new password; ends every session, clears the login lock
 *   invite                                      a one-time sign-up code (sign-up is closed after the first account)
 *   list-workplaces                             workplaces with owner, tablets and last activity
 *   list-devices <workplace-id>                 the tablets of a workplace, with their ids
 *   revoke-device <device-id>                   the tablet must be paired again
 *
 * These are for IT on the server itself: whoever can run them can already
 * read the database, so they ask for no password.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db/db';
import { hashPassword } from './auth';
import { forget } from './rateLimits';
import { createAccount, createInvite } from './routes/accounts/index';

export interface AdminIo {
  db: Db;
  out: (line: string) => void;
  /** the piped-in password (first line of stdin), read only when asked for */
  readPassword: () => Promise<string>;
  now?: () => number;
}

export class AdminUsageError extends Error {}

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  create-account <email> [--password-stdin]
  reset-password <email> [--password-stdin]
  invite
  list-workplaces
  list-devices <workplace-id>
  revoke-device <device-id>`;

const MIN_PASSWORD = 10;

/** 18 random bytes as base64url: 24 characters, easy to paste, hard to guess. */
const newPassword = () => randomBytes(18).toString('base64url');

async function passwordFrom(args: string[], io: AdminIo): Promise<{ password: string; generated: boolean }> {
  if (!args.includes('--password-stdin')) return { password: newPassword(), generated: true };
  const password = (await io.readPassword()).trim();
  if (password.length < MIN_PASSWORD) throw new AdminUsageError(`The password must have at least ${MIN_PASSWORD} characters`);
  return { password, generated: false };
}

function emailArg(args: string[]): string {
  const email = args.find((a) => !a.startsWith('--'));
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new AdminUsageError('Give an email address');
  return email;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idArg(args: string[], what: string): string {
  const id = args[0];
  if (!id || !UUID.test(id)) throw new AdminUsageError(`Give the ${what} id (a UUID)`);
  return id.toLowerCase();
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : 'never');

export async function runAdmin(argv: string[], io: AdminIo): Promise<void> {
  const [command, ...args] = argv;
  const now = io.now ?? Date.now;
  switch (command) {
    case 'create-account': {
      const email = emailArg(args);
      const { password, generated } = await passwordFrom(args, io);
      const id = await createAccount(io.db, { email, password, open: true, now: now() });
      io.out(`Created account ${email} (${id}).`);
      if (generated) io.out(`Password: ${password}`);
      return;
    }
    case 'reset-password': {
      const email = emailArg(args);
      const { password, generated } = await passwordFrom(args, io);
      const hash = await hashPassword(password);
      const account = await io.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>('update accounts set password_hash = $2 where lower(email) = lower($1) returning id', [email, hash]);
        const found = rows[0];
        if (found) await tx.query('delete from sessions where account_id = $1', [found.id]);
        return found;
      });
      if (!account) throw new AdminUsageError(`No account ${email}`);
      await forget(io.db, `login:${email.trim().toLowerCase()}`);
      io.out(`New password set for ${email}; every session of the account has ended.`);
      if (generated) io.out(`Password: ${password}`);
      return;
    }
    case 'invite': {
      const invite = await createInvite(io.db, null, now());
      io.out(`Invite (one sign-up, until ${invite.expiresAt.toISOString()}): ${invite.code}`);
      return;
    }
    case 'list-workplaces': {
      const { rows } = await io.db.query<{ id: string; name: string; email: string; devices: number; last_seen: Date | null }>(
        `select w.id, w.name, a.email,
                count(d.id) filter (where d.revoked_at is null)::int as devices,
                max(d.last_seen) as last_seen
           from workplaces w join accounts a on a.id = w.owner_account_id
           left join device_tokens d on d.workplace_id = w.id
          group by w.id, w.name, a.email
          order by w.name, w.id`,
      );
      if (rows.length === 0) io.out('No workplaces yet.');
      for (const w of rows) io.out(`${w.id}  ${w.name}  owner ${w.email}  ${w.devices} tablet(s)  last seen ${day(w.last_seen)}`);
      return;
    }
    case 'list-devices': {
      const workplaceId = idArg(args, 'workplace');
      const { rows } = await io.db.query<{ id: string; name: string; last_seen: Date | null; revoked_at: Date | null }>(
        'select id, name, last_seen, revoked_at from device_tokens where workplace_id = $1 order by created_at, id',
        [workplaceId],
      );
      if (rows.length === 0) io.out('No tablets in that workplace.');
      for (const d of rows) io.out(`${d.id}  ${d.name}  last seen ${day(d.last_seen)}${d.revoked_at ? `  revoked ${day(d.revoked_at)}` : ''}`);
      return;
    }
    case 'revoke-device': {
      const deviceId = idArg(args, 'device');
      const res = await io.db.query('update device_tokens set revoked_at = coalesce(revoked_at, $2) where id = $1', [deviceId, new Date(now())]);
      if (res.rowCount === 0) throw new AdminUsageError(`No device ${deviceId}`);
      io.out(`Revoked device ${deviceId}; it must be paired again.`);
      return;
    }
    default:
      throw new AdminUsageError(command ? `Unknown command "${command}"\n${ADMIN_USAGE}` : ADMIN_USAGE);
  }
}
