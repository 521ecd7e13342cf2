/**
 * The Tavla server as a Fastify app: `buildApp()` wires third-party plugins
 * (plugins/), then the app's routes (routes/, one folder per resource),
 * under `/api`, and optionally serves the built PWA. It never opens a
 * database or a port itself: main.ts (or a test) passes the `Db` in and
 * decides where to listen, so tests run the same app in-process.
 *
 * State lives in the database only (the rate limiters' counters included),
 * so any number of replicas can run over one PostgreSQL. The exceptions are
 * per-replica bounds kept in memory: the per-workplace push queue, blob
 * uploads in flight and the count of event streams per device; and two
 * caches that NOTIFY keeps honest across replicas: the pull fast path's
 * cursors and the verified tokens (changes.ts, auth.ts). See
 * docs/sync-protocol.md.
 *
 * Logs never carry a credential: a request is logged by its path only, never
 * its query string (where a ticket travels), and no header is logged.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { authenticate, bearerToken, requireDevice, requireSupervisor, type Caller } from './auth';
import { ChangeFeed } from './changes';
import type { Db } from './db/db';
import { registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerSecurity, type LoginLimits, type RateLimitSetting } from './plugins/security';
import { registerStatic } from './plugins/static';
import { registerTextGuard } from './plugins/text-guard';
import { registerRetentionSweeps } from './retention';
import { BLOB_QUOTA_BYTES, JSON_BODY_LIMIT } from './limits';
import { assertSchemaVersion } from './schemaVersion';
import { WorkplaceQueue } from './workplaceQueue';
import accountRoutes from './routes/accounts/index';
import blobRoutes from './routes/blobs/index';
import healthRoutes from './routes/health/index';
import syncRoutes from './routes/sync/index';
import workplaceRoutes from './routes/workplaces/index';
import { SCHEMA_HEADER, SCHEMA_QUERY } from '../sync/shared/protocol';

export { BLOB_BODY_LIMIT, JSON_BODY_LIMIT } from './limits';
export { assertSchemaVersion } from './schemaVersion';

export interface AppOptions {
  db: Db;
  /** folder of the built PWA (dist/); omitted = API only */
  staticDir?: string;
  /** false (default) = silent; true or a level = pino JSON logs (to `stream`, default stdout) */
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
  /** answer a pull at the latest known cursor from memory (default true; the bench turns it off for a baseline) */
  pullFastPath?: boolean;
  /** keep verified tokens in memory (auth.ts TokenCache; default true; the bench turns it off for a baseline) */
  tokenCache?: boolean;
  /** set behind a reverse proxy so request.ip / protocol are the client's */
  trustProxy?: boolean | string;
  /** origin used in pairing URLs (default: from the request's Host) */
  publicOrigin?: string;
  /** blob storage per workplace in bytes (default BLOB_QUOTA_BYTES) */
  blobQuotaBytes?: number;
  /** run the data-retention sweep every this many ms (see retention.ts); omitted = never (tests call it directly) */
  retentionSweepMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    now: () => number;
    changes: ChangeFeed;
    /** one push (or retention chunk) per workplace at a time on this replica */
    workplaceQueue: WorkplaceQueue;
    tavla: Required<Pick<AppOptions, 'heartbeatMs' | 'blobQuotaBytes' | 'openSignup' | 'pullFastPath' | 'tokenCache'>> & Pick<AppOptions, 'publicOrigin'>;
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

/**
 * What the log shows of a request URL: the path without its query string
 * (whatever a query carries, a ticket or a mistaken token in any encoding, is
 * never logged), percent-decoded, with anything shaped like a token redacted.
 */
export function logPath(url: string): string {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  try {
    path = decodeURIComponent(path);
  } catch {
    /* malformed escapes: redact what is there */
  }
  return path.replace(/tv[sdt]_[\w-]+/gi, 'tv?_[redacted]');
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
            req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: logPath(req.url), ip: req.ip }),
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
  app.decorate('tavla', {
    heartbeatMs: opts.heartbeatMs ?? 25_000,
    pullFastPath: opts.pullFastPath ?? true,
    tokenCache: opts.tokenCache ?? true,
    publicOrigin: opts.publicOrigin,
    blobQuotaBytes: opts.blobQuotaBytes ?? BLOB_QUOTA_BYTES,
    openSignup: opts.openSignup ?? false,
  });
  app.decorate('changes', new ChangeFeed(opts.db, app.log, now));
  app.decorate('workplaceQueue', new WorkplaceQueue());
  app.decorateRequest('caller', undefined);

  const auth = async (req: FastifyRequest) => {
    req.caller = await authenticate(app.db, bearerToken(req), new Date(now()), app.tavla.tokenCache ? app.changes.tokens : undefined);
  };
  app.decorate('authDevice', async (req: FastifyRequest) => {
    await auth(req);
    requireDevice(req.caller);
  });
  app.decorate('authSupervisor', async (req: FastifyRequest) => {
    await auth(req);
    requireSupervisor(req.caller);
  });
  app.decorate('checkSchemaVersion', async (req: FastifyRequest) => {
    const fromQuery = req.routeOptions.config?.schemaInQuery === true ? (req.query as Record<string, unknown>)[SCHEMA_QUERY] : undefined;
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route takes ?schema= in the query (EventSource sends no headers); its credential is a ticket (routes/sync) */
    schemaInQuery?: boolean;
  }
}
