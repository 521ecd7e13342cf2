import type { FastifyInstance } from 'fastify';

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async (req, reply) => {
    try {
      await app.db.query('select 1');
      return { status: 'ok', db: app.db.kind };
    } catch (err) {
      req.log.error({ err }, 'health check: database does not answer');
      return reply.code(503).send({ error: 'unavailable', message: 'The database does not answer' });
    }
  });
}
