import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatformSim } from './server';

/** `npm run platform` — runs the simulator alone; prints PLATFORM_URL=… once listening. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PLATFORM_PORT'] ?? '8790' },
    data: { type: 'string', default: process.env['PLATFORM_DATA_DIR'] ?? '.kiosk-data/platform-sim' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`platform-sim: --port must be an integer 0–65535 (got ${JSON.stringify(values.port)})`);
  process.exit(2);
}
const sim = await startPlatformSim({ port, dataDir: path.resolve(values.data!) });
console.log(`PLATFORM_URL=${sim.url}`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
