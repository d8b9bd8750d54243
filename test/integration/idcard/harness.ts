import { serialOpener } from '../../../drivers/device';
import { demoCard, IdCardReader, IdCardSimulator, SerialEndpoint, type CardFixture, type IdCardEvent } from '../../../drivers/idcard';
import { openPtyPair, type PtyPair } from '../../support/pty';

export const card = (id: string): CardFixture => demoCard(id);

export interface Rig {
  readonly pty: PtyPair;
  readonly simulator: IdCardSimulator;
  readonly endpoint: SerialEndpoint;
  readonly reader: IdCardReader;
  readonly events: IdCardEvent[];
  kinds(): string[];
  close(): Promise<void>;
}

/** The real thing end to end: driver on pty end `a` through serialport, simulator on end `b`, wire-paced at 115200. */
export async function startRig(options: { pollMs?: number; readTimeoutMs?: number; haltAfterRead?: boolean } = {}): Promise<Rig> {
  const pty = await openPtyPair();
  const simulator = new IdCardSimulator(() => undefined, { haltAfterRead: options.haltAfterRead ?? true });
  const endpoint = new SerialEndpoint(pty.b, simulator);
  await endpoint.start();
  const reader = new IdCardReader({
    path: pty.a,
    source: 'serial',
    open: serialOpener(pty.a, 115200),
    pollMs: options.pollMs ?? 60,
    readTimeoutMs: options.readTimeoutMs ?? 2500,
    timings: { callMs: 3000, backoff: { initialMs: 50, maxMs: 500, factor: 2 } },
  });
  const events: IdCardEvent[] = [];
  reader.on('data', (e) => events.push(e));
  await reader.open();
  reader.claim();
  reader.enable();
  return {
    pty,
    simulator,
    endpoint,
    reader,
    events,
    kinds: () => events.map((e) => (e.kind === 'readFailed' ? `readFailed:${e.error.extended}` : e.kind)),
    async close() {
      await reader.close();
      await endpoint.stop();
      await pty.close();
    },
  };
}
