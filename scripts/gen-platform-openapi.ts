import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlatformOpenApi } from '../contract/platform/openapi';

/** Regenerates contract/platform/openapi.json from the zod schemas (a test fails when it is stale). */
export const OPENAPI_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'contract', 'platform', 'openapi.json');

export function renderPlatformOpenApi(): string {
  return `${JSON.stringify(buildPlatformOpenApi(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_FILE, renderPlatformOpenApi());
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
