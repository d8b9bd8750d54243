import type { z } from 'zod';
import {
  ApplicationItemSchema,
  EvaluationItemSchema,
  FeedbackItemSchema,
  type ApplicationPayload,
  type ItemResult,
  type RejectedResult,
} from '../../contract/platform';
import { issuesFromZod } from '../../contract/result';
import { canonicalJson, sha256Hex } from '../canonical-json';
import type { CatalogService } from '../catalog-service';
import type { CaseClock } from '../clock';
import type { AttachmentStore } from './attachments';
import type { CaseProgression } from './case-progression';
import type { Db } from './database';

export type Stream = 'applications' | 'evaluations' | 'feedback';

const ITEM_SCHEMAS: Record<Stream, z.ZodType<{ clientId: string; seq: number; payload: unknown }>> = {
  applications: ApplicationItemSchema,
  evaluations: EvaluationItemSchema,
  feedback: FeedbackItemSchema,
};

export interface BatchOutcome {
  readonly results: ItemResult[];
  /** At least one item was new: what "drop only new responses" keys on. */
  readonly createdNew: boolean;
}

type Rejection = Omit<RejectedResult, 'clientId' | 'outcome'>;

/**
 * The idempotency ledger. Each batch is one transaction: every new item's
 * ledger row, its application and its first status change commit together,
 * so a response lost after the commit is answered "duplicate" with the same
 * platform number on retry — for ever, not for a window.
 */
export class IntakeLedger {
  private readonly sql;

  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    private readonly attachments: AttachmentStore,
    private readonly progression: CaseProgression,
    private readonly clock: CaseClock,
  ) {
    this.sql = {
      find: db.prepare('SELECT stream, payload_sha256, platform_number, received_at FROM intake WHERE kiosk_id = ? AND client_id = ?'),
      countDuplicate: db.prepare('UPDATE intake SET duplicate_count = duplicate_count + 1 WHERE kiosk_id = ? AND client_id = ?'),
      insert: db.prepare(
        `INSERT INTO intake (kiosk_id, client_id, stream, seq, payload_sha256, payload, platform_number, item_code, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reject: db.prepare('INSERT INTO rejections (kiosk_id, stream, client_id, code, at) VALUES (?, ?, ?, ?, ?)'),
      counter: db.prepare("SELECT value FROM meta WHERE key = 'platformNumber.seq'").pluck(),
      setCounter: db.prepare("INSERT INTO meta (key, value) VALUES ('platformNumber.seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    };
  }

  submit(kioskId: string, stream: Stream, rawItems: readonly unknown[]): BatchOutcome {
    let createdNew = false;
    const results = this.db.transaction(() =>
      rawItems.map((raw, index): ItemResult => {
        const r = this.judge(kioskId, stream, raw, index);
        if (r.outcome === 'accepted') createdNew = true;
        if (r.outcome === 'rejected') {
          this.sql.reject.run(kioskId, stream, r.clientId, r.code, new Date().toISOString());
        }
        return r;
      }),
    )();
    return { results, createdNew };
  }

  private judge(kioskId: string, stream: Stream, raw: unknown, index: number): ItemResult {
    const parsed = ITEM_SCHEMAS[stream].safeParse(raw);
    if (!parsed.success) {
      const claimed = (raw as { clientId?: unknown } | null)?.clientId;
      const issues = issuesFromZod(parsed.error).map((i) => ({ ...i, path: `items.${index}.${i.path}` }));
      return {
        clientId: typeof claimed === 'string' ? claimed.slice(0, 64) : `items.${index}`,
        outcome: 'rejected',
        status: 400,
        code: 'invalid-item',
        reason: `item ${index} is malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        permanent: true,
        issues,
      };
    }
    const item = parsed.data;
    const reject = (r: Rejection): ItemResult => ({ clientId: item.clientId, outcome: 'rejected', ...r });
    const payloadSha256 = sha256Hex(canonicalJson(item.payload));
    const existing = this.sql.find.get(kioskId, item.clientId) as { stream: Stream; payload_sha256: string; platform_number: string; received_at: string } | undefined;
    if (existing) {
      if (existing.stream !== stream || existing.payload_sha256 !== payloadSha256) {
        return reject({
          status: 422,
          code: 'idempotency-key-reused',
          reason: `clientId ${item.clientId} was first used for a different ${existing.stream === stream ? 'payload' : existing.stream} (platform number ${existing.platform_number}); an idempotency key is never reused`,
          permanent: true,
        });
      }
      this.sql.countDuplicate.run(kioskId, item.clientId);
      return { clientId: item.clientId, outcome: 'duplicate', status: 200, platformNumber: existing.platform_number, receivedAt: existing.received_at };
    }
    let routes: { subItemCode: string; departments: readonly string[] }[] = [];
    let itemCode: string | null;
    if (stream === 'applications') {
      const app = item.payload as ApplicationPayload;
      const checked = this.checkApplication(app);
      if ('status' in checked) return reject(checked);
      routes = checked;
      itemCode = app.itemCode;
    } else {
      itemCode = (item.payload as { itemCode?: string }).itemCode ?? null;
    }
    const nowMs = this.clock.nowMs();
    const receivedAt = new Date(nowMs).toISOString();
    const platformNumber = this.nextPlatformNumber(nowMs);
    this.sql.insert.run(kioskId, item.clientId, stream, item.seq, payloadSha256, JSON.stringify(item.payload), platformNumber, itemCode, receivedAt);
    if (routes.length) this.progression.open({ platformNumber, kioskId, clientId: item.clientId, routes, nowMs });
    return { clientId: item.clientId, outcome: 'accepted', status: 201, platformNumber, receivedAt };
  }

  private checkApplication(app: ApplicationPayload): Rejection | { subItemCode: string; departments: readonly string[] }[] {
    if (!this.catalog.hasItem(app.itemCode)) {
      return { status: 422, code: 'unknown-catalog-item', reason: `一件事 ${app.itemCode} is not in catalog ${this.catalog.current().version}`, permanent: true };
    }
    const routes = [];
    for (const code of app.subItemCodes) {
      const route = this.catalog.subItem(code);
      if (!route || route.itemCode !== app.itemCode) {
        return { status: 422, code: 'unknown-sub-item', reason: `sub-item ${code} does not belong to 一件事 ${app.itemCode}`, permanent: true };
      }
      routes.push(route);
    }
    const missing = app.materials.filter((m) => m.kind === 'attachment' && !this.attachments.isComplete(m.sha256));
    if (missing.length) {
      return {
        status: 409,
        code: 'attachment-missing',
        reason: `attachment(s) not fully uploaded: ${missing.map((m) => (m.kind === 'attachment' ? m.sha256.slice(0, 12) : '')).join(', ')}`,
        permanent: false,
      };
    }
    return routes;
  }

  /**
   * A case filed at a hall window, not through a kiosk (fixtures and the
   * admin page): numbered like kiosk intake, its department tracks opened at
   * `receivedAtMs` so an old filing has moved on by now.
   */
  fileAtWindow(f: { holderIdNumber: string; itemCode: string; subItemCodes: readonly string[]; filedAt: string; receivedAtMs: number }): string {
    return this.db.transaction(() => {
      const routes = f.subItemCodes.map((code) => {
        const route = this.catalog.subItem(code);
        if (!route || route.itemCode !== f.itemCode) throw new Error(`window filing: sub-item ${code} does not belong to 一件事 ${f.itemCode}`);
        return route;
      });
      const platformNumber = this.nextPlatformNumber(f.receivedAtMs);
      this.db
        .prepare('INSERT INTO window_filings (platform_number, holder_sha256, item_code, filed_at, received_at) VALUES (?, ?, ?, ?, ?)')
        .run(platformNumber, sha256Hex(f.holderIdNumber), f.itemCode, f.filedAt, new Date(f.receivedAtMs).toISOString());
      this.progression.open({ platformNumber, kioskId: 'WINDOW', clientId: platformNumber, routes, nowMs: f.receivedAtMs });
      return platformNumber;
    })();
  }

  /** SX + case-clock date (Beijing time) + a platform-wide counter. */
  private nextPlatformNumber(nowMs: number): string {
    // Read and written inside the batch transaction: a rolled-back batch gives its numbers back.
    const n = Number((this.sql.counter.get() as string | undefined) ?? '0') + 1;
    this.sql.setCounter.run(String(n));
    const day = new Date(nowMs + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    return `SX${day}${String(n).padStart(8, '0')}`;
  }
}
