import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { autoProbeOpener, IdCardReader, IdCardSimulator, SerialEndpoint } from '../../../drivers/idcard';
import { openPtyPair, type PtyPair } from '../../support/pty';
import { card } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function pty(): Promise<PtyPair> {
  const p = await openPtyPair();
  cleanups.push(() => p.close());
  return p;
}

describe('KIOSK_IDCARD=auto', () => {
  it('asks each port for the SAM status and keeps the one that answers like a reader', async () => {
    const silent = await pty();
    // Something else on a port: answers every byte with text, never a GA/T 467 frame.
    const chatty = await pty();
    const other = new SerialPort({ path: chatty.b, baudRate: 115200 });
    other.on('data', () => other.write('OK\r\n'));
    cleanups.push(() => new Promise((r) => other.close(() => r())));
    const readerPty = await pty();
    const simulator = new IdCardSimulator(() => undefined);
    const endpoint = new SerialEndpoint(readerPty.b, simulator);
    await endpoint.start();
    cleanups.push(() => endpoint.stop());

    const chosen: string[] = [];
    const candidates = async () => ['/dev/does-not-exist', silent.a, chatty.a, readerPty.a];
    let reader: IdCardReader | null = null;
    reader = new IdCardReader({
      path: null,
      source: 'serial',
      open: autoProbeOpener(115200, candidates, (p) => {
        chosen.push(p);
        reader?.portChosen(p);
      }, 200),
      pollMs: 50,
    });
    cleanups.push(() => reader!.close());
    const presented: string[] = [];
    reader.on('data', (e) => e.kind === 'cardPresented' && presented.push(e.read.identity.cardType));
    await reader.open();
    reader.claim();
    reader.enable();
    expect(reader.status()).toMatchObject({ power: 'online', path: readerPty.a });
    expect(chosen).toEqual([readerPty.a]);
    simulator.insert(card('hmt-residence'));
    await expect.poll(() => presented).toEqual(['hmt-residence']);
  });

  it('reports no-hardware when no port answers, and keeps looking', async () => {
    const silent = await pty();
    const reader = new IdCardReader({
      path: null,
      source: 'serial',
      open: autoProbeOpener(115200, async () => [silent.a], undefined, 100),
      timings: { backoff: { initialMs: 50, maxMs: 100, factor: 2 } },
    });
    cleanups.push(() => reader.close());
    await reader.open();
    expect(reader.status()).toMatchObject({ power: 'offline', lastError: { code: 'no-hardware', extended: 'NO-READER-FOUND' } });
    await expect.poll(() => reader.status().counters['reconnectAttempts'] ?? 0).toBeGreaterThan(1);
  });
});
