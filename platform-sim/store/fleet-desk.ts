import { v7 as uuidv7 } from 'uuid';
import {
  commandSigningString,
  HeartbeatSchema,
  type FleetKiosk,
  type FleetProblem,
  type FleetReport,
  type Heartbeat,
  type KioskCommand,
  type KioskCommandBody,
} from '../../contract/platform';
import type { PlatformKey } from '../platform-key';
import type { Db } from './database';

const DEVICE_NAMES: Record<string, string> = { idcard: '身份证阅读器', printer: '凭条打印机', scanner: '扫码器', camera: '高拍仪/摄像头' };

export interface FleetDeskOptions {
  /** A kiosk without a heartbeat for this long is shown offline. */
  readonly offlineAfterMs: number;
  /** Oldest pending outbox item older than this is a stuck queue. */
  readonly queueStuckSeconds: number;
  /** The catalog version the platform serves now. */
  readonly catalogVersion: () => string;
}

const AUTH_FAILURE_MESSAGES: Record<string, string> = {
  'stale-timestamp': '终端时钟与平台相差超过 5 分钟，请求被拒绝：请校准终端时间（NTP）',
  'bad-signature': '终端请求签名无法验证（终端密钥可能已更换）：请重新登记终端密钥',
  'replayed-request': '收到重放的请求（网络设备可能重发了请求）：请检查网络',
};

/**
 * Heartbeats in, commands out, and the fleet view a technician reads:
 * every kiosk, its last heartbeat, and what is wrong in plain Chinese.
 */
export class FleetDesk {
  constructor(
    private readonly db: Db,
    private readonly key: PlatformKey,
    private readonly options: FleetDeskOptions,
  ) {}

  private receivedSincePrune = 0;

  /** Stores the heartbeat (idempotent by id), applies its acks, returns pending commands. */
  receive(kioskId: string, hb: Heartbeat, now: Date): KioskCommand[] {
    if (++this.receivedSincePrune >= 500) {
      this.receivedSincePrune = 0;
      // Heartbeats are state, not history: keep the last 200 per kiosk (enough for the audit-head check).
      this.db.prepare('DELETE FROM heartbeats WHERE rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER (PARTITION BY kiosk_id ORDER BY rowid DESC) AS n FROM heartbeats) WHERE n > 200)').run();
    }
    this.db.transaction(() => {
      const stored = this.db.prepare('INSERT OR IGNORE INTO heartbeats (heartbeat_id, kiosk_id, received_at, body) VALUES (?, ?, ?, ?)').run(hb.heartbeatId, kioskId, now.toISOString(), JSON.stringify(hb));
      if (stored.changes === 1) {
        this.db.prepare('INSERT INTO heartbeat_counts (kiosk_id, received) VALUES (?, 1) ON CONFLICT (kiosk_id) DO UPDATE SET received = received + 1').run(kioskId);
      }
      const ack = this.db.prepare('UPDATE commands SET acked_at = ?, ack_ok = ?, ack_detail = ? WHERE command_id = ? AND kiosk_id = ? AND acked_at IS NULL');
      for (const a of hb.acks) ack.run(a.at, a.ok ? 1 : 0, a.detail ?? null, a.commandId, kioskId);
    })();
    return this.pending(kioskId, now);
  }

  queue(kioskId: string, command: KioskCommandBody, ttlSeconds: number, now: Date): KioskCommand {
    const unsigned = {
      commandId: uuidv7({ msecs: now.getTime() }),
      kioskId,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
      command,
    };
    const signed: KioskCommand = { ...unsigned, signature: this.key.sign(commandSigningString(unsigned)) };
    this.db
      .prepare('INSERT INTO commands (command_id, kiosk_id, issued_at, expires_at, payload, signature) VALUES (?, ?, ?, ?, ?, ?)')
      .run(signed.commandId, kioskId, signed.issuedAt, signed.expiresAt, JSON.stringify(command), signed.signature);
    return signed;
  }

  noteAuthFailure(kioskId: string, code: string, message: string, now: Date): void {
    this.db
      .prepare('INSERT INTO auth_failures (kiosk_id, code, message, at) VALUES (?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at')
      .run(kioskId, code, message, now.toISOString());
  }

  pending(kioskId: string, now: Date): KioskCommand[] {
    const rows = this.db
      .prepare('SELECT * FROM commands WHERE kiosk_id = ? AND acked_at IS NULL AND expires_at > ? ORDER BY issued_at')
      .all(kioskId, now.toISOString()) as { command_id: string; kiosk_id: string; issued_at: string; expires_at: string; payload: string; signature: string }[];
    return rows.map((r) => ({
      commandId: r.command_id,
      kioskId: r.kiosk_id,
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      command: JSON.parse(r.payload) as KioskCommandBody,
      signature: r.signature,
    }));
  }

  report(now: Date): FleetReport {
    const kiosks = this.db.prepare('SELECT kiosk_id, service_point FROM kiosks ORDER BY kiosk_id').all() as { kiosk_id: string; service_point: string }[];
    const latest = this.db.prepare('SELECT received_at, body FROM heartbeats WHERE kiosk_id = ? ORDER BY rowid DESC LIMIT 1');
    const failed = this.db.prepare('SELECT payload, ack_detail FROM commands WHERE kiosk_id = ? AND ack_ok = 0 AND acked_at > ? ORDER BY acked_at DESC LIMIT 5');
    const pendingCount = this.db.prepare('SELECT COUNT(*) AS n FROM commands WHERE kiosk_id = ? AND acked_at IS NULL AND expires_at > ?');
    return {
      generatedAt: now.toISOString(),
      kiosks: kiosks.map((k): FleetKiosk => {
        const row = latest.get(k.kiosk_id) as { received_at: string; body: string } | undefined;
        const parsed = row ? HeartbeatSchema.safeParse(JSON.parse(row.body)) : null;
        const hb = parsed?.success ? parsed.data : null;
        const online = !!row && now.getTime() - Date.parse(row.received_at) <= this.options.offlineAfterMs;
        const problems = this.problems(row?.received_at ?? null, online, hb);
        const authFailure = this.db.prepare('SELECT code, at FROM auth_failures WHERE kiosk_id = ?').get(k.kiosk_id) as { code: string; at: string } | undefined;
        if (authFailure && (!row || authFailure.at > row.received_at)) {
          problems.unshift({ code: 'auth-failing', severity: 'critical', message: `${AUTH_FAILURE_MESSAGES[authFailure.code] ?? `请求被拒绝（${authFailure.code}）`}（最近一次 ${authFailure.at}）` });
        }
        const rewritten = this.auditRegression(k.kiosk_id);
        if (rewritten) problems.push({ code: 'audit-rewritten', severity: 'critical', message: rewritten });
        const since = new Date(now.getTime() - 86_400_000).toISOString();
        for (const f of failed.all(k.kiosk_id, since) as { payload: string; ack_detail: string | null }[]) {
          const kind = (JSON.parse(f.payload) as KioskCommandBody).kind;
          problems.push({ code: 'command-failed', severity: 'warning', message: `远程指令 ${kind} 执行失败：${f.ack_detail ?? '未说明原因'}` });
        }
        return {
          kioskId: k.kiosk_id,
          servicePoint: k.service_point,
          lastHeartbeatAt: row?.received_at ?? null,
          version: hb?.version ?? null,
          online,
          devices: hb?.devices ?? [],
          outbox: hb?.outbox ?? null,
          pendingCommands: (pendingCount.get(k.kiosk_id, now.toISOString()) as { n: number }).n,
          problems,
        };
      }),
    };
  }

  /**
   * The audit head only moves forward: a lower seq, or the same seq with
   * another hash, means the kiosk's chain was truncated or rewritten.
   */
  private auditRegression(kioskId: string): string | null {
    const bodies = this.db.prepare('SELECT body FROM heartbeats WHERE kiosk_id = ? ORDER BY rowid DESC LIMIT 50').pluck().all(kioskId) as string[];
    const heads = bodies
      .reverse()
      .map((b) => (JSON.parse(b) as Heartbeat).auditHead)
      .filter((h): h is NonNullable<Heartbeat['auditHead']> => h !== null);
    for (let i = 1; i < heads.length; i++) {
      const [before, after] = [heads[i - 1]!, heads[i]!];
      if (after.seq < before.seq || (after.seq === before.seq && after.hash !== before.hash)) {
        return `审计链头回退或被改写（序号 ${before.seq} → ${after.seq}）：请现场检查终端`;
      }
    }
    return null;
  }

  private problems(lastAt: string | null, online: boolean, hb: Heartbeat | null): FleetProblem[] {
    const out: FleetProblem[] = [];
    if (!lastAt) out.push({ code: 'no-heartbeat', severity: 'critical', message: '从未收到心跳：终端未开机、未联网或未完成注册' });
    else if (!online) out.push({ code: 'no-heartbeat', severity: 'critical', message: `超过 ${Math.round(this.options.offlineAfterMs / 60_000)} 分钟未收到心跳（最后一次 ${lastAt}）` });
    if (!hb) return out;
    for (const d of hb.devices) {
      const name = DEVICE_NAMES[d.kind] ?? d.kind;
      if (d.state === 'error' || d.power === 'offline' || d.power === 'off') {
        out.push({ code: 'device-error', severity: 'critical', message: `${name}故障或离线${d.errorCode ? `（${d.errorCode}）` : ''}` });
      }
      if (d.conditions['paper'] === 'end') out.push({ code: 'paper-end', severity: 'critical', message: `${name}缺纸，请更换纸卷` });
      else if (d.conditions['paper'] === 'near-end') out.push({ code: 'paper-near-end', severity: 'warning', message: `${name}纸将用完` });
      if (d.conditions['cover'] === 'open') out.push({ code: 'cover-open', severity: 'warning', message: `${name}盖板未关` });
    }
    if (hb.outbox.oldestPendingSeconds !== null && hb.outbox.oldestPendingSeconds > this.options.queueStuckSeconds) {
      out.push({ code: 'queue-stuck', severity: 'warning', message: `有 ${hb.outbox.queued} 件待上传，最早一件已等待 ${Math.round(hb.outbox.oldestPendingSeconds / 3600)} 小时` });
    }
    if (hb.catalogVersion !== this.options.catalogVersion()) {
      out.push({ code: 'catalog-stale', severity: 'warning', message: `事项目录版本 ${hb.catalogVersion} 与平台 ${this.options.catalogVersion()} 不一致：可下发“刷新目录”指令` });
    }
    if (hb.outbox.quarantined > 0) out.push({ code: 'quarantined', severity: 'warning', message: `有 ${hb.outbox.quarantined} 件被平台拒收，需技术人员处理` });
    const freeRatio = hb.disk.freeBytes / hb.disk.totalBytes;
    if (freeRatio < 0.02 || hb.disk.freeBytes < 256 * 1024 ** 2) out.push({ code: 'disk-low', severity: 'critical', message: '磁盘空间严重不足' });
    else if (freeRatio < 0.1) out.push({ code: 'disk-low', severity: 'warning', message: '磁盘空间不足 10%' });
    return out;
  }
}
