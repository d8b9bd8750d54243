import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FaultConfigSchema } from '../contract/platform';
import { describeIssues, issuesFromZod } from '../contract/result';
import { startPlatformSim } from './server';

/** `npm run platform` — runs the simulator alone; prints PLATFORM_URL=… once listening. See docs/platform-api.md. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PLATFORM_PORT'] ?? '8790' },
    data: { type: 'string', default: process.env['PLATFORM_DATA_DIR'] ?? '.kiosk-data/platform-sim' },
    production: { type: 'boolean', default: false },
    sm2: { type: 'boolean', default: false },
    'provisioning-token': { type: 'string' },
    'admin-token': { type: 'string', default: process.env['PLATFORM_ADMIN_TOKEN'] },
    'admin-host': { type: 'string', multiple: true },
    'tls-key': { type: 'string' },
    'tls-cert': { type: 'string' },
    'gateway-code-map': { type: 'string' },
    'status-step-seconds': { type: 'string', default: '60' },
    'return-rate': { type: 'string', default: '0.1' },
    'latency-ms': { type: 'string' },
    'error-rate': { type: 'string' },
    'rate-limit-rate': { type: 'string' },
    'retry-after': { type: 'string' },
    'reset-rate': { type: 'string' },
    'hang-rate': { type: 'string' },
    'capacity-per-second': { type: 'string' },
    'drop-after-commit-rate': { type: 'string' },
    'drop-only-new': { type: 'boolean', default: false },
    'fault-paths': { type: 'string' },
    'fault-seed': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`platform-sim: ${message}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0–65535 (got ${JSON.stringify(values.port)})`);
const stepSeconds = Number(values['status-step-seconds']);
if (!(stepSeconds > 0)) fail(`--status-step-seconds must be a positive number (got ${JSON.stringify(values['status-step-seconds'])})`);
const returnRate = Number(values['return-rate']);
if (!(returnRate >= 0 && returnRate <= 1)) fail(`--return-rate must be 0–1 (got ${JSON.stringify(values['return-rate'])})`);

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const faults = FaultConfigSchema.safeParse(
  Object.fromEntries(
    Object.entries({
      latencyMs: num(values['latency-ms']),
      errorRate: num(values['error-rate']),
      rateLimitRate: num(values['rate-limit-rate']),
      retryAfterSeconds: num(values['retry-after']),
      resetRate: num(values['reset-rate']),
      hangRate: num(values['hang-rate']),
      capacityPerSecond: num(values['capacity-per-second']),
      dropAfterCommitRate: num(values['drop-after-commit-rate']),
      dropOnlyNew: values['drop-only-new'],
      paths: values['fault-paths']?.split(',').filter(Boolean),
      seed: num(values['fault-seed']),
    }).filter(([, v]) => v !== undefined),
  ),
);
if (!faults.success) fail(`bad fault flags: ${describeIssues(issuesFromZod(faults.error))}`);

if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) fail('--tls-key and --tls-cert go together (PEM files)');
const sim = await startPlatformSim({
  ...(values['tls-key'] && values['tls-cert'] ? { tls: { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) } } : {}),
  port,
  dataDir: path.resolve(values.data!),
  production: values.production,
  sm2: values.sm2,
  ...(values['provisioning-token'] ? { provisioningToken: values['provisioning-token'] } : {}),
  ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
  ...(values['admin-host'] ? { adminHosts: values['admin-host'] } : {}),
  ...(values['gateway-code-map'] ? { gatewayCodeMapFile: path.resolve(values['gateway-code-map']) } : {}),
  statusStepMs: stepSeconds * 1000,
  returnRate,
  faults: faults.data,
});
console.log(`PLATFORM_URL=${sim.url}`);
console.log(`PLATFORM_PUBLIC_KEY=${sim.platformPublicKey}`);
if (sim.platformSm2PublicKey) console.log(`PLATFORM_SM2_PUBLIC_KEY=${sim.platformSm2PublicKey}`);
// A token the operator did not choose is printed once, so the admin pages can be opened (`/admin?token=…`).
if (sim.adminToken && !values['admin-token']) console.log(`PLATFORM_ADMIN_TOKEN=${sim.adminToken}`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
