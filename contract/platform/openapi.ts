import { z } from 'zod';
import { AUTH_HEADERS, SignedRequestHeadersSchema } from './auth';
import { REQUEST_COMPONENTS, RESPONSE_COMPONENTS } from './components';
import { platformRoutes, type PlatformRouteSpec } from './routes';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Io = 'input' | 'output';

const componentRef = (id: string) => `#/components/schemas/${id}`;

/** Component schemas for one direction; nested named schemas become $refs. */
function componentsFor(named: Readonly<Record<string, z.ZodType>>, io: Io): { schemas: Record<string, Json>; idOf: Map<z.ZodType, string> } {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(named)) {
    registry.add(schema, { id });
    idOf.set(schema, id);
  }
  const out = z.toJSONSchema(registry, { io, target: 'draft-2020-12', unrepresentable: 'any', uri: componentRef }) as { schemas: Record<string, Record<string, Json>> };
  const schemas: Record<string, Json> = {};
  for (const [id, s] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    schemas[id] = rest;
  }
  return { schemas, idOf };
}

function inline(schema: z.ZodType, io: Io): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, Json>;
  return rest;
}

/** The OpenAPI 3.1 document of the platform API, derived from the route table (committed as openapi.json). */
export function buildPlatformOpenApi(): Json {
  const requests = componentsFor(REQUEST_COMPONENTS, 'input');
  const responses = componentsFor(RESPONSE_COMPONENTS, 'output');
  const schemas: Record<string, Json> = { ...responses.schemas };
  for (const [id, s] of Object.entries(requests.schemas)) {
    if (id in schemas && JSON.stringify(schemas[id]) !== JSON.stringify(s)) {
      throw new Error(`component ${id} differs between request and response; give it two names`);
    }
    schemas[id] = s;
  }
  const ref = (schema: z.ZodType, io: Io): Json => {
    const id = (io === 'input' ? requests : responses).idOf.get(schema);
    return id ? { $ref: componentRef(id) } : inline(schema, io);
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const route of platformRoutes as readonly PlatformRouteSpec[]) {
    const answers: Record<string, Json> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const entry: Record<string, Json> = { description: r.description };
      if (r.schema) entry['content'] = { [r.mediaType ?? 'application/json']: { schema: ref(r.schema, 'output') } };
      if (r.headers) {
        entry['headers'] = Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]));
      }
      answers[status] = entry;
    }
    const op: Record<string, Json> = {
      operationId: route.operationId,
      summary: route.summary,
      parameters: parametersOf(route),
      responses: answers,
    };
    if (route.body) op['requestBody'] = { required: true, content: { [route.body.mediaType]: { schema: ref(route.body.schema, 'input') } } };
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
      schemas,
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

function parametersOf(route: PlatformRouteSpec): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', obj: z.ZodObject | undefined) => {
    if (!obj) return;
    for (const [name, field] of Object.entries(obj.shape)) {
      const f = field as z.ZodType;
      out.push({ name, in: where, required: where === 'path' || !f.safeParse(undefined).success, schema: inline(f, 'input') });
    }
  };
  add('path', route.params);
  add('query', route.query);
  for (const [name, h] of Object.entries(route.requestHeaders ?? {})) {
    out.push({ name, in: 'header', required: h.required, description: h.description, schema: inline(h.schema, 'input') });
  }
  if (route.signed) {
    for (const [name, field] of Object.entries(SignedRequestHeadersSchema.shape)) {
      out.push({ name, in: 'header', required: true, schema: inline(field as z.ZodType, 'input') });
    }
  }
  return out;
}
