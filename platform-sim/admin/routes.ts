import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { CatalogSchema } from '../../contract/catalog';
import { ClockAdvanceSchema, FaultConfigSchema, QueueCommandSchema, SeedCertificateSchema } from '../../contract/platform';
import { jsonBody, type SimContext } from '../context';
import { sendError } from '../http/errors';
import { receivedReport } from '../store/received-report';
import { fleetPage, receivedPage } from './html';

/**
 * Simulator-only surface (not under /v1, never faulted, bound to loopback):
 * what it received, the fleet, fault injection, the case clock, commands,
 * catalog publishing and certificate seeding.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get('/admin', async (_req, reply) => {
    ctx.progression.tick(ctx.clock.nowMs());
    return reply.type('text/html; charset=utf-8').send(receivedPage(receivedReport(ctx.db), ctx.faults.state(), ctx.clock.nowIso()));
  });
  app.get('/admin/received.json', async () => receivedReport(ctx.db));
  app.get('/admin/fleet', async (_req, reply) => reply.type('text/html; charset=utf-8').send(fleetPage(ctx.fleet.report(new Date()))));
  app.get('/admin/fleet.json', async () => ctx.fleet.report(new Date()));

  // A technician fetches an uploaded diagnostics bundle (or scan) by the digest the kiosk acknowledged.
  app.get<{ Params: { sha256: string } }>('/admin/attachments/:sha256', async (req, reply) => {
    const file = ctx.attachments.completePath(req.params.sha256);
    if (!file) return sendError(reply, 404, 'not-found', `no complete attachment ${req.params.sha256}`);
    return reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${req.params.sha256}"`).send(createReadStream(file));
  });
  app.get('/admin/traffic.json', async () => ctx.traffic.report());
  app.get('/admin/faults', async () => ctx.faults.state());
  app.put('/admin/faults', async (req, reply) => {
    const config = jsonBody(req, reply, FaultConfigSchema);
    if (!config) return reply;
    ctx.faults.set(config);
    return ctx.faults.state();
  });

  app.get('/admin/clock', async () => ({ now: ctx.clock.nowIso(), offsetMs: ctx.clock.offset() }));
  app.post('/admin/clock/advance', async (req, reply) => {
    const body = jsonBody(req, reply, ClockAdvanceSchema);
    if (!body) return reply;
    ctx.clock.advance(body.ms);
    const written = ctx.progression.tick(ctx.clock.nowMs());
    return { now: ctx.clock.nowIso(), offsetMs: ctx.clock.offset(), statusChangesWritten: written };
  });

  app.post('/admin/commands', async (req, reply) => {
    const body = jsonBody(req, reply, QueueCommandSchema);
    if (!body) return reply;
    if (!ctx.kiosks.find(body.kioskId)) return sendError(reply, 404, 'not-found', `kiosk ${body.kioskId} is not registered`);
    return reply.code(201).send(ctx.fleet.queue(body.kioskId, body.command, body.ttlSeconds, new Date()));
  });

  app.put('/admin/catalog', async (req, reply) => {
    const catalog = jsonBody(req, reply, CatalogSchema);
    if (!catalog) return reply;
    ctx.catalog.publish(catalog);
    const { etag, version } = ctx.catalog.current();
    return { version, etag };
  });

  // Test surface: GET /v1/catalog answers this body verbatim (forged, unsigned, older) until the next PUT /admin/catalog.
  app.put('/admin/catalog/as-is', async (req, reply) => {
    if (typeof req.body !== 'object' || req.body === null) return sendError(reply, 400, 'invalid-body', 'body: expected a JSON object to serve as /v1/catalog');
    return { etag: ctx.catalog.serveAsIs(req.body) };
  });

  app.post('/admin/certificates', async (req, reply) => {
    const body = jsonBody(req, reply, SeedCertificateSchema);
    if (!body) return reply;
    if (!ctx.certificates.seed(body)) return sendError(reply, 400, 'unknown-certificate-type', `certificateTypeCode: ${body.certificateTypeCode} is not an annex-3 type`);
    return reply.code(201).send({ seeded: true });
  });
}
