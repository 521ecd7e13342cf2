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
/** The single-use ticket that opens an event stream (never a token: URLs end up in logs). */
export const TICKET_QUERY = 'ticket';

// ── size bounds (docs/sync-protocol.md, "Limits"); each is a clear 4xx ──

/** Largest page a pull returns, in rows; the default is PULL_DEFAULT_LIMIT. */
export const PULL_MAX_LIMIT = 1000;
export const PULL_DEFAULT_LIMIT = 500;
/** A pull page also stops before its rows' JSON passes this many bytes (always at least one row). */
export const PULL_MAX_BYTES = 4 * 1024 * 1024;
/** Most ops one push may carry; 5,000 ops of a few fields each fit in PUSH_MAX_BYTES. */
export const PUSH_MAX_OPS = 5000;
/** Largest push body. */
export const PUSH_MAX_BYTES = 2 * 1024 * 1024;
/** Largest merged row (its fields and stamps as JSON): a bigger one is refused with 413. */
export const MAX_ROW_BYTES = 64 * 1024;
/** Deepest nesting of any JSON body (objects and arrays); deeper is a 400. */
export const MAX_JSON_DEPTH = 32;

// ── sync ────────────────────────────────────────────────────────────────

/** POST /api/sync/push */
export interface PushRequest {
  schemaVersion: number;
  /** the device's current HLC; checked for drift like every op's hlc */
  deviceClock?: Hlc;
  ops: OutboxOp[];
  /** the device's pull cursor: lets the server say whether this push's rows are the only new ones */
  since?: { cursor: number; epoch: string };
}

export interface PushResponse {
  /** every op id of the request, including ones applied by an earlier try */
  acked: string[];
  /** the workplace's change counter after this push */
  cursor: number;
  /** the epoch of `cursor` (see PullResponse.epoch) */
  epoch: string;
  /**
   * true when `since` was valid and equal to the counter before this push:
   * the rows this push wrote are the only ones after it, so the device may
   * take (cursor, epoch) as its pull cursor and skip pulling its own echo
   */
  caughtUp: boolean;
  /** a server stamp for the client's HLC recv() */
  serverHlc: Hlc;
}

export interface PulledRow {
  table: SyncedTable;
  /** the full row: fields, `deleted` and `_clock` */
  row: SyncedRow & Record<string, unknown>;
}

/** GET /api/sync/pull?cursor=N&epoch=E&limit=500 */
export interface PullResponse {
  rows: PulledRow[];
  /** pass this as `cursor` in the next pull */
  cursor: number;
  /** pass this as `epoch` with the cursor: it names the server's history the cursor belongs to ('' for 0) */
  epoch: string;
  /** true when the cursor sent did not match the server's history (a restore): this page starts at 0 */
  reset: boolean;
  /** true when more rows wait beyond this page: pull again at once */
  hasMore: boolean;
  serverHlc: Hlc;
}

/** Data of the SSE `poke` event of GET /api/sync/events. */
export interface PokeEvent {
  cursor: number;
  epoch: string;
}

/** POST /api/sync/events/ticket: opens one event stream within TICKET_TTL_MS. */
export interface EventTicketResponse {
  ticket: string;
  expiresAt: string;
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
  'unavailable', // 503: the database does not answer, or the workplace is busy (see Retry-After)
  'quota_exceeded', // 413: the workplace's blob storage is full
  'internal', // 500: details only in the server log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
}
