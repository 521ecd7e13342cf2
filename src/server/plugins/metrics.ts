/**
 * Prometheus metrics at GET /metrics (prom-client), for whoever runs the
 * server: is it up, how many tablets listen, are pushes and pulls healthy,
 * is the database pool the bottleneck.
 *
 * Everything is observed from the outside of the routes, in Fastify hooks
 * keyed on the route's URL, so the sync routes themselves carry no metrics
 * code and can change freely. Each app has its own registry: tests build
 * many apps in one process. Counters are per replica; Prometheus sums them.
 *
 * /metrics answers anyone who reaches the server; the Caddy configurations
 * in docs/deploy/ do not forward it, so only the machine itself (or a
 * scraper on the internal network) sees it.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const PUSH_ROUTE = '/api/sync/push';
const PULL_ROUTE = '/api/sync/pull';
const SYNC_PREFIX = '/api/sync/';

export function registerMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tavla_' });

  new Gauge({
    name: 'tavla_connected_devices',
    help: 'Event streams (one per listening tablet) open on this replica',
    registers: [registry],
    collect() {
      this.set(app.changes.streamCount);
    },
  });
  const pushes = new Counter({ name: 'tavla_sync_pushes_total', help: 'Pushes this replica acknowledged', registers: [registry] });
  const pullSeconds = new Histogram({
    name: 'tavla_sync_pull_duration_seconds',
    help: 'Time to answer a pull',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const syncErrors = new Counter({
    name: 'tavla_sync_errors_total',
    help: 'Sync requests answered with an error, by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const pool = app.db.poolStats ? app.db.poolStats.bind(app.db) : undefined;
  if (pool) {
    new Gauge({
      name: 'tavla_db_pool_connections',
      help: 'Database pool connections, by state',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = pool();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
    new Counter({
      name: 'tavla_db_pool_waits_total',
      help: 'Times a query found every pooled connection busy and had to wait',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(pool().waits);
      },
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith(SYNC_PREFIX)) return;
    if (reply.statusCode >= 400) syncErrors.inc({ route, status: String(reply.statusCode) });
    else if (route === PUSH_ROUTE) pushes.inc();
    else if (route === PULL_ROUTE) pullSeconds.observe(reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
