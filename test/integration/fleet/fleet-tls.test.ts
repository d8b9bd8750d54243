import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { CONSOLE_USER, kioskUser, platformKey, startConsoleBroker, testKiosk, until } from './fleet-harness';

/** The same link over TLS: the kiosk trusts only the province CA named in fleet.caFile. */
describe('the fleet link over TLS', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto({ users: [CONSOLE_USER, kioskUser('SX-TLS-0001')], tls: true });
  });
  afterAll(async () => {
    await broker?.stop();
  });

  it('a kiosk with the province CA connects over mqtts and reaches the console; a client without it is refused', async () => {
    expect(broker.url).toMatch(/^mqtts:/);
    const key = platformKey();
    const desk = await startConsoleBroker(broker, key.file);
    const k = testKiosk(broker, 'SX-TLS-0001', key);
    k.link.start();
    try {
      await until('TLS kiosk online on the console', () => desk.store.kiosks().find((r) => r.kioskId === 'SX-TLS-0001' && r.state === 'online'));
      const untrusting = await mqtt
        .connectAsync(broker.url, { protocolVersion: 5, username: CONSOLE_USER.name, password: CONSOLE_USER.password, reconnectPeriod: 0, connectTimeout: 5000 })
        .then(
          (c) => c.endAsync().then(() => 'connected'),
          (e: Error) => e.message,
        );
      expect(untrusting).toMatch(/self[- ]signed|unable to verify|certificate/i);
    } finally {
      await k.link.stop();
      await desk.consoleBroker.stop();
    }
  });
});
