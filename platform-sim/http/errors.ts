import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { PlatformError, PlatformErrorCode } from '../../contract/platform';
import { issuesFromZod } from '../../contract/result';

export function sendError(reply: FastifyReply, status: number, code: PlatformErrorCode, message: string, extra: Partial<Pick<PlatformError, 'issues' | 'retryAfterSeconds'>> = {}): FastifyReply {
  const body: PlatformError = { code, message, ...extra };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** 400 naming every offending field: `invalid-body: payload.applicant.idNumber: …`. */
export function sendZodError(reply: FastifyReply, code: 'invalid-body' | 'invalid-query' | 'invalid-header', error: z.ZodError, prefix = ''): FastifyReply {
  const issues = issuesFromZod(error).map((i) => ({ ...i, path: prefix ? `${prefix}.${i.path}` : i.path }));
  return sendError(reply, 400, code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}
