import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/api/events';
import { dispatch } from '../../../host/api/dispatch';
import { createLogger } from '../../../host/log';
import { MaintenanceService } from '../../../host/operations/maintenance';
import { JsonlAuditTrail } from '../../../host/operations/maintenance/audit-trail';
import { CredentialsFile } from '../../../host/operations/maintenance/credentials';
import { attemptsLeft, isLocked, recordFailure, recordSuccess, UNLOCKED } from '../../../host/operations/maintenance/lockout';
import { tempDir } from '../../support/processes';

const silent = createLogger({ level: 'silent' });

function setup(now: { t: number }) {
  const dir = tempDir('maint');
  const bus = new EventBus();
  const audit = new JsonlAuditTrail(path.join(dir, 'audit.jsonl'), () => new Date(now.t));
  const credentials = CredentialsFile.in(dir);
  const svc = new MaintenanceService({ credentials, audit, bus, logger: silent, now: () => new Date(now.t) });
  return { dir, bus, audit, credentials, svc };
}

describe('wrong-PIN lockout rule', () => {
  it('locks after the fifth failure for 15 minutes, then starts a fresh count', () => {
    const t0 = new Date('2026-01-01T08:00:00Z');
    let s = UNLOCKED;
    for (let i = 0; i < 4; i++) s = recordFailure(s, t0);
    expect(isLocked(s, t0)).toBe(false);
    expect(attemptsLeft(s, t0)).toBe(1);
    s = recordFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, new Date(t0.getTime() + 14 * 60_000))).toBe(true);
    const later = new Date(t0.getTime() + 15 * 60_000 + 1);
    expect(isLocked(s, later)).toBe(false);
    expect(attemptsLeft(s, later)).toBe(5);
    expect(recordSuccess()).toEqual(UNLOCKED);
  });
});

describe('MaintenanceService', () => {
  it('stores only a scrypt hash, mode 0600', async () => {
    const { svc, credentials } = setup({ t: Date.now() });
    await svc.provisionPin('13572468');
    const raw = readFileSync(credentials.file, 'utf8');
    expect(raw).not.toContain('13572468');
    expect(JSON.parse(raw).pin.algo).toBe('scrypt');
    expect(statSync(credentials.file).mode & 0o777).toBe(0o600);
  });

  it('a sign-in made while the provisioned PIN is still being hashed waits for it: the new PIN opens, the replaced one does not', async () => {
    const { svc, credentials } = setup({ t: Date.now() });
    await svc.provisionPin('24681357');
    // Not awaited, as at a start (ready comes before the hash is stored): the sign-ins queue behind it.
    const provisioned = svc.provisionPin('13572468', { replace: true });
    expect(svc.status().pinConfigured).toBe(true);
    const [old, fresh] = await Promise.all([svc.login('24681357', 'gesture'), svc.login('13572468', 'gesture')]);
    await provisioned;
    expect(old.ok ? 'ok' : old.code).toBe('unauthorized');
    expect(fresh.ok).toBe(true);
    expect(credentials.read().pin).not.toBeNull();
  });

  it('five wrong PINs lock entry even for the right PIN; every attempt is audited; the lock survives a restart and lapses after 15 minutes', async () => {
    const now = { t: Date.parse('2026-01-01T08:00:00Z') };
    const { svc, audit, credentials, bus, dir } = setup(now);
    await svc.provisionPin('13572468');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await svc.login('0000', 'gesture');
      codes.push(r.ok ? 'ok' : r.code);
    }
    expect(codes).toEqual(['unauthorized', 'unauthorized', 'unauthorized', 'unauthorized', 'locked']);
    const locked = await svc.login('13572468', 'gesture');
    expect(locked.ok ? 'ok' : locked.code).toBe('locked');
    expect(svc.status()).toMatchObject({ locked: true, attemptsLeft: 0 });
    // 1 provisioning + 6 attempts, chained.
    expect(audit.head().length).toBe(7);
    expect(audit.verify().intact).toBe(true);
    // A restart (new service over the same files) is still locked.
    const again = new MaintenanceService({ credentials, audit: new JsonlAuditTrail(path.join(dir, 'audit.jsonl')), bus, logger: silent, now: () => new Date(now.t) });
    expect(again.status().locked).toBe(true);
    now.t += 15 * 60_000 + 1000;
    const r = await again.login('13572468', 'gesture');
    expect(r.ok).toBe(true);
  });

  it('a token opens maintenance methods through dispatch, and lapses after 2 idle minutes with an event', async () => {
    const now = { t: Date.now() };
    const { svc, bus } = setup(now);
    await svc.provisionPin('13572468');
    const login = await svc.login('13572468', 'gesture');
    if (!login.ok) throw new Error(login.message);
    const ended: string[] = [];
    bus.subscribe((m) => m.event === 'maintenance.ended' && ended.push((m.payload as { reason: string }).reason));
    const handlers = { 'maintenance.logout': () => ({ ok: true, value: { left: true } }) } as never;
    const call = (token: string) => dispatch(handlers, 'maintenance.logout', { token }, { transport: 'test' }, { mode: 'demo', logger: silent, authorizeMaintenance: (t) => svc.authorize(t) });
    expect((await call('x'.repeat(43))).ok).toBe(false);
    expect((await dispatch(handlers, 'maintenance.logout', { token: login.value.token }, { transport: 'test' }, { mode: 'demo', logger: silent })).ok).toBe(false);
    expect((await call(login.value.token)).ok).toBe(true);
    now.t += 119_000;
    expect(svc.authorize(login.value.token).ok).toBe(true);
    now.t += 120_001;
    const expired = svc.authorize(login.value.token);
    expect(expired.ok ? 'ok' : expired.code).toBe('unauthorized');
    expect(ended).toEqual(['idle']);
  });

  it('staff-card entry needs a registered card on the reader as well as the PIN', async () => {
    const dir = tempDir('maint-staff');
    let present = false;
    const svc = new MaintenanceService({
      credentials: CredentialsFile.in(dir),
      audit: new JsonlAuditTrail(path.join(dir, 'a.jsonl')),
      bus: new EventBus(),
      logger: silent,
      staffCardPresent: () => present,
    });
    await svc.provisionPin('13572468');
    expect((await svc.login('13572468', 'staff-card')).ok).toBe(false);
    present = true;
    expect((await svc.login('13572468', 'staff-card')).ok).toBe(true);
  });
});
