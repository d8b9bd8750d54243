/**
 * Draining a full outbox to the platform simulator (a separate process, real
 * HTTP, its own SQLite), against a bare keep-alive POST loop sending the same
 * applications in batches of the same size to the same server. Runs are
 * interleaved, alternating which goes first, and the medians compared.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AUTH_HEADERS, MAX_BATCH_ITEMS, signingString } from '../../contract/platform';
import { openKiosk, payloadFor } from '../support/offline-kiosk';
import { startPlatformProcess } from '../support/processes';
import { figure, type Emit } from './format';

const PER_RUN = Number(process.env['BENCH_DRAIN_ITEMS'] ?? 4000);
const ROUNDS = Number(process.env['BENCH_DRAIN_ROUNDS'] ?? 5);

async function bareKiosk(url: string, kioskId: string) {
  const secret = ed25519.utils.randomSecretKey();
  const res = await fetch(`${url}/v1/devices/provision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kioskId, publicKey: Buffer.from(ed25519.getPublicKey(secret)).toString('base64'), servicePoint: 'bench', provisioningToken: 'demo-provisioning' }),
  });
  if (res.status !== 201) throw new Error(`provision ${res.status}`);
  let seq = 0;
  return async function sendAll(count: number): Promise<number> {
    const t0 = performance.now();
    for (let sent = 0; sent < count; sent += MAX_BATCH_ITEMS) {
      const n = Math.min(MAX_BATCH_ITEMS, count - sent);
      const items = Array.from({ length: n }, () => ({ clientId: uuidv7(), seq: ++seq, createdAt: new Date().toISOString(), payload: payloadFor(`${kioskId}-20261126-${String(seq).padStart(6, '0')}`) }));
      const body = JSON.stringify({ items });
      const path = '/v1/applications/batch';
      const timestamp = String(Date.now());
      const nonce = randomBytes(18).toString('base64url');
      const text = signingString({ method: 'POST', pathWithQuery: path, kioskId, timestamp, nonce, bodySha256: createHash('sha256').update(body).digest('hex') });
      const r = await fetch(url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [AUTH_HEADERS.kioskId]: kioskId,
          [AUTH_HEADERS.timestamp]: timestamp,
          [AUTH_HEADERS.nonce]: nonce,
          [AUTH_HEADERS.signature]: Buffer.from(ed25519.sign(Buffer.from(text), secret)).toString('base64'),
        },
        body,
      });
      if (r.status !== 200) throw new Error(`bare POST ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
    }
    return count / ((performance.now() - t0) / 1000);
  };
}

export default async function drainBench(emit: Emit): Promise<void> {
  const platform = await startPlatformProcess();
  try {
    const bare = await bareKiosk(platform.url, 'SX-BENCH-BARE');
    const kiosk = await openKiosk(platform.url, { kioskId: 'SX-BENCH-OURS', requestTimeoutMs: 30_000, idlePollMs: 600_000 });
    const ours = async (count: number) => {
      const payload = payloadFor('SX-BENCH-OURS-20261126-000001');
      kiosk.store.light((db) => {
        for (let i = 0; i < count; i++) kiosk.outbox.enqueueIn(db, 'application', { ...payload, localNumber: `SX-BENCH-OURS-20261126-${String(i).padStart(6, '0')}` });
      });
      // The engine's own loop, started on a full queue; done when the outbox holds nothing the platform lacks.
      const t0 = performance.now();
      kiosk.engine.start();
      kiosk.engine.kick();
      while (kiosk.outbox.pendingCount() !== 0) await new Promise((resolve) => setTimeout(resolve, 2));
      const rate = count / ((performance.now() - t0) / 1000);
      await kiosk.engine.stop();
      return rate;
    };
    await bare(1000); // warm-up (JIT, keep-alive socket, simulator caches)
    await ours(1000);
    const oursRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first: the simulator's database grows with every run.
      if (round % 2 === 0) {
        bareRates.push(await bare(PER_RUN));
        oursRates.push(await ours(PER_RUN));
      } else {
        oursRates.push(await ours(PER_RUN));
        bareRates.push(await bare(PER_RUN));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const oursRate = median(oursRates);
    const bareRate = median(bareRates);
    emit(figure('outbox drain vs bare keep-alive POST loop (target ≥ 0.7×)', oursRate, 'apps/s', bareRate));
    emit(figure('outbox drain absolute (target ≥ 500 apps/s)', oursRate, 'apps/s', 500));
    await kiosk.close();
  } finally {
    await platform.stop();
  }
}
