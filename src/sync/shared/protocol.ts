/**
 * The sync wire protocol between the PWA and the server (docs/sync-protocol.md
 * describes it in prose with examples). Imported by both sides, so it is pure
 * TypeScript with no node or DOM imports.
 *
 * Compatibility rule: SCHEMA_VERSION changes whenever the shape of synced
 * rows or of these messages changes in a way an older app cannot handle.
 * Every sync request carries it in the `x-tavla-schema` header; a server
 * answers an older version with 426 `update_required`, and the app then
 * reloads to pick up the new build before syncing again.
 */

import type { Hlc, OutboxOp, SyncedRow, SyncedTable } from '../../domain/types';

export const SCHEMA_VERSION = 1;
export const SCHEMA_HEADER = 'x-tavla-schema';
/** EventSource cannot send headers: the SSE endpoint also takes these as query parameters. */
export const SCHEMA_QUERY = 'schema';
export const ACCESS_TOKEN_QUERY = 'access_token';

/** Largest page a pull returns; the default is PULL_DEFAULT_LIMIT. */
export const PULL_MAX_LIMIT = 1000;
export const PULL_DEFAULT_LIMIT = 500;
/** Most ops one push may carry (also bounded by the 1 MB body limit). */
export const PUSH_MAX_OPS = 5000;

// ── sync ────────────────────────────────────────────────────────────────

/** POST /api/sync/push */
export interface PushRequest {
  schemaVersion: number;
  /** the device's current HLC; checked for drift like every op's hlc */
  deviceClock?: Hlc;
  ops: OutboxOp[];
}

export interface PushResponse {
  /** every op id of the request, including ones applied by an earlier try */
  acked: string[];
  /** the workplace's change counter after this push */
  cursor: number;
  /** a server stamp for the client's HLC recv() */
  serverHlc: Hlc;
}

export interface PulledRow {
  table: SyncedTable;
  /** the full row: fields, `deleted` and `_clock` */
  row: SyncedRow & Record<string, unknown>;
}

/** GET /api/sync/pull?cursor=N&limit=500 */
export interface PullResponse {
  rows: PulledRow[];
  /** pass this as `cursor` in the next pull */
  cursor: number;
  /** true when more rows wait beyond this page: pull again at once */
  hasMore: boolean;
  serverHlc: Hlc;
}

/** Data of the SSE `poke` event of GET /api/sync/events. */
export interface PokeEvent {
  cursor: number;
}

// ── accounts, workplaces, devices ───────────────────────────────────────

export interface SignupRequest {
  email: string;
  password: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface WorkplaceSummary {
  id: string;
  name: string;
}

/** POST /api/accounts and POST /api/login */
export interface SessionResponse {
  token: string;
  accountId: string;
  workplaces: WorkplaceSummary[];
}

/** POST /api/workplaces: create, or claim an id made offline on a tablet. */
export interface ClaimWorkplaceRequest {
  id: string;
  name: string;
  deviceName: string;
}

export interface DeviceTokenResponse {
  workplace: WorkplaceSummary;
  device: { id: string; name: string };
  /** the device's bearer token; shown once, stored only hashed on the server */
  token: string;
}

export interface PairingCodeResponse {
  code: string;
  expiresAt: string;
  pairUrl: string;
  qrSvg: string;
}

export interface PairRequest {
  code: string;
  deviceName: string;
}

export interface DeviceInfo {
  id: string;
  name: string;
  createdAt: string;
  lastSeen: string | null;
  revokedAt: string | null;
}

export interface BlobUploadResponse {
  hash: string;
  size: number;
}

// ── errors ──────────────────────────────────────────────────────────────

export const ERROR_CODES = [
  'update_required', // 426: the app is older than the server's schema
  'clock_drift', // 409: a device clock is more than 5 min ahead
  'unauthorized', // 401: no, unknown, expired or revoked token; wrong password
  'forbidden', // 403: the token may not touch this workplace / route
  'pairing_expired', // 410
  'pairing_used', // 409
  'pairing_invalid', // 404
  'bad_request', // 400 (also 415 for an unsupported content type)
  'payload_too_large', // 413
  'rate_limited', // 429
  'hash_mismatch', // 422: blob body does not hash to the URL's SHA-256
  'not_found', // 404
  'conflict', // 409: email taken, workplace id owned by another account
  'unavailable', // 503: the database does not answer
  'internal', // 500: details only in the server log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
}
