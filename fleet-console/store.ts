import Database from 'better-sqlite3';
import { CLOCK_SKEW_S, DISK_LOW, QUEUE_STUCK_S } from './advice';
import type { CommandResponse, FleetStatus, FleetTelemetry } from '../contract/fleet';
import type { KioskCommand } from '../contract/platform';

export interface KioskRow {
  readonly kioskId: string;
  readonly region: string;
  readonly servicePoint: string;
  readonly version: string;
  /** online / offline / unknown (telemetry seen, no status yet). */
  readonly state: string;
  readonly reason: string | null;
  /** When the state last changed (console clock). */
  readonly since: string;
  readonly lastSeen: string;
  readonly overall: string;
  readonly findings: FleetTelemetry['findings'];
  readonly queued: number;
  readonly oldestPendingSeconds: number | null;
  readonly diskFreeRatio: number | null;
  /** Kiosk clock minus console clock at the last telemetry (s). */
  readonly clockSkewSeconds: number | null;
  readonly seq: number;
}

export interface KioskUpdateRow {
  readonly state: string;
  readonly runningVersion: string;
  readonly targetVersion: string | null;
  readonly detail: string;
  readonly lastRollbackVersion: string | null;
  readonly lastRollbackReason: string | null;
  /** Console clock. */
  readonly receivedAt: string;
}

export interface CommandRow {
  readonly commandId: string;
  readonly kioskId: string;
  readonly kind: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly outcome: string | null;
  readonly detail: string | null;
  readonly ackedAt: string | null;
}

export interface Sample {
  readonly at: string;
  readonly overall: string;
  readonly queued: number;
  readonly oldestPendingSeconds: number | null;
  readonly diskFreeRatio: number;
  readonly paper: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kiosks (
  kiosk_id TEXT PRIMARY KEY, region TEXT NOT NULL, service_point TEXT NOT NULL, version TEXT NOT NULL,
  state TEXT NOT NULL, reason TEXT, since TEXT NOT NULL, last_seen TEXT NOT NULL,
  overall TEXT NOT NULL DEFAULT 'ok', findings TEXT NOT NULL DEFAULT '[]', queued INTEGER NOT NULL DEFAULT 0,
  oldest_pending_s INTEGER, disk_free_ratio REAL, clock_skew_s INTEGER, seq INTEGER NOT NULL, level INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS kiosks_seq ON kiosks(seq);
CREATE TABLE IF NOT EXISTS samples (
  kiosk_id TEXT NOT NULL, at TEXT NOT NULL, overall TEXT NOT NULL, queued INTEGER NOT NULL,
  oldest_pending_s INTEGER, disk_free_ratio REAL NOT NULL, paper TEXT);
CREATE INDEX IF NOT EXISTS samples_kiosk_at ON samples(kiosk_id, at);
CREATE TABLE IF NOT EXISTS state_changes (kiosk_id TEXT NOT NULL, at TEXT NOT NULL, state TEXT NOT NULL, reason TEXT);
CREATE INDEX IF NOT EXISTS state_changes_kiosk ON state_changes(kiosk_id, at);
CREATE TABLE IF NOT EXISTS commands (
  command_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
  issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, outcome TEXT, detail TEXT, acked_at TEXT);
CREATE INDEX IF NOT EXISTS commands_kiosk ON commands(kiosk_id, issued_at);
CREATE TABLE IF NOT EXISTS kiosk_updates (
  kiosk_id TEXT PRIMARY KEY, state TEXT NOT NULL, running_version TEXT NOT NULL, target_version TEXT, detail TEXT NOT NULL,
  last_rollback_version TEXT, last_rollback_reason TEXT, received_at TEXT NOT NULL);
`;

/** The list order, problems first: an index, so a page of 50 is read in order, not sorted out of 10,000 rows. */
const LEVEL_INDEX = `CREATE INDEX IF NOT EXISTS kiosks_level ON kiosks(level DESC, region, service_point, kiosk_id);
CREATE INDEX IF NOT EXISTS kiosks_scope ON kiosks(region, service_point, state, level);`;

/**
 * A kiosk row's problem level in SQL — 2 fault, 1 warning, 0 fine — the same rules as `problemsOf` (advice.ts):
 * offline or a fault finding; a warning finding, an old queue, a wrong clock or a full disk.
 */
const LEVEL_SQL = `(CASE
  WHEN state = 'offline' OR (findings <> '[]' AND EXISTS (SELECT 1 FROM json_each(findings) WHERE json_extract(value, '$.level') = 'fault')) THEN 2
  WHEN (findings <> '[]' AND EXISTS (SELECT 1 FROM json_each(findings) WHERE json_extract(value, '$.level') = 'warn'))
    OR oldest_pending_s > ${QUEUE_STUCK_S} OR abs(clock_skew_s) > ${CLOCK_SKEW_S} OR disk_free_ratio < ${DISK_LOW} THEN 1
  ELSE 0 END)`;

export interface Counts {
  readonly kiosks: number;
  readonly online: number;
  readonly offline: number;
  /** Kiosks with anything to do (faults included). */
  readonly problems: number;
  readonly faults: number;
}

export interface RegionSummary extends Counts {
  readonly region: string;
  readonly servicePoints: readonly (Counts & { readonly servicePoint: string })[];
}

export interface FleetSummary {
  readonly totals: Counts;
  /** Regions with problems first (most first), then by name; service points the same way inside each. */
  readonly regions: readonly RegionSummary[];
}

export interface KioskQuery {
  /** Part of a kiosk id, region or service point (case-insensitive). */
  readonly q?: string;
  readonly region?: string;
  readonly servicePoint?: string;
  /** Only kiosks with a problem. */
  readonly problems?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

/** One collator for every comparison (localeCompare with a locale builds one per call: 10 ms per summary). */
const ZH = new Intl.Collator('zh-CN');

type Incoming = { kind: 'status'; at: string; status: FleetStatus } | { kind: 'telemetry'; at: string; telemetry: FleetTelemetry };

/**
 * The console's history in SQLite: the latest of every kiosk, its state
 * changes, telemetry samples for trends, and every command with its ack.
 * Broker messages are written in batches (one transaction per flush) so
 * 10,000 kiosks reporting together do not mean 10,000 fsyncs.
 */
export class FleetStore {
  /** Shared with the rollouts (fleet-console/rollouts.ts), which keep their own tables in the same file. */
  readonly db: Database.Database;
  private pending: Incoming[] = [];
  private seq: number;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    // The level is kept in its row (set on every write, from LEVEL_SQL), so the summary and the pages count and
    // order by a column instead of reading every kiosk's findings. A file from before gets the column here, and
    // every open recomputes it, in case the rules changed with the version.
    const columns = this.db.prepare('PRAGMA table_info(kiosks)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'level')) this.db.exec('ALTER TABLE kiosks ADD COLUMN level INTEGER NOT NULL DEFAULT 0');
    this.db.exec(LEVEL_INDEX);
    this.db.prepare(`UPDATE kiosks SET level = ${LEVEL_SQL} WHERE level IS NOT ${LEVEL_SQL}`).run();
    this.seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM kiosks').get() as { s: number }).s;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  noteStatus(status: FleetStatus, at: string): void {
    this.pending.push({ kind: 'status', at, status });
  }

  noteTelemetry(telemetry: FleetTelemetry, at: string): void {
    this.pending.push({ kind: 'telemetry', at, telemetry });
  }

  /** Writes what arrived since the last flush; returns how many messages. */
  flush(): number {
    const batch = this.pending;
    if (!batch.length) return 0;
    this.pending = [];
    const get = this.db.prepare('SELECT state FROM kiosks WHERE kiosk_id = ?');
    const upsertStatus = this.db.prepare(`INSERT INTO kiosks (kiosk_id, region, service_point, version, state, reason, since, last_seen, seq)
      VALUES (@kioskId, @region, @servicePoint, @version, @state, @reason, @at, @at, @seq)
      ON CONFLICT(kiosk_id) DO UPDATE SET region = excluded.region, service_point = excluded.service_point, version = excluded.version,
        since = CASE WHEN kiosks.state = excluded.state THEN kiosks.since ELSE excluded.since END,
        state = excluded.state, reason = excluded.reason, last_seen = excluded.last_seen, seq = excluded.seq`);
    const upsertTelemetry = this.db.prepare(`INSERT INTO kiosks (kiosk_id, region, service_point, version, state, reason, since, last_seen, overall, findings, queued, oldest_pending_s, disk_free_ratio, clock_skew_s, seq)
      VALUES (@kioskId, @region, @servicePoint, @version, 'online', 'connected', @at, @at, @overall, @findings, @queued, @oldest, @disk, @skew, @seq)
      ON CONFLICT(kiosk_id) DO UPDATE SET region = excluded.region, service_point = excluded.service_point, version = excluded.version,
        last_seen = excluded.last_seen, overall = excluded.overall, findings = excluded.findings, queued = excluded.queued,
        oldest_pending_s = excluded.oldest_pending_s, disk_free_ratio = excluded.disk_free_ratio, clock_skew_s = excluded.clock_skew_s, seq = excluded.seq`);
    const setLevel = this.db.prepare(`UPDATE kiosks SET level = ${LEVEL_SQL} WHERE kiosk_id = ?`);
    const change = this.db.prepare('INSERT INTO state_changes (kiosk_id, at, state, reason) VALUES (?, ?, ?, ?)');
    const sample = this.db.prepare('INSERT INTO samples (kiosk_id, at, overall, queued, oldest_pending_s, disk_free_ratio, paper) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const update = this.db.prepare(`INSERT INTO kiosk_updates (kiosk_id, state, running_version, target_version, detail, last_rollback_version, last_rollback_reason, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kiosk_id) DO UPDATE SET state = excluded.state, running_version = excluded.running_version, target_version = excluded.target_version,
        detail = excluded.detail, last_rollback_version = excluded.last_rollback_version, last_rollback_reason = excluded.last_rollback_reason, received_at = excluded.received_at`);
    const touched = new Set<string>();
    this.db.transaction(() => {
      for (const m of batch) {
        const seq = ++this.seq;
        if (m.kind === 'status') {
          const s = m.status;
          const before = get.get(s.kioskId) as { state: string } | undefined;
          if (before?.state !== s.state) change.run(s.kioskId, m.at, s.state, s.reason);
          upsertStatus.run({ kioskId: s.kioskId, region: s.region, servicePoint: s.servicePoint, version: s.version, state: s.state, reason: s.reason, at: m.at, seq });
          touched.add(s.kioskId);
        } else {
          const t = m.telemetry;
          upsertTelemetry.run({
            kioskId: t.kioskId,
            region: t.region,
            servicePoint: t.servicePoint,
            version: t.version,
            at: m.at,
            overall: t.overall,
            findings: JSON.stringify(t.findings),
            queued: t.outbox.queued,
            oldest: t.outbox.oldestPendingSeconds,
            disk: t.disk.freeBytes / t.disk.totalBytes,
            skew: Math.round((Date.parse(t.sentAt) - Date.parse(m.at)) / 1000),
            seq,
          });
          touched.add(t.kioskId);
          const paper = t.devices.find((d) => d.kind === 'printer')?.conditions['paper'];
          if (t.update) update.run(t.kioskId, t.update.state, t.update.runningVersion, t.update.targetVersion, t.update.detail, t.update.lastRollback?.version ?? null, t.update.lastRollback?.reason ?? null, m.at);
          sample.run(t.kioskId, m.at, t.overall, t.outbox.queued, t.outbox.oldestPendingSeconds, t.disk.freeBytes / t.disk.totalBytes, typeof paper === 'string' ? paper : null);
        }
      }
      for (const id of touched) setLevel.run(id); // once per kiosk and batch, from its row as the batch left it
    })();
    return batch.length;
  }

  /** Kiosks shown online and last heard from before `sinceIso` (console clock). */
  silentSince(sinceIso: string): KioskRow[] {
    const rows = this.db.prepare(`SELECT * FROM kiosks WHERE state = 'online' AND last_seen < ?`).all(sinceIso) as Record<string, unknown>[];
    return rows.map(kioskRow);
  }

  /** Kiosks changed after `afterSeq` (all with 0), for the export API and the rollouts. */
  kiosks(afterSeq = 0): KioskRow[] {
    const rows = this.db.prepare('SELECT * FROM kiosks WHERE seq > ? ORDER BY region, service_point, kiosk_id').all(afterSeq) as Record<string, unknown>[];
    return rows.map(kioskRow);
  }

  kiosk(kioskId: string): KioskRow | null {
    const r = this.db.prepare('SELECT * FROM kiosks WHERE kiosk_id = ?').get(kioskId) as Record<string, unknown> | undefined;
    return r ? kioskRow(r) : null;
  }

  /** Counts per region and service point (up, down, with a problem), computed in SQLite, for the console's first view. */
  summary(): FleetSummary {
    // Every open page asks once a second: the same answer until something new has been written.
    if (this.summaryCache?.seq === this.seq) return this.summaryCache.summary;
    const summary = this.computeSummary();
    this.summaryCache = { seq: this.seq, summary };
    return summary;
  }

  private summaryCache: { seq: number; summary: FleetSummary } | null = null;

  private computeSummary(): FleetSummary {
    const rows = this.db
      .prepare(
        `SELECT region, service_point AS sp, count(*) AS n, sum(state = 'online') AS online, sum(level > 0) AS problems, sum(level = 2) AS faults
         FROM kiosks GROUP BY region, service_point`,
      )
      .all() as { region: string; sp: string; n: number; online: number; problems: number; faults: number }[];
    const counts = (n: number, online: number, problems: number, faults: number): Counts => ({ kiosks: n, online, offline: n - online, problems, faults });
    const byProblems = <T extends Counts>(name: (x: T) => string) => (a: T, b: T) => b.faults - a.faults || b.problems - a.problems || ZH.compare(name(a), name(b));
    const regions = new Map<string, (Counts & { servicePoint: string })[]>();
    for (const r of rows) {
      if (!regions.has(r.region)) regions.set(r.region, []);
      regions.get(r.region)!.push({ servicePoint: r.sp, ...counts(r.n, r.online, r.problems, r.faults) });
    }
    const sum = (list: readonly Counts[]): Counts =>
      counts(
        list.reduce((a, c) => a + c.kiosks, 0),
        list.reduce((a, c) => a + c.online, 0),
        list.reduce((a, c) => a + c.problems, 0),
        list.reduce((a, c) => a + c.faults, 0),
      );
    const out: RegionSummary[] = [...regions.entries()].map(([region, sps]) => ({ region, ...sum(sps), servicePoints: sps.sort(byProblems((x) => x.servicePoint)) }));
    out.sort(byProblems((x) => x.region));
    return { totals: sum(out), regions: out };
  }

  /** One page of kiosks, problems first (faults, then warnings), then by region, service point and id; and how many match. */
  page(query: KioskQuery = {}): { total: number; kiosks: KioskRow[] } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (query.region) {
      where.push('region = ?');
      args.push(query.region);
    }
    if (query.servicePoint) {
      where.push('service_point = ?');
      args.push(query.servicePoint);
    }
    const q = query.q?.trim().toLowerCase();
    if (q) {
      where.push('(instr(lower(kiosk_id), ?) > 0 OR instr(lower(region), ?) > 0 OR instr(lower(service_point), ?) > 0)');
      args.push(q, q, q);
    }
    if (query.problems) where.push('level > 0');
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM kiosks ${cond}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM kiosks ${cond} ORDER BY level DESC, region, service_point, kiosk_id LIMIT ? OFFSET ?`)
      .all(...args, query.limit ?? 50, query.offset ?? 0) as Record<string, unknown>[];
    return { total, kiosks: rows.map(kioskRow) };
  }

  /** What each kiosk's updater last reported (for rollouts), by kiosk id. */
  updates(): Map<string, KioskUpdateRow> {
    const rows = this.db.prepare('SELECT * FROM kiosk_updates').all() as Record<string, string | null>[];
    return new Map(
      rows.map((r) => [
        r['kiosk_id']!,
        { state: r['state']!, runningVersion: r['running_version']!, targetVersion: r['target_version'] ?? null, detail: r['detail']!, lastRollbackVersion: r['last_rollback_version'] ?? null, lastRollbackReason: r['last_rollback_reason'] ?? null, receivedAt: r['received_at']! },
      ]),
    );
  }

  latestSeq(): number {
    return this.seq;
  }

  samples(kioskId: string, limit = 200): Sample[] {
    const rows = this.db
      .prepare('SELECT at, overall, queued, oldest_pending_s, disk_free_ratio, paper FROM samples WHERE kiosk_id = ? ORDER BY at DESC LIMIT ?')
      .all(kioskId, limit) as Record<string, unknown>[];
    return rows.reverse().map((r) => ({
      at: r['at'] as string,
      overall: r['overall'] as string,
      queued: r['queued'] as number,
      oldestPendingSeconds: (r['oldest_pending_s'] as number | null) ?? null,
      diskFreeRatio: r['disk_free_ratio'] as number,
      paper: (r['paper'] as string | null) ?? null,
    }));
  }

  stateChanges(kioskId: string, limit = 50): { at: string; state: string; reason: string | null }[] {
    return (this.db.prepare('SELECT at, state, reason FROM state_changes WHERE kiosk_id = ? ORDER BY at DESC LIMIT ?').all(kioskId, limit) as { at: string; state: string; reason: string | null }[]);
  }

  recordCommand(c: KioskCommand): void {
    this.db
      .prepare('INSERT INTO commands (command_id, kiosk_id, kind, body, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.commandId, c.kioskId, c.command.kind, JSON.stringify(c.command), c.issuedAt, c.expiresAt);
  }

  /** An ack for a command this console sent; false when unknown (another console's, or forged). */
  recordAck(r: CommandResponse, at: string): boolean {
    const res = this.db
      .prepare('UPDATE commands SET outcome = ?, detail = ?, acked_at = ? WHERE command_id = ? AND kiosk_id = ? AND (outcome IS NULL OR outcome = ?)')
      .run(r.outcome, r.detail, at, r.commandId, r.kioskId, 'duplicate');
    return res.changes > 0;
  }

  commands(kioskId: string, limit = 50): CommandRow[] {
    return (this.db.prepare('SELECT * FROM commands WHERE kiosk_id = ? ORDER BY issued_at DESC LIMIT ?').all(kioskId, limit) as Record<string, unknown>[]).map(commandRow);
  }

  command(commandId: string): CommandRow | null {
    const r = this.db.prepare('SELECT * FROM commands WHERE command_id = ?').get(commandId) as Record<string, unknown> | undefined;
    return r ? commandRow(r) : null;
  }
}

function commandRow(r: Record<string, unknown>): CommandRow {
  return {
    commandId: r['command_id'] as string,
    kioskId: r['kiosk_id'] as string,
    kind: r['kind'] as string,
    issuedAt: r['issued_at'] as string,
    expiresAt: r['expires_at'] as string,
    outcome: (r['outcome'] as string | null) ?? null,
    detail: (r['detail'] as string | null) ?? null,
    ackedAt: (r['acked_at'] as string | null) ?? null,
  };
}

function kioskRow(r: Record<string, unknown>): KioskRow {
  return {
    kioskId: r['kiosk_id'] as string,
    region: r['region'] as string,
    servicePoint: r['service_point'] as string,
    version: r['version'] as string,
    state: r['state'] as string,
    reason: (r['reason'] as string | null) ?? null,
    since: r['since'] as string,
    lastSeen: r['last_seen'] as string,
    overall: r['overall'] as string,
    findings: JSON.parse(r['findings'] as string) as FleetTelemetry['findings'],
    queued: r['queued'] as number,
    oldestPendingSeconds: (r['oldest_pending_s'] as number | null) ?? null,
    diskFreeRatio: (r['disk_free_ratio'] as number | null) ?? null,
    clockSkewSeconds: (r['clock_skew_s'] as number | null) ?? null,
    seq: r['seq'] as number,
  };
}
