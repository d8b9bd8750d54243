import { createHmac } from 'node:crypto';
import { AttachmentStore } from '../attachments/attachment-store';
import type { AuditChain } from '../audit/audit-chain';
import type { Outbox } from '../outbox/outbox';
import type { Store } from '../store/database';
import { asStoreUnavailable } from '../store/store-errors';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface LedgerSubItem {
  readonly code: string;
  readonly name: string;
  readonly department: string;
}

export interface LedgerAttachment {
  readonly content: Uint8Array;
  readonly mediaType: string;
  /** The material it satisfies. */
  readonly role: string;
}

export interface LedgerSubmission {
  readonly matterCode: string;
  readonly matterTitle: string;
  readonly deadline: string | null;
  /** Only hashed (keyed) for progress query; never stored in clear outside the sealed payload. */
  readonly applicantIdNumber: string;
  readonly applicantMasked: string;
  readonly subItems: readonly LedgerSubItem[];
  readonly attachments: readonly LedgerAttachment[];
  /** Builds the platform payload once the local number is known (it is printed and sent). */
  payload(localNumber: string, attachments: readonly { readonly address: string; readonly bytes: number; readonly mediaType: string; readonly role: string }[]): unknown;
}

export interface LedgerReceipt {
  readonly localNumber: string;
  readonly clientId: string;
  readonly seq: number;
  readonly submittedAt: number;
}

export interface LocalApplication {
  readonly localNumber: string;
  readonly clientId: string;
  readonly matterCode: string;
  readonly matterTitle: string;
  readonly applicantMasked: string;
  readonly deadline: string | null;
  readonly submittedAt: number;
  readonly delivery: 'queued' | 'sending' | 'accepted' | 'quarantined';
  readonly platformNumber: string | null;
  readonly subItems: readonly (LedgerSubItem & { readonly state: string; readonly note: string | null; readonly stateAt: number | null })[];
}

/**
 * The kiosk's applications: submit (one durable transaction for the
 * application, its attachments, its outbox row and its audit entry), and the
 * metadata progress query needs, found by a keyed hash of the ID number.
 */
export class ApplicationLedger {
  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly attachments: AttachmentStore,
    private readonly audit: AuditChain,
    private readonly options: { readonly kioskId: string; readonly lookupKey: Buffer; readonly now?: () => number },
  ) {}

  applicantKey(idNumber: string): string {
    return createHmac('sha256', this.options.lookupKey).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
  }

  /**
   * The progress-query code printed in the receipt QR: 10 Crockford base32
   * characters (50 bits) of an HMAC under the kiosk's sealed lookup key, so
   * it cannot be guessed from the sequential local number and needs no row.
   */
  receiptCode(localNumber: string): string {
    const mac = createHmac('sha256', this.options.lookupKey).update(`receipt-code\0${localNumber}`, 'utf8').digest();
    let bits = 0n;
    for (const byte of mac.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
    let out = '';
    for (let i = 0; i < 10; i++) out += CROCKFORD[Number((bits >> BigInt(56 - 5 * (i + 1))) & 31n)];
    return out;
  }

  /** Returns once everything is on disk (synchronous=FULL): only then may the UI say "已提交". */
  submit(s: LedgerSubmission): LedgerReceipt {
    // Files first (fsynced), rows after: a crash in between leaves only an orphan file.
    let files;
    try {
      files = s.attachments.map((a) => ({ address: this.attachments.writeFile(a.content), bytes: a.content.length, mediaType: a.mediaType, role: a.role }));
    } catch (e) {
      throw asStoreUnavailable(e) ?? e;
    }
    const now = (this.options.now ?? Date.now)();
    return this.store.durable((db) => {
      const next = this.outbox.peekStreamSeq('application');
      const localNumber = formatLocalNumber(this.options.kioskId, next);
      for (const f of files) this.attachments.recordIn(db, f.address, f.bytes, f.mediaType);
      const links = dedupeLinks(files.map((f) => ({ address: f.address, role: f.role })));
      const queued = this.outbox.enqueueIn(db, 'application', s.payload(localNumber, files), links);
      db.prepare(
        `INSERT INTO applications (local_number, client_id, matter_code, matter_title, applicant_key, applicant_masked, deadline, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(localNumber, queued.clientId, s.matterCode, s.matterTitle, this.applicantKey(s.applicantIdNumber), s.applicantMasked, s.deadline, now);
      const sub = db.prepare(`INSERT INTO application_sub_items (local_number, code, name, department, state) VALUES (?, ?, ?, ?, 'queued')`);
      for (const i of s.subItems) sub.run(localNumber, i.code, i.name, i.department);
      this.audit.appendIn(db, 'submission', { localNumber, clientId: queued.clientId, matter: s.matterCode, attachments: files.length });
      return { localNumber, clientId: queued.clientId, seq: queued.seq, submittedAt: now };
    });
  }

  listByIdNumber(idNumber: string, limit = 50): LocalApplication[] {
    const key = this.applicantKey(idNumber);
    const numbers = this.store.read(
      (db) => db.prepare('SELECT local_number FROM applications WHERE applicant_key = ? ORDER BY submitted_at DESC LIMIT ?').pluck().all(key, limit) as string[],
    );
    return numbers.map((n) => this.find(n)!).filter(Boolean);
  }

  find(localNumber: string): LocalApplication | null {
    return this.store.read((db) => {
      const row = db
        .prepare(
          `SELECT a.local_number, a.client_id, a.matter_code, a.matter_title, a.applicant_masked, a.deadline, a.submitted_at, o.state, o.platform_ref
           FROM applications a JOIN outbox o ON o.client_id = a.client_id WHERE a.local_number = ?`,
        )
        .get(localNumber) as
        | { local_number: string; client_id: string; matter_code: string; matter_title: string; applicant_masked: string; deadline: string | null; submitted_at: number; state: LocalApplication['delivery']; platform_ref: string | null }
        | undefined;
      if (!row) return null;
      const subs = db
        .prepare('SELECT code, name, department, state, note, state_at AS stateAt FROM application_sub_items WHERE local_number = ? ORDER BY rowid')
        .all(localNumber) as LocalApplication['subItems'][number][];
      return {
        localNumber: row.local_number,
        clientId: row.client_id,
        matterCode: row.matter_code,
        matterTitle: row.matter_title,
        applicantMasked: row.applicant_masked,
        deadline: row.deadline,
        submittedAt: row.submitted_at,
        delivery: row.state,
        platformNumber: row.platform_ref,
        subItems: subs,
      };
    });
  }

  /** By local number, or by the platform number a receipt QR may carry. */
  findByAnyNumber(code: string): LocalApplication | null {
    const direct = this.find(code);
    if (direct) return direct;
    const local = this.store.read(
      (db) =>
        db.prepare(`SELECT a.local_number FROM applications a JOIN outbox o ON o.client_id = a.client_id WHERE o.platform_ref = ?`).pluck().get(code) as string | undefined,
    );
    return local ? this.find(local) : null;
  }
}

/**
 * Kiosk id + per-kiosk sequence (SX-TY-0042-000123): unique across the
 * province, and short, because it is the receipt's CODE128 — a longer code
 * prints with 1-dot bars that a camera or phone reads badly. The date is on
 * the receipt in words already.
 */
export function formatLocalNumber(kioskId: string, seq: number): string {
  return `${kioskId}-${String(seq).padStart(6, '0')}`;
}

function dedupeLinks(links: readonly { address: string; role: string }[]) {
  const seen = new Set<string>();
  return links.filter((l) => (seen.has(l.address) ? false : (seen.add(l.address), true)));
}

export { AttachmentStore };
