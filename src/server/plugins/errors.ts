/**
 * One central error handler: every error becomes `{error, message}`. Client
 * errors (4xx) say what was wrong; server errors (5xx) are logged in full
 * and answered with a fixed message, never a stack, SQL or driver text.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../sync/shared/protocol';
import { ApiError } from '../errors';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export function registerErrorHandling(app: FastifyInstance, spaFallback: boolean): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      req.log.info({ code: err.code, status: err.statusCode }, err.message);
      if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
      return reply.code(err.statusCode).send({ error: err.code, message: err.message });
    }
    if (err.validation) {
      return reply.code(400).send({ error: 'bad_request', message: err.message });
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      req.log.info({ code: err.code, status }, err.message);
      return reply.code(status).send({ error: CODE_BY_STATUS[status] ?? 'bad_request', message: err.message });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server; it has been logged' });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (spaFallback && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api') {
      // the PWA routes on the client: any non-API page is the app shell
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `No route ${req.method} ${path}` });
  });
}
