import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
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
