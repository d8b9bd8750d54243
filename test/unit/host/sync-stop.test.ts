import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/api/events';
import { createLogger } from '../../../host/log';
import { SyncService } from '../../../host/platform/sync';
import type { OfflineCache } from '../../../offline-cache/offline-cache';

describe('SyncService: a stop while the kiosk key is being registered', () => {
  it('writes nothing once stopped (the store closes right after), so a SIGTERM then exits cleanly', async () => {
    let answer!: (v: unknown) => void;
    const writes: string[] = [];
    let closed = false;
    const write = (what: string) => () => {
      if (closed) throw new Error('store is closed');
      writes.push(what);
    };
    const cache = {
      store: { getMeta: () => null },
      client: { provision: () => new Promise((r) => (answer = r)), health: async () => ({ kind: 'ok' }) },
      engine: { status: () => ({ online: false, lastSuccessAt: null, lastAttemptAt: null, lastError: null, queueDepth: 0, quarantined: 0, oldestPendingAt: null, nextAttemptAt: null, consecutiveFailures: 0 }), start: write('engine'), stop: async () => undefined, platformReturned: () => undefined, noteReachable: () => undefined },
      attachments: { cleanOrphans: () => undefined },
      pinPlatformKey: write('pin'),
      pinPlatformSm2Key: write('pin-sm2'),
      continueNumbering: () => false,
    } as unknown as OfflineCache;
    const sync = new SyncService(cache, new EventBus(), createLogger({ level: 'silent' }), { servicePoint: 'test', provisioningToken: 'token', retentionMs: 86_400_000, catalogRefreshMs: 3_600_000, bootJitterMs: 0 });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      sync.start();
      await sync.stop();
      closed = true;
      answer({ kind: 'ok', value: { platformPublicKey: 'k', platformKeyId: 'id', highestSeqs: {} } });
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      expect(writes).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
