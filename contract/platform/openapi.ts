import { z } from 'zod';
import { AUTH_HEADERS, SignedRequestHeadersSchema } from './auth';
import { platformRoutes, type PlatformRouteSpec } from './routes';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, Json>;
  return rest;
}

function parametersOf(route: PlatformRouteSpec): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', obj: z.ZodObject | undefined) => {
    if (!obj) return;
    for (const [name, field] of Object.entries(obj.shape)) {
      const f = field as z.ZodType;
      out.push({ name, in: where, required: where === 'path' || !f.safeParse(undefined).success, schema: schemaOf(f, 'input') });
    }
  };
  add('path', route.params);
  add('query', route.query);
  for (const [name, h] of Object.entries(route.requestHeaders ?? {})) {
    out.push({ name, in: 'header', required: h.required, description: h.description, schema: schemaOf(h.schema, 'input') });
  }
  if (route.signed) {
    for (const [name, field] of Object.entries(SignedRequestHeadersSchema.shape)) {
      out.push({ name, in: 'header', required: true, schema: schemaOf(field as z.ZodType, 'input') });
    }
  }
  return out;
}

/** The OpenAPI 3.1 document of the platform API, derived from the route table (committed as openapi.json). */
export function buildPlatformOpenApi(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of platformRoutes as readonly PlatformRouteSpec[]) {
    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const entry: Record<string, Json> = { description: r.description };
      if (r.schema) entry['content'] = { [r.mediaType ?? 'application/json']: { schema: schemaOf(r.schema, 'output') } };
      if (r.headers) {
        entry['headers'] = Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]));
      }
      responses[status] = entry;
    }
    const op: Record<string, Json> = {
      operationId: route.operationId,
      summary: route.summary,
      parameters: parametersOf(route),
      responses,
    };
    if (route.body) {
      op['requestBody'] = { required: true, content: { [route.body.mediaType]: { schema: schemaOf(route.body.schema, 'input') } } };
    }
    if (route.signed) op['security'] = [{ kioskSignature: [] }];
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '省一体化政务服务平台 kiosk API (onething-kiosk)',
      version: '1.0.0',
      description:
        'Provincial platform API as used by onething-kiosk terminals. Generated from contract/platform/*.ts by scripts/gen-platform-openapi.ts; see docs/platform-api.md.',
    },
    servers: [{ url: 'http://127.0.0.1:8790', description: 'platform-sim (npm run platform)' }],
    paths,
    components: {
      securitySchemes: {
        kioskSignature: {
          type: 'apiKey',
          in: 'header',
          name: AUTH_HEADERS.signature,
          description:
            'Ed25519 signature (base64) over signingString(): KIOSK-ED25519-V1, METHOD, path+query, kiosk id, timestamp, nonce, sha256(body), joined by \\n. With x-kiosk-id, x-kiosk-timestamp (epoch ms, ±5 min) and x-kiosk-nonce (single use).',
        },
      },
    },
  };
}
