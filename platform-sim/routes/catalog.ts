import type { FastifyInstance } from 'fastify';
import { requireDevice, type SimContext } from '../context';

/** GET /v1/catalog: the signed catalog; 304 when If-None-Match names the current ETag. */
export function registerCatalogRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get('/v1/catalog', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const { body, etag } = ctx.catalog.response();
    const inm = req.headers['if-none-match'];
    const tags = typeof inm === 'string' ? inm.split(',').map((t) => t.trim().replace(/^W\//, '')) : [];
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (tags.includes(etag) || tags.includes('*')) return reply.code(304).send();
    return body;
  });
}
