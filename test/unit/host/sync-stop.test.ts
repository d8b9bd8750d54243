import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/api/events';
import { createLogger } from '../../../host/log';
import { SyncService } from '../../../host/platform/sync';
import type { OfflineCache } from '../../../offline-cache/offline-cache';

/**
 * An offline cache whose store closes when the test says: every write (and every read through the store,
 * as the engine's noteReachable makes to publish its status) after that throws as better-sqlite3 does.
 */
function closingCache(options: { pinned: string | null }) {
  const writes: string[] = [];
  let closed = false;
  const answers: { provision?: (v: unknown) => void; health?: (v: unknown) => void } = {};
  const write = (what: string) => () => {
    if (closed) throw new TypeError('The database connection is not open');
    writes.push(what);
  };
  const cache = {
    store: { getMeta: () => options.pinned },
    client: { provision: () => new Promise((r) => (answers.provision = r)), health: () => new Promise((r) => (answers.health = r)) },
    engine: { status: () => ({ online: false, lastSuccessAt: null, lastAttemptAt: null, lastError: null, queueDepth: 0, quarantined: 0, oldestPendingAt: null, nextAttemptAt: null, consecutiveFailures: 0 }), start: write('engine'), stop: async () => undefined, platformReturned: () => undefined, noteReachable: write('reachable') },
    attachments: { cleanOrphans: () => undefined },
    pinPlatformKey: write('pin'),
    pinPlatformSm2Key: write('pin-sm2'),
    continueNumbering: () => false,
  } as unknown as OfflineCache;
  return { cache, writes, answers, close: () => (closed = true) };
}

async function withUnhandled(run: (unhandled: unknown[]) => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    await run(unhandled);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

const service = (cache: OfflineCache) => new SyncService(cache, new EventBus(), createLogger({ level: 'silent' }), { servicePoint: 'test', provisioningToken: 'token', retentionMs: 86_400_000, catalogRefreshMs: 3_600_000, bootJitterMs: 0 });
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('SyncService: a stop while the platform is answering writes nothing (the store closes right after), so a SIGTERM exits cleanly', () => {
  it('while the kiosk key is being registered', async () => {
    const c = closingCache({ pinned: null });
    const sync = service(c.cache);
    await withUnhandled(async (unhandled) => {
      sync.start();
      await sync.stop();
      c.close();
      c.answers.provision!({ kind: 'ok', value: { platformPublicKey: 'k', platformKeyId: 'id', highestSeqs: {} } });
      await settle();
      expect(unhandled).toEqual([]);
      expect(c.writes).toEqual([]);
    });
  });

  it('while the first health check before delivery is in flight (a registered kiosk)', async () => {
    const c = closingCache({ pinned: 'pinned-platform-key' });
    const sync = service(c.cache);
    await withUnhandled(async (unhandled) => {
      sync.start();
      await settle();
      expect(c.answers.health, 'the health check was asked').toBeTypeOf('function');
      await sync.stop();
      c.close();
      c.answers.health!({ kind: 'ok' });
      await settle();
      expect(unhandled).toEqual([]);
      expect(c.writes).toEqual([]);
    });
  });
});
