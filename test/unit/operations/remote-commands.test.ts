import { ed25519 } from '@noble/curves/ed25519.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../contract';
import { commandSigningString, type KioskCommand } from '../../../contract/platform';
import { createLogger } from '../../../host/log';
import { JsonlAuditTrail } from '../../../host/operations/maintenance/audit-trail';
import { checkCommand, RemoteCommandRunner } from '../../../host/operations/remote-commands';
import { tempDir } from '../../support/processes';

const secret = ed25519.utils.randomSecretKey();
const platformKey = Buffer.from(ed25519.getPublicKey(secret)).toString('base64');
let n = 0;
function signed(body: KioskCommand['command'], over: Partial<Omit<KioskCommand, 'signature' | 'command'>> = {}): KioskCommand {
  const unsigned = {
    commandId: `0190a0b0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    kioskId: 'SX-TY-0001',
    issuedAt: '2026-01-01T08:00:00Z',
    expiresAt: '2026-01-01T09:00:00Z',
    command: body,
    ...over,
  };
  return { ...unsigned, signature: Buffer.from(ed25519.sign(new TextEncoder().encode(commandSigningString(unsigned)), secret)).toString('base64') };
}
const at = new Date('2026-01-01T08:30:00Z');

describe('checkCommand', () => {
  it('accepts a command signed by the pinned key for this kiosk', () => {
    expect(checkCommand(signed({ kind: 'restart-ui' }), 'SX-TY-0001', platformKey, at)).toMatchObject({ ok: true });
  });
  it('refuses tampering, another kiosk, expiry, no pinned key and garbage', () => {
    const c = signed({ kind: 'set-config', key: 'ui.idleSeconds', value: 90 });
    expect(checkCommand({ ...c, command: { kind: 'set-config', key: 'ui.idleSeconds', value: 10 } }, 'SX-TY-0001', platformKey, at)).toMatchObject({ ok: false, reason: expect.stringContaining('signature') });
    expect(checkCommand(signed({ kind: 'restart-ui' }, { kioskId: 'SX-TY-0002' }), 'SX-TY-0001', platformKey, at)).toMatchObject({ ok: false, reason: expect.stringContaining('SX-TY-0002') });
    expect(checkCommand(c, 'SX-TY-0001', platformKey, new Date('2026-01-01T09:00:01Z'))).toMatchObject({ ok: false, reason: 'command expired' });
    expect(checkCommand(c, 'SX-TY-0001', null, at)).toMatchObject({ ok: false });
    expect(checkCommand({ hello: 1 }, 'SX-TY-0001', platformKey, at)).toMatchObject({ ok: false, reason: 'malformed command' });
  });
});

describe('RemoteCommandRunner', () => {
  it('the same command delivered twice before the first finishes starts once; the second says duplicate', async () => {
    const dir = tempDir('cmds-burst');
    let finish: (() => void) | null = null;
    let started = 0;
    const runner = new RemoteCommandRunner({
      kioskId: () => 'SX-TY-0001',
      platformKey: () => platformKey,
      audit: new JsonlAuditTrail(path.join(dir, 'audit.jsonl')),
      logger: createLogger({ level: 'silent' }),
      dataDir: dir,
      now: () => at,
      actions: {
        refreshCatalog: () => {
          started++;
          return new Promise((r) => (finish = () => r(ok('refreshed'))));
        },
        restartUi: () => ok('reloaded'),
        uploadDiagnostics: async () => ok('uploaded'),
        setConfig: () => ok('set'),
      },
    });
    const c = signed({ kind: 'refresh-catalog' });
    const first = runner.runOne(c);
    const second = await runner.runOne(c);
    expect(second).toMatchObject({ commandId: c.commandId, outcome: 'duplicate' });
    finish!();
    expect(await first).toMatchObject({ outcome: 'done', detail: 'refreshed' });
    expect(started).toBe(1);
    expect(await runner.runOne(c)).toMatchObject({ outcome: 'duplicate', detail: 'already executed; not run again' });
  });

  it('executes each command once, audits it, and acknowledges it until the platform stops listing it', async () => {
    const dir = tempDir('cmds');
    const audit = new JsonlAuditTrail(path.join(dir, 'audit.jsonl'));
    const calls: string[] = [];
    const make = () =>
      new RemoteCommandRunner({
        kioskId: () => 'SX-TY-0001',
        platformKey: () => platformKey,
        audit,
        logger: createLogger({ level: 'silent' }),
        dataDir: dir,
        now: () => at,
        actions: {
          refreshCatalog: async () => err('platform-unreachable', 'no network'),
          restartUi: () => (calls.push('restart-ui'), ok('reloaded')),
          uploadDiagnostics: async () => ok('uploaded'),
          setConfig: (key, value) => (calls.push(`${key}=${value}`), ok('set')),
        },
      });
    const runner = make();
    const restart = signed({ kind: 'restart-ui' });
    const catalog = signed({ kind: 'refresh-catalog' });
    expect(await runner.handle([restart, catalog])).toBe(2);
    expect(await runner.handle([restart, catalog])).toBe(0);
    expect(calls).toEqual(['restart-ui']);
    expect(runner.acks().map((a) => [a.commandId, a.ok])).toEqual([
      [restart.commandId, true],
      [catalog.commandId, false],
    ]);
    // The platform has the ack for `restart` once it stops listing it.
    await runner.handle([catalog]);
    expect(runner.acks().map((a) => a.commandId)).toEqual([catalog.commandId]);
    // A restarted kiosk remembers what it executed.
    expect(await make().handle([restart])).toBe(0);
    expect(calls).toEqual(['restart-ui']);
    const types = audit.verify();
    expect(types.intact).toBe(true);
    expect(types.length).toBe(2);
  });
});
