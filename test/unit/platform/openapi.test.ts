import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { platformRoutes } from '../../../contract/platform';
import { OPENAPI_FILE, renderPlatformOpenApi } from '../../../scripts/gen-platform-openapi';

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

describe('contract/platform/openapi.json', () => {
  it('matches the zod schemas (run `npm run platform:openapi` when this fails)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderPlatformOpenApi());
  });

  it('is OpenAPI 3.1 with one operation per route, every $ref resolving and every schema compiling', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId).sort()).toEqual(platformRoutes.map((r) => r.operationId).sort());
    const ajv = withDoc(doc);
    let compiled = 0;
    for (const [pathKey, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const contents = [
          ...Object.keys(op.requestBody?.content ?? {}).map((m) => `requestBody/content/${m}`),
          ...Object.entries(op.responses).flatMap(([status, r]) => Object.keys(r.content ?? {}).map((m) => `responses/${status}/content/${m}`)),
        ];
        for (const c of contents) {
          expect(typeof ajv.compile({ $ref: `${pointer(pathKey, method, c)}/schema` })).toBe('function');
          compiled++;
        }
      }
    }
    expect(compiled).toBeGreaterThan(30);
  });

  it('documents a batch item in a way that rejects a non-UUIDv7 client id', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Doc;
    const validate = withDoc(doc).compile({ $ref: `${pointer('/v1/applications/batch', 'post', 'requestBody/content/application/json')}/schema` });
    const item = (clientId: string) => ({
      items: [
        {
          clientId,
          seq: 1,
          createdAt: '2026-11-26T08:00:00+08:00',
          payload: {
            itemCode: '01', subItemCodes: ['01-01'], catalogVersion: 'v1', form: {}, materials: [], commitmentSigned: false, localNumber: 'L1',
            applicant: { cardType: 'resident', name: '张三', idNumber: '140105199001011238' },
          },
        },
      ],
    });
    expect(validate(item('01936b6e-8f3a-7c2d-9e4f-0123456789ab'))).toBe(true);
    expect(validate(item('01936b6e-8f3a-4c2d-9e4f-0123456789ab'))).toBe(false);
  });
});

/** ajv holding the whole document, so `#/components/schemas/…` references resolve. */
function withDoc(doc: Doc) {
  const ajv = new Ajv2020({ strict: false });
  ajv.addFormat('date-time', true).addFormat('binary', true);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  return ajv;
}

function pointer(pathKey: string, method: string, rest: string): string {
  const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
  const parts = rest.split('/');
  // media types contain a slash: re-join them as one token
  const tokens: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'content') {
      tokens.push('content', `${parts[i + 1]}/${parts[i + 2]}`);
      i += 2;
    } else tokens.push(parts[i]!);
  }
  return `openapi.json#/paths/${esc(pathKey)}/${method}/${tokens.map(esc).join('/')}`;
}
