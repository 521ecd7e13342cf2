/**
 * The server's size and concurrency bounds in one place (the sync bounds a
 * client must also know live in sync/protocol.ts). Each is documented in
 * docs/sync-protocol.md under "Limits", and exceeding one is a clear 4xx
 * (or a retryable 503), never a 500 or a server that grows without end.
 *
 * A module of its own so that routes and app.ts both import it: routes
 * importing app.ts made an import cycle.
 */
export { MAX_JSON_DEPTH, MAX_ROW_BYTES, PULL_MAX_BYTES, PUSH_MAX_BYTES, PUSH_MAX_OPS } from '../sync/shared/protocol';

/** Body limit of every JSON route but push. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Largest blob (photo, custom pictogram, voice clip). */
export const BLOB_BODY_LIMIT = 10 * 1024 * 1024;
/** Blob storage per workplace; an upload past it is a 413 `quota_exceeded`. */
export const BLOB_QUOTA_BYTES = 512 * 1024 * 1024;
/** Blob uploads one workplace may have in flight on one replica; more wait for a 503 + Retry-After. */
export const BLOB_UPLOADS_IN_FLIGHT = 2;
/** Event streams one device may hold open on one replica; another is a 429. */
export const STREAMS_PER_DEVICE = 3;
/** How long an event-stream ticket stays valid. */
export const TICKET_TTL_MS = 60_000;

/**
 * Pushes to one workplace take turns on its counter row lock. Each replica
 * lets only one of them hold a pooled connection at a time; the rest wait in
 * memory (at most PUSH_QUEUE_MAX of them, at most PUSH_QUEUE_WAIT_MS each),
 * so a busy workplace cannot take the pool from the others. A push waiting
 * for the row lock (held by another replica or the retention sweep) gives up
 * after LOCK_TIMEOUT_MS. Either way the answer is 503 with Retry-After.
 */
export const PUSH_QUEUE_MAX = 32;
export const PUSH_QUEUE_WAIT_MS = 5_000;
export const LOCK_TIMEOUT_MS = 2_000;
export const RETRY_AFTER_S = 2;
/** The retention sweep anonymises at most this many rows per transaction. */
export const RETENTION_CHUNK = 500;
