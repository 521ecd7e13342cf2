/**
 * The Tavla server as a Fastify app: `buildApp()` wires third-party plugins
 * (plugins/), then the app's routes (routes/, one folder per resource),
 * under `/api`, and optionally serves the built PWA. It never opens a
 * database or a port itself: main.ts (or a test) passes the `Db` in and
 * decides where to listen, so tests run the same app in-process.
 *
 * State lives in the database only (the rate limiters' counters included),
 * so any number of replicas can run over one PostgreSQL.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { authenticate, bearerToken, requireDevice, requireSupervisor, type Caller } from './auth';
import { ChangeFeed } from './changes';
import type { Db } from './db/db';
import { ApiError } from './errors';
import { registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerSecurity, type LoginLimits, type RateLimitSetting } from './plugins/security';
import { registerStatic } from './plugins/static';
import { registerTextGuard } from './plugins/text-guard';
import { registerRetentionSweeps } from './retention';
import accountRoutes from './routes/accounts/index';
import blobRoutes from './routes/blobs/index';
import healthRoutes from './routes/health/index';
import syncRoutes from './routes/sync/index';
import workplaceRoutes from './routes/workplaces/index';
import { SCHEMA_HEADER, SCHEMA_QUERY, SCHEMA_VERSION } from '../sync/protocol';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const BLOB_BODY_LIMIT = 10 * 1024 * 1024;

export interface AppOptions {
  db: Db;
  /** folder of the built PWA (dist/); omitted = API only */
  staticDir?: string;
  /** false (default) = silent; true or a level = pino JSON logs (to stdout, or the given stream) */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** the clock, injectable for tests (pairing expiry, drift) */
  now?: () => number;
  /** per-IP limits of signup and pairing; false turns every limit off (login's too) */
  rateLimit?: RateLimitSetting;
  /** login's per-IP and per-account limits (default DEFAULT_LOGIN_LIMITS) */
  loginLimits?: LoginLimits;
  /** anyone may create an account, not only the first one or an invited one (OPEN_SIGNUP) */
  openSignup?: boolean;
  /** SSE heartbeat interval, ms (default 25 s) */
  heartbeatMs?: number;
  /** set behind a reverse proxy so request.ip / protocol are the client's */
  trustProxy?: boolean | string;
  /** origin used in pairing URLs (default: from the request's Host) */
  publicOrigin?: string;
  /** run the data-retention sweep every this many ms (see retention.ts); omitted = never (tests call it directly) */
  retentionSweepMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    now: () => number;
    changes: ChangeFeed;
    tavla: Required<Pick<AppOptions, 'heartbeatMs' | 'openSignup'>> & Pick<AppOptions, 'publicOrigin'>;
    authDevice: (req: FastifyRequest) => Promise<void>;
    authSupervisor: (req: FastifyRequest) => Promise<void>;
    checkSchemaVersion: (req: FastifyRequest) => Promise<void>;
    /** "METHOD /api/path" of every API route, for docs and tests */
    apiRoutes: readonly string[];
  }
  interface FastifyRequest {
    caller: Caller | undefined;
  }
}

/** Keeps tokens out of logged URLs (the SSE endpoint takes one in the query). */
function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const level = typeof opts.logger === 'object' ? opts.logger.level : 'info';
  const app = Fastify({
    // one line per request only when asked for (LOG_LEVEL=debug or trace)
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(level) }),
    logger: opts.logger
      ? {
          level,
          ...(typeof opts.logger === 'object' && opts.logger.stream ? { stream: opts.logger.stream } : {}),
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
          },
        }
      : false,
    bodyLimit: JSON_BODY_LIMIT,
    // HEAD only where it means something (blobs, static files), not on every GET
    exposeHeadRoutes: false,
    trustProxy: opts.trustProxy ?? false,
    // a bad path parameter is a 400, not a crash
    routerOptions: { maxParamLength: 200 },
  });

  const now = opts.now ?? Date.now;
  app.decorate('db', opts.db);
  app.decorate('now', now);
  app.decorate('tavla', { heartbeatMs: opts.heartbeatMs ?? 25_000, publicOrigin: opts.publicOrigin, openSignup: opts.openSignup ?? false });
  app.decorate('changes', new ChangeFeed(opts.db, app.log));
  app.decorateRequest('caller', undefined);

  const auth = async (req: FastifyRequest, allowQuery: boolean) => {
    req.caller = await authenticate(app.db, bearerToken(req, allowQuery), new Date(now()));
  };
  app.decorate('authDevice', async (req: FastifyRequest) => {
    await auth(req, req.routeOptions.config?.tokenInQuery === true);
    requireDevice(req.caller);
  });
  app.decorate('authSupervisor', async (req: FastifyRequest) => {
    await auth(req, false);
    requireSupervisor(req.caller);
  });
  app.decorate('checkSchemaVersion', async (req: FastifyRequest) => {
    const fromQuery = req.routeOptions.config?.tokenInQuery === true ? (req.query as Record<string, unknown>)[SCHEMA_QUERY] : undefined;
    const raw = req.headers[SCHEMA_HEADER] ?? fromQuery;
    const version = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
    assertSchemaVersion(version);
  });

  app.addHook('onReady', async () => app.changes.start());
  app.addHook('onClose', async () => app.changes.stop());

  registerErrorHandling(app, Boolean(opts.staticDir));
  registerTextGuard(app);
  const apiRoutes: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (route.url.startsWith('/api/')) apiRoutes.push(`${m} ${route.url}`);
  });
  app.decorate('apiRoutes', apiRoutes);
  await registerSecurity(app, opts.rateLimit ?? { max: 10, timeWindow: 60_000 }, opts.loginLimits);
  registerMetrics(app);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(accountRoutes);
      await api.register(workplaceRoutes);
      await api.register(syncRoutes);
      await api.register(blobRoutes);
    },
    { prefix: '/api' },
  );

  if (opts.staticDir) await registerStatic(app, opts.staticDir);
  if (opts.retentionSweepMs) registerRetentionSweeps(app, opts.retentionSweepMs);
  return app;
}

/** An app older than the server must update first (426); a newer one waits for the server. */
export function assertSchemaVersion(version: number): void {
  if (version < SCHEMA_VERSION) {
    throw new ApiError(426, 'update_required', `This app speaks sync schema ${version}; the server needs ${SCHEMA_VERSION}. Reload to update.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new ApiError(400, 'bad_request', `This server speaks sync schema ${SCHEMA_VERSION}, older than the app's ${version}; try again after the server is updated`);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route also accepts ?access_token= and ?schema= (EventSource sends no headers) */
    tokenInQuery?: boolean;
  }
}
