/**
 * Errors the API answers with. Route code throws `ApiError`; the central
 * error handler (plugins/errors.ts) turns it, and Fastify's own 4xx errors,
 * into `{ error: code, message }`. Anything else is a 500 whose details go
 * only to the log.
 */
import type { ErrorCode } from '../sync/shared/protocol';
import { RETRY_AFTER_S } from './limits';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** seconds, sent as `Retry-After` (a busy workplace, a full upload queue) */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const unauthorized = (message = 'Sign in or pair this device again') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'Not allowed for this workplace') => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new ApiError(404, 'not_found', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const tooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
/** A retryable 503: the workplace is busy; nothing was written. */
export const busy = (message = 'This workplace is busy; try again in a moment') => new ApiError(503, 'unavailable', message, RETRY_AFTER_S);
