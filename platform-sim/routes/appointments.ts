import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppointmentNumberSchema, BookRequestSchema, CancelRequestSchema, HolderQuerySchema, SlotsRequestSchema } from '../../contract/platform';
import { jsonBody, kioskOf, requireDevice, type SimContext } from '../context';
import { sendError } from '../http/errors';

const WindowFilingSchema = z.object({
  holderIdNumber: z.string().min(6).max(32),
  itemCode: z.string().min(1).max(16),
  subItemCodes: z.array(z.string()).min(1).max(30),
  filedAt: z.string().min(1).max(80),
  daysAgo: z.number().min(0).max(365).default(0),
});

/** 预约 (halls, slots, book, cancel, by holder) and 办件查询 across channels (kiosks and hall windows). */
export function registerAppointmentRoutes(app: FastifyInstance, ctx: SimContext): void {
  const signed = { preHandler: requireDevice(ctx) };
  app.get('/v1/appointments/halls', signed, async () => ctx.appointments.list());
  app.post('/v1/appointments/slots', signed, async (req, reply) => {
    const body = jsonBody(req, reply, SlotsRequestSchema);
    if (!body) return reply;
    const slots = ctx.appointments.slots(body.hallId, body.day);
    if (!slots) return sendError(reply, 404, 'not-found', `no hall ${body.hallId}`);
    return slots;
  });
  app.post('/v1/appointments/book', signed, async (req, reply) => {
    const body = jsonBody(req, reply, BookRequestSchema);
    if (!body) return reply;
    const answer = ctx.appointments.book(kioskOf(req), body);
    req.createdNew = answer.booked;
    return reply.code(answer.booked ? 201 : 200).send(answer);
  });
  app.post('/v1/appointments/cancel', signed, async (req, reply) => {
    const body = jsonBody(req, reply, CancelRequestSchema);
    if (!body) return reply;
    return ctx.appointments.cancel(body.appointmentNumber, body.holderIdNumber);
  });
  app.post('/v1/appointments/by-holder', signed, async (req, reply) => {
    const body = jsonBody(req, reply, HolderQuerySchema);
    if (!body) return reply;
    return { appointments: ctx.appointments.byHolder(body.holderIdNumber) };
  });
  app.post('/v1/cases/by-holder', signed, async (req, reply) => {
    const body = jsonBody(req, reply, HolderQuerySchema);
    if (!body) return reply;
    return { cases: ctx.holderCases.forHolder(body.holderIdNumber) };
  });

  // The hall's side (simulator admin): a resident seen at the window, a case filed there.
  app.post('/admin/appointments/attend', async (req, reply) => {
    const body = jsonBody(req, reply, z.object({ appointmentNumber: AppointmentNumberSchema }));
    if (!body) return reply;
    return ctx.appointments.attend(body.appointmentNumber) ? { attended: true } : sendError(reply, 404, 'not-found', `no appointment ${body.appointmentNumber}`);
  });
  app.post('/admin/window-filings', async (req, reply) => {
    const body = jsonBody(req, reply, WindowFilingSchema);
    if (!body) return reply;
    try {
      const platformNumber = ctx.ledger.fileAtWindow({ ...body, receivedAtMs: ctx.clock.nowMs() - body.daysAgo * 24 * 3600_000 });
      return reply.code(201).send({ platformNumber });
    } catch (e) {
      return sendError(reply, 400, 'invalid-body', (e as Error).message);
    }
  });
}
