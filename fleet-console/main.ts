/**
 * `npm run fleet-console`: the province's fleet console (docs/fleet.md).
 * Environment: FLEET_BROKER_URL, FLEET_USERNAME, FLEET_PASSWORD_FILE, FLEET_CA,
 * FLEET_SIGNING_KEY (the platform's command key, JWK), FLEET_DB, FLEET_PORT, FLEET_HOST,
 * FLEET_CLIENT_ID (the console's MQTT session; default fleet-console-{username}),
 * FLEET_RECEIVE_MAXIMUM (its MQTT 5 Receive Maximum, default 1000),
 * FLEET_RESTART_GRACE_MS (how long a kiosk whose Last Will came with a broker restart keeps its state, default 25 min).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConsoleBroker } from './broker-link';
import { RolloutController } from './rollouts';
import { startConsoleServer } from './server';
import { FleetStore } from './store';

const env = process.env;
const fail = (msg: string): never => {
  console.error(`fleet console: ${msg}`);
  process.exit(2);
};
const signingKeyFile = env['FLEET_SIGNING_KEY'] ?? fail('FLEET_SIGNING_KEY: expected the path of the platform command key (JWK, e.g. the simulator data dir’s platform-key.json)');
const dbFile = path.resolve(env['FLEET_DB'] ?? '.fleet-console/fleet.sqlite');
mkdirSync(path.dirname(dbFile), { recursive: true });
const port = Number(env['FLEET_PORT'] ?? '8790');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`FLEET_PORT: expected a port number (got ${JSON.stringify(env['FLEET_PORT'])})`);

const positive = (name: string): number | undefined => {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fail(`${name}: expected a positive whole number (got ${JSON.stringify(v)})`);
};
const receiveMaximum = positive('FLEET_RECEIVE_MAXIMUM');
if (receiveMaximum !== undefined && receiveMaximum > 65_535) fail('FLEET_RECEIVE_MAXIMUM: at most 65535 (MQTT 5)');
const restartGraceMs = positive('FLEET_RESTART_GRACE_MS');

const store = new FleetStore(dbFile);
const broker = new ConsoleBroker({
  brokerUrl: env['FLEET_BROKER_URL'] ?? 'mqtt://127.0.0.1:1883',
  username: env['FLEET_USERNAME'] ?? 'fleet-console',
  ...(env['FLEET_PASSWORD_FILE'] ? { password: readFileSync(env['FLEET_PASSWORD_FILE'], 'utf8').trim() } : {}),
  ...(env['FLEET_CA'] ? { caFile: env['FLEET_CA'] } : {}),
  ...(env['FLEET_CLIENT_ID'] ? { clientId: env['FLEET_CLIENT_ID'] } : {}),
  ...(receiveMaximum !== undefined ? { receiveMaximum } : {}),
  ...(restartGraceMs !== undefined ? { restartGraceMs } : {}),
  signingKeyFile,
  store,
  log: (line) => console.error(`fleet console: ${line}`),
});
try {
  await broker.start();
} catch (e) {
  fail(`cannot connect to the broker: ${(e as Error).message}`);
}
const rollouts = new RolloutController({ store, send: (kioskId, command, ttl) => broker.send(kioskId, command, ttl) });
rollouts.start();
const server = await startConsoleServer({ store, broker, rollouts, port, host: env['FLEET_HOST'] ?? '127.0.0.1' });
console.log(`fleet console: ${server.url}`);

const shutdown = async () => {
  rollouts.stop();
  await server.close();
  await broker.stop();
  store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
