import { tempDir } from '../../support/processes';
import { TestKiosk } from '../../support/platform-kiosk';
import { startPlatformSim, type PlatformSim, type PlatformSimOptions } from '../../../platform-sim/server';

export { applicationItem, applicationPayload, TestKiosk } from '../../support/platform-kiosk';

export interface SimUnderTest {
  readonly sim: PlatformSim;
  readonly dataDir: string;
  readonly kiosk: TestKiosk;
  admin(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<Response>;
}

/** A fresh simulator (real HTTP on an ephemeral port, real SQLite in a temp dir) and one provisioned kiosk. */
export async function startSimWithKiosk(options: Partial<PlatformSimOptions> = {}, kioskId: string | TestKiosk = 'SX-TY-XD-0001'): Promise<SimUnderTest> {
  const dataDir = options.dataDir ?? tempDir('platform-sim');
  const sim = await startPlatformSim({ port: 0, ...options, dataDir });
  const kiosk = typeof kioskId === 'string' ? new TestKiosk(sim.url, kioskId) : kioskId.at(sim.url);
  const res = await kiosk.provision();
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${await res.text()}`);
  return {
    sim,
    dataDir,
    kiosk,
    admin: (method, path, body) =>
      fetch(`${sim.url}${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      }),
  };
}

