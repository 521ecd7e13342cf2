/**
 * Security headers (helmet) and rate limits.
 *
 * The CSP allows exactly what the built PWA uses: its own scripts (vite
 * emits no inline script), images from blob:/data: (photos held in
 * IndexedDB, inline SVG), recorded voice clips from blob:, its own service
 * worker. Inline style attributes stay allowed: Solid sets `style` props.
 *
 * Rate limits guard the routes that take a secret a stranger could guess
 * (login, signup, pairing). The counters live in each replica's memory: with
 * N replicas a client gets up to N times the limit. That is the one piece
 * of state outside the database, accepted because the limits only need to
 * make guessing slow (a pairing code is 1 of 31^8 and lives 10 minutes),
 * not exact; a shared store (@fastify/rate-limit supports Redis) would fix it.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';

export type RateLimitSetting = { max: number; timeWindow: number } | false;

export async function registerSecurity(app: FastifyInstance, limits: RateLimitSetting): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // the app is often served over plain http on a local network
    strictTransportSecurity: false,
  });

  await app.register(rateLimit, {
    global: false,
    ...(limits ? { max: limits.max, timeWindow: limits.timeWindow } : {}),
    errorResponseBuilder: (_req, ctx) => new ApiError(429, 'rate_limited', `Too many attempts; wait ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  app.decorate('sensitiveRateLimit', limits ? { max: limits.max, timeWindow: limits.timeWindow } : false);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** route config for the rate-limited routes: `config: { rateLimit: app.sensitiveRateLimit }` */
    sensitiveRateLimit: { max: number; timeWindow: number } | false;
  }
}
