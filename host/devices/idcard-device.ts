import { realpathSync } from 'node:fs';
import type { KioskConfig } from '../config';
import { executableOnPath, openPtyPair, serialOpener, type PtyPair } from '../../drivers/device';
import {
  autoProbeOpener,
  DEMO_CARDS,
  candidateSerialPaths,
  IdCardReader,
  IdCardSimulator,
  InProcessReader,
  SerialEndpoint,
  type CardFixture,
  type SimulatorFault,
} from '../../drivers/idcard';

/** The simulated reader behind `KIOSK_IDCARD=sim`, driven by the dev dock. */
export interface SimulatedIdCard {
  readonly simulator: IdCardSimulator;
  readonly cards: readonly CardFixture[];
  /** How the simulator is attached: over a socat pty pair (preferred) or in-process when socat is missing. */
  readonly transport: 'pty' | 'in-process';
  insert(cardId: string): CardFixture | null;
  remove(): boolean;
  inject(fault: SimulatorFault, times: number): void;
  /** The port vanishes for `seconds`, then returns at the same path. */
  unplugFor(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export interface IdCardDevice {
  readonly reader: IdCardReader | null;
  readonly sim: SimulatedIdCard | null;
  close(): Promise<void>;
}

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Chooses, once, how the ID-card reader is reached. `sim` prefers the real
 * path: a socat pty pair with the simulator on one end and the real
 * serialport driver on the other, so demo mode runs the production driver.
 */
export async function createIdCardDevice(devices: KioskConfig['devices'], cards: readonly CardFixture[] = DEMO_CARDS): Promise<IdCardDevice> {
  const setting = devices.idcard;
  const baud = devices.idcardBaud;
  if (setting === 'none' || setting.startsWith('hid:')) return { reader: null, sim: null, close: async () => undefined };
  if (setting === 'auto') {
    let reader: IdCardReader | null = null;
    // Never probe a port configured for another device: a SAM frame would print as garbage on a receipt printer.
    const taken = [devices.printer, devices.scanner].filter((p) => p.startsWith('/') || /^COM\d+$/i.test(p)).map(canonical);
    const candidates = async () => (await candidateSerialPaths()).filter((p) => !taken.includes(canonical(p)));
    const open = autoProbeOpener(baud, candidates, (p) => reader?.portChosen(p));
    reader = new IdCardReader({ path: null, source: 'serial', open });
    return { reader, sim: null, close: async () => reader?.close() };
  }
  if (setting !== 'sim') {
    const reader = new IdCardReader({ path: setting, source: 'serial', open: serialOpener(setting, baud) });
    return { reader, sim: null, close: () => reader.close() };
  }

  if (!executableOnPath('socat')) {
    const inProcess = new InProcessReader({ baud });
    const reader = new IdCardReader({ path: null, source: 'sim', open: inProcess.opener });
    const sim = simulatedCard(inProcess.simulator, cards, 'in-process', async (seconds) => {
      inProcess.unplug();
      await delay(seconds * 1000);
      inProcess.replug();
    });
    return { reader, sim, close: () => reader.close() };
  }
  const pty: PtyPair = await openPtyPair();
  const simulator = new IdCardSimulator(() => undefined);
  simulator.baud = baud;
  const endpoint = new SerialEndpoint(pty.b, simulator);
  await endpoint.start();
  const reader = new IdCardReader({ path: pty.a, source: 'sim', open: serialOpener(pty.a, baud) });
  const sim = simulatedCard(simulator, cards, 'pty', async (seconds) => {
    await pty.unplug();
    await delay(seconds * 1000);
    await pty.replug();
  });
  return {
    reader,
    sim,
    async close() {
      await reader.close();
      await endpoint.stop();
      await pty.close();
    },
  };
}

function simulatedCard(
  simulator: IdCardSimulator,
  cards: readonly CardFixture[],
  transport: SimulatedIdCard['transport'],
  unplugFor: (seconds: number) => Promise<void>,
): SimulatedIdCard {
  let unplugging: Promise<void> | null = null;
  return {
    simulator,
    cards,
    transport,
    insert(cardId) {
      const card = cards.find((c) => c.id === cardId) ?? null;
      if (card) simulator.insert(card);
      return card;
    },
    remove() {
      const had = simulator.currentCard !== null;
      simulator.remove();
      return had;
    },
    inject: (fault, times) => simulator.inject(fault, times),
    unplugFor(seconds) {
      unplugging ??= unplugFor(seconds).finally(() => (unplugging = null));
      return unplugging;
    },
    async close() {
      await unplugging;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
