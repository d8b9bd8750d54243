import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { AuditChain } from '../../../offline-cache/audit/audit-chain';
import { Store } from '../../../offline-cache/store/database';
import { tempDir } from '../../support/processes';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function chainWith(n: number, algorithm: 'sha256' | 'sm3' = 'sha256') {
  const store = Store.open({ dataDir: tempDir('audit') });
  opened.push(store);
  const chain = new AuditChain(store, algorithm);
  const kinds = ['card-read', 'submission', 'print', 'delivery', 'purge', 'maintenance-login', 'config-change'] as const;
  for (let i = 0; i < n; i++) chain.append(kinds[i % kinds.length]!, { i });
  return { store, chain };
}

/** A second connection, as an attacker with file access would use. */
function tamper(store: Store, sql: string) {
  const db = new Database(store.file);
  db.exec(sql);
  db.close();
}

describe('AuditChain', () => {
  for (const algorithm of ['sha256', 'sm3'] as const) {
    it(`${algorithm}: an untouched chain verifies and its head is the last entry`, () => {
      const { chain } = chainWith(20, algorithm);
      const v = chain.verify();
      expect(v.ok).toBe(true);
      expect(v.ok && v.head).toEqual(chain.currentHead());
      expect(chain.currentHead().seq).toBe(20);
    });
  }

  it('detects an edited entry', () => {
    const { store, chain } = chainWith(10);
    tamper(store, `UPDATE audit SET detail = '{"i":99}' WHERE seq = 4`);
    expect(chain.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'edited' });
  });

  it('detects a deleted entry', () => {
    const { store, chain } = chainWith(10);
    tamper(store, 'DELETE FROM audit WHERE seq = 6');
    expect(chain.verify()).toMatchObject({ ok: false, brokenAt: 7, problem: 'missing-or-reordered' });
  });

  it('detects two entries swapped', () => {
    const { store, chain } = chainWith(10);
    tamper(
      store,
      `UPDATE audit SET seq = -3 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 5; UPDATE audit SET seq = 5 WHERE seq = -3;`,
    );
    const v = chain.verify();
    expect(v.ok).toBe(false);
    expect(!v.ok && v.brokenAt).toBe(3);
  });

  it('detects a cut-off tail against the head last reported to the platform', () => {
    const { store, chain } = chainWith(10);
    const reported = chain.currentHead();
    tamper(store, 'DELETE FROM audit WHERE seq >= 9');
    expect(chain.verify().ok).toBe(true);
    expect(chain.verify(reported)).toMatchObject({ ok: false, problem: 'head-mismatch' });
  });

  it('detects a rewritten chain (every hash recomputed by someone without the history) against the reported head', () => {
    const { store, chain } = chainWith(5);
    const reported = chain.currentHead();
    tamper(store, 'DELETE FROM audit');
    const forged = new AuditChain(store);
    for (let i = 0; i < 5; i++) forged.append('print', { forged: i });
    expect(forged.verify().ok).toBe(true);
    expect(forged.verify(reported)).toMatchObject({ ok: false, problem: 'head-mismatch' });
  });
});

describe('AuditChain with a sealed key', () => {
  const key = Buffer.alloc(32, 7);
  for (const algorithm of ['sha256', 'sm3'] as const) {
    it(`${algorithm}: a rewrite recomputed without the key is detected on the kiosk itself`, () => {
      const store = Store.open({ dataDir: tempDir('audit-keyed') });
      opened.push(store);
      const chain = new AuditChain(store, algorithm, Date.now, key);
      for (let i = 0; i < 12; i++) chain.append('print', { i });
      expect(chain.verify().ok).toBe(true);
      // The attacker edits entry 5 and recomputes every hash after it with the (public) plain algorithm.
      const rows = store.read((db) => db.prepare('SELECT seq, at, kind, detail FROM audit ORDER BY seq').all() as { seq: number; at: number; kind: string; detail: string }[]);
      const forged = rows.map((r) => (r.seq === 5 ? { ...r, detail: '{"i":"gone"}' } : r));
      let prev = '0'.repeat(64);
      const updates: string[] = [];
      for (const r of forged) {
        const text = [String(r.seq), String(r.at), r.kind, r.detail, prev].map((f) => `${f.length}:${f}`).join('|');
        const hash = algorithm === 'sha256' ? createHash('sha256').update(text).digest('hex') : smCrypto.sm3(text);
        updates.push(`UPDATE audit SET detail = '${r.detail}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${r.seq};`);
        prev = hash;
      }
      tamper(store, updates.join('\n'));
      const v = new AuditChain(store, algorithm, Date.now, key).verify();
      expect(v.ok).toBe(false);
      expect(!v.ok && v.brokenAt).toBe(1);
    });
  }

  it('moving the point where MACs start is detected too', () => {
    const store = Store.open({ dataDir: tempDir('audit-keyed-from') });
    opened.push(store);
    const chain = new AuditChain(store, 'sha256', Date.now, key);
    for (let i = 0; i < 3; i++) chain.append('print', { i });
    tamper(store, `UPDATE meta SET value = '999:${'0'.repeat(64)}' WHERE key = 'audit.keyed-from'`);
    const v = new AuditChain(store, 'sha256', Date.now, key).verify();
    expect(v.ok).toBe(false);
  });

  it('a chain begun before the key existed keeps verifying; entries after it are MAC-ed', () => {
    const { store, chain } = chainWith(4);
    expect(chain.verify().ok).toBe(true);
    const keyed = new AuditChain(store, 'sha256', Date.now, key);
    keyed.append('print', { after: true });
    expect(keyed.verify().ok).toBe(true);
    // The new entry does not verify as a plain hash: it carries the MAC.
    expect(new AuditChain(store, 'sha256').verify().ok).toBe(false);
  });
});
