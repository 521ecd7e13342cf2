/**
 * Security headers (helmet) and rate limits.
 *
 * The CSP allows exactly what the built PWA uses: its own scripts (vite
 * emits no inline script), images from blob:/data: (photos held in
 * IndexedDB, inline SVG), recorded voice clips from blob:, its own service
 * worker. Inline style attributes stay allowed: Solid sets `style` props.
 *
 * Rate limits guard the routes that take a secret a stranger could guess
 * (login, signup, pairing), per client IP. Login is also limited per
 * account (wrong passwords, in routes/accounts): the per-IP login limit is
 * therefore generous, so one office behind one address is not locked out by
 * a colleague's typos, while a guesser spreading tries over many addresses
 * still meets the account's limit. The counters live in the database
 * (limits.ts), so the limits hold across replicas.
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import { pgRateLimitStore } from '../rateLimits';

export type RateLimitSetting = { max: number; timeWindow: number } | false;

export interface LoginLimits {
  /** login attempts per client IP, right or wrong */
  perIp: { max: number; timeWindow: number };
  /** wrong passwords per account (by email), whatever the IP; a right one clears them */
  perAccount: { max: number; timeWindow: number };
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perIp: { max: 100, timeWindow: 15 * 60_000 },
  perAccount: { max: 10, timeWindow: 15 * 60_000 },
};

export const HELMET_OPTIONS: FastifyHelmetOptions = {
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
};

/**
 * The headers helmet sets with these options, worked out once on a throw-away
 * app: @fastify/helmet rebuilds helmet's middleware (and parses the CSP again)
 * on every request, which cost a cheap pull more than its own work did.
 */
export async function helmetHeaders(options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  let headers: [string, string][] = [];
  probe.addHook('onRequest', (_req, reply, done) => {
    headers = Object.entries(reply.raw.getHeaders()).map(([name, value]) => [name, String(value)]);
    done();
  });
  probe.get('/', (_req, reply) => reply.send(''));
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (!headers.some(([name]) => name === 'content-security-policy')) throw new Error('helmet set no CSP');
  return headers;
}

export async function registerSecurity(app: FastifyInstance, limits: RateLimitSetting, loginLimits: LoginLimits | false = DEFAULT_LOGIN_LIMITS): Promise<void> {
  const headers = await helmetHeaders();
  // on the raw response, as helmet does: also on hijacked replies (the event stream)
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    done();
  });

  await app.register(rateLimit, {
    global: false,
    store: pgRateLimitStore(app.db, app.now),
    ...(limits ? { max: limits.max, timeWindow: limits.timeWindow } : {}),
    errorResponseBuilder: (_req, ctx) => new ApiError(429, 'rate_limited', `Too many attempts; wait ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  app.decorate('sensitiveRateLimit', limits ? { max: limits.max, timeWindow: limits.timeWindow } : false);
  const login: LoginLimits | false = limits ? loginLimits : false;
  app.decorate<LoginLimits | false>('loginLimits', login);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** route config for the rate-limited routes: `config: { rateLimit: app.sensitiveRateLimit }` */
    sensitiveRateLimit: { max: number; timeWindow: number } | false;
    /** login's limits (per IP, per account); false = off */
    loginLimits: LoginLimits | false;
  }
}
