/**
 * idcard-read: from the first `find` that sees the card to `cardPresented`
 * with parsed fields, driver ⇄ simulator over a socat pty pair, the
 * simulator pacing its bytes at 115200 baud (8N1) so wire time is real.
 * Baseline: the wire time of the bytes exchanged in that window
 * (find + select + read ≈ 1.36 KB ≈ 118 ms), counted in the same run.
 * Target: ratio ≤ 1.15.
 *
 * A second figure compares the driver with the floor of the same exchange
 * measured in this run: a raw client that writes the three commands and only
 * counts reply bytes (no decoding, no parsing, no device model), so machine
 * load shows in both and the driver's own cost stands out.
 */
import { SerialPort } from 'serialport';
import { serialOpener, openPtyPair, type PtyPair } from '../../drivers/device';
import { COMMANDS, encodeCommand, IdCardReader, IdCardSimulator, SerialEndpoint, type CardFixture } from '../../drivers/idcard';
import { figure, percentile, type Emit } from './format';

const BAUD = 115200;
const ROUNDS = 15;
const card: CardFixture = {
  id: 'bench', label: 'bench', cardType: 'resident', name: '张小三', gender: '1', nation: '01', birth: '19900307',
  address: '山西省太原市小店区坞城路92号', number: '140105199003071234', authority: '太原市公安局小店分局',
  validFrom: '20200115', validTo: '20400115',
};

export default async function bench(emit: Emit): Promise<void> {
  const pty = await openPtyPair();
  const simulator = new IdCardSimulator(() => undefined);
  simulator.baud = BAUD;
  const endpoint = new SerialEndpoint(pty.b, simulator);
  await endpoint.start();
  const reader = new IdCardReader({ path: pty.a, source: 'serial', open: serialOpener(pty.a, BAUD), pollMs: 50 });
  const elapsed: number[] = [];
  const wire: number[] = [];
  const raw: number[] = [];
  try {
    await reader.open();
    reader.claim();
    reader.enable();
    for (let round = 0; round < ROUNDS + 2; round++) {
      let t0 = 0;
      let bytesAtT0 = 0;
      simulator.onCommand = (_cmd, _para, sees) => {
        if (sees && t0 === 0) {
          t0 = performance.now();
          // The find command is already counted in bytesIn; count it into the window.
          bytesAtT0 = simulator.bytesIn + simulator.bytesOut - 10;
        }
      };
      const presented = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no cardPresented within 10 s')), 10_000);
        const off = reader.on('data', (e) => {
          if (e.kind !== 'cardPresented') return;
          if (e.read.identity.idNumber !== card.number) return reject(new Error('wrong card parsed'));
          clearTimeout(timer);
          off();
          resolve(performance.now());
        });
      });
      simulator.insert(card);
      const t1 = await presented;
      const bytes = simulator.bytesIn + simulator.bytesOut - bytesAtT0;
      if (round >= 2) {
        // The first two rounds warm up JIT and the port.
        elapsed.push(t1 - t0);
        wire.push((bytes * 10 * 1000) / BAUD);
      }
      simulator.remove();
      await new Promise<void>((resolve) => {
        const off = reader.on('data', (e) => {
          if (e.kind === 'cardRemoved') {
            off();
            resolve();
          }
        });
      });
    }
    await reader.close();
    simulator.onCommand = null;
    raw.push(...(await rawExchanges(pty, simulator)));
  } finally {
    await reader.close();
    await endpoint.stop();
    await pty.close();
  }
  const sorted = [...elapsed].sort((a, b) => a - b);
  const rawSorted = [...raw].sort((a, b) => a - b);
  const wireMs = wire.reduce((a, b) => a + b, 0) / wire.length;
  emit(figure('find-to-presented-median', percentile(sorted, 50), 'ms', wireMs));
  emit(figure('find-to-presented-p90', percentile(sorted, 90), 'ms', wireMs));
  emit(figure('bytes-exchanged', (wireMs * BAUD) / 10_000, 'bytes', null));
  emit(figure('raw-exchange-median', percentile(rawSorted, 50), 'ms', wireMs));
  emit(figure('driver-vs-raw-median', percentile(sorted, 50), 'ms', percentile(rawSorted, 50)));
}

/** find → select → read with a client that only counts reply bytes: the floor of the same exchange. */
async function rawExchanges(pty: PtyPair, simulator: IdCardSimulator): Promise<number[]> {
  const port = new SerialPort({ path: pty.a, baudRate: BAUD, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  let received = 0;
  let want = 0;
  let wake: (() => void) | null = null;
  port.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received >= want) wake?.();
  });
  const turn = (command: Uint8Array, replyBytes: number) =>
    new Promise<void>((resolve) => {
      received = 0;
      want = replyBytes;
      wake = resolve;
      port.write(Buffer.from(command));
    });
  const out: number[] = [];
  try {
    for (let round = 0; round < ROUNDS + 2; round++) {
      simulator.insert(card);
      // Same clock start as the driver's: when the reader sees the find.
      let t0 = 0;
      simulator.onCommand = (_c, _p, sees) => {
        if (sees && t0 === 0) t0 = performance.now();
      };
      await turn(encodeCommand(...COMMANDS.findCard), 15);
      await turn(encodeCommand(...COMMANDS.selectCard), 19);
      await turn(encodeCommand(...COMMANDS.readText), 1295);
      if (round >= 2) out.push(performance.now() - t0);
      simulator.remove();
    }
  } finally {
    simulator.onCommand = null;
    await new Promise<void>((r) => port.close(() => r()));
  }
  return out;
}
