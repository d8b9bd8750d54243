import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnTs, tempDir, type Spawned } from './processes';
import type { BrokerUser, Mosquitto } from './mosquitto';

export interface FleetConsoleProcess extends Spawned {
  readonly url: string;
  readonly dbFile: string;
}

/** `npm run fleet-console` as an operator runs it, against a test broker, signing with the platform's key file. */
export async function startFleetConsoleProcess(broker: Mosquitto, user: BrokerUser, signingKeyFile: string): Promise<FleetConsoleProcess> {
  const dir = tempDir('fleet-console');
  const passwordFile = path.join(dir, 'broker-password');
  writeFileSync(passwordFile, user.password, { mode: 0o600 });
  const dbFile = path.join(dir, 'fleet.sqlite');
  const s = await spawnTs('fleet-console/main.ts', [], {
    env: { FLEET_BROKER_URL: broker.url, FLEET_USERNAME: user.name, FLEET_PASSWORD_FILE: passwordFile, FLEET_SIGNING_KEY: signingKeyFile, FLEET_DB: dbFile, FLEET_PORT: '0' },
    readyLine: /^fleet console: (http\S+)/,
  });
  return { ...s, url: s.match[1]!, dbFile };
}
