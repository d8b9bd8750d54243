import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KioskCommandBody } from '../contract/platform';
import type { FleetStore, KioskRow, KioskUpdateRow } from './store';

/** A stage: every kiosk of a region (a group), or the fleet up to a percentage (cumulative: 10, then 50, then 100). */
export const RolloutStageSchema = z.union([z.object({ region: z.string().min(1).max(40) }).strict(), z.object({ percent: z.number().min(1).max(100) }).strict()]);
export type RolloutStage = z.infer<typeof RolloutStageSchema>;

export const NewRolloutSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.4.0'),
  stages: z.array(RolloutStageSchema).min(1).max(10),
  /** Stop when more than this share of a stage's kiosks roll back or fail their health check (0–1). */
  failureThreshold: z.number().min(0).max(1).default(0.2),
  /** Stop when a stage's kiosks have not all reported within this long. */
  stageTimeoutMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
});
export type NewRollout = z.input<typeof NewRolloutSchema>;

export interface StageView {
  readonly index: number;
  readonly label: { 'zh-CN': string; en: string };
  readonly targeted: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly pending: number;
  readonly startedAt: string | null;
}

export interface RolloutView {
  readonly id: number;
  readonly version: string;
  readonly state: 'running' | 'done' | 'stopped';
  /** Index of the stage under way (or where it stopped). */
  readonly stage: number;
  readonly failureThreshold: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Why it stopped (or finished), zh-CN first. */
  readonly reason: { 'zh-CN': string; en: string } | null;
  readonly stages: readonly StageView[];
  readonly failures: readonly { kioskId: string; detail: string }[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rollouts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, version TEXT NOT NULL, stages TEXT NOT NULL, threshold REAL NOT NULL, stage_timeout_ms INTEGER NOT NULL,
  state TEXT NOT NULL, stage INTEGER NOT NULL, stage_started_at TEXT, reason_zh TEXT, reason_en TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rollout_targets (
  rollout_id INTEGER NOT NULL, kiosk_id TEXT NOT NULL, stage INTEGER NOT NULL, command_id TEXT, sent_at TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT 'pending', detail TEXT, PRIMARY KEY (rollout_id, kiosk_id));
`;

interface RolloutRow {
  id: number;
  version: string;
  stages: string;
  threshold: number;
  stage_timeout_ms: number;
  state: 'running' | 'done' | 'stopped';
  stage: number;
  stage_started_at: string | null;
  reason_zh: string | null;
  reason_en: string | null;
  created_at: string;
  updated_at: string;
}

interface TargetRow {
  kiosk_id: string;
  stage: number;
  command_id: string | null;
  sent_at: string;
  outcome: 'pending' | 'succeeded' | 'failed';
  detail: string | null;
}

export function stageLabel(s: RolloutStage): { 'zh-CN': string; en: string } {
  return 'region' in s ? { 'zh-CN': `地区：${s.region}`, en: `region ${s.region}` } : { 'zh-CN': `全省 ${s.percent}%`, en: `${s.percent}% of the fleet` };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** What one kiosk's reports say about `version` since `sentAt`. Pure. */
export function targetOutcome(version: string, sentAt: string, u: KioskUpdateRow | undefined, ack: { outcome: string | null; detail: string | null } | null): { outcome: TargetRow['outcome']; detail: string | null } {
  if (ack && (ack.outcome === 'refused' || ack.outcome === 'failed')) return { outcome: 'failed', detail: `command ${ack.outcome}: ${ack.detail ?? ''}` };
  if (!u || u.receivedAt < sentAt) return { outcome: 'pending', detail: null };
  if (u.runningVersion === version && (u.state === 'committed' || u.state === 'up-to-date')) return { outcome: 'succeeded', detail: null };
  if (u.state === 'rolled-back' && u.lastRollbackVersion === version) return { outcome: 'failed', detail: u.lastRollbackReason ?? u.detail };
  if ((u.state === 'failed' || u.state === 'refused') && u.targetVersion === version) return { outcome: 'failed', detail: u.detail };
  return { outcome: 'pending', detail: null };
}

/**
 * Staged rollouts: the console sends `check-update` with the rollout's
 * version to one stage's kiosks at a time, watches their updaters' reports
 * (telemetry), moves on only when every kiosk of the stage has reported and
 * the failure rate (rolled back, failed health check, refused) is at most the
 * threshold, and stops by itself — saying why, zh-CN first — as soon as it
 * is above it, or when a stage does not report in time.
 */
export class RolloutController {
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly now: () => Date;

  constructor(
    private readonly o: {
      readonly store: FleetStore;
      /** Signs and publishes one command (ConsoleBroker.send). */
      readonly send: (kioskId: string, command: KioskCommandBody, ttlSeconds: number) => Promise<{ commandId: string }>;
      readonly now?: () => Date;
    },
  ) {
    this.now = o.now ?? (() => new Date());
    o.store.db.exec(SCHEMA);
  }

  start(intervalMs = 2000): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Starts a rollout and sends its first stage. */
  async create(input: NewRollout): Promise<RolloutView> {
    const r = NewRolloutSchema.parse(input);
    const at = this.now().toISOString();
    const running = this.o.store.db.prepare("SELECT id FROM rollouts WHERE state = 'running'").get() as { id: number } | undefined;
    if (running) throw new RolloutError(`rollout ${running.id} is still running; stop it first`, `发布 ${running.id} 仍在进行中，请先停止`);
    const info = this.o.store.db
      .prepare("INSERT INTO rollouts (version, stages, threshold, stage_timeout_ms, state, stage, created_at, updated_at) VALUES (?, ?, ?, ?, 'running', 0, ?, ?)")
      .run(r.version, JSON.stringify(r.stages), r.failureThreshold, r.stageTimeoutMinutes * 60_000, at, at);
    const id = Number(info.lastInsertRowid);
    await this.startStage(this.row(id)!, 0);
    return this.view(id)!;
  }

  /** An operator's stop. */
  halt(id: number): RolloutView | null {
    const row = this.row(id);
    if (!row) return null;
    if (row.state === 'running') this.finish(row, 'stopped', { 'zh-CN': '操作员已停止本次发布', en: 'Stopped by an operator' });
    return this.view(id);
  }

  list(): RolloutView[] {
    return (this.o.store.db.prepare('SELECT id FROM rollouts ORDER BY id DESC LIMIT 20').all() as { id: number }[]).map((r) => this.view(r.id)!);
  }

  /** Looks at every running rollout: records outcomes, stops or moves on. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      this.o.store.flush();
      const running = this.o.store.db.prepare("SELECT * FROM rollouts WHERE state = 'running'").all() as RolloutRow[];
      for (const row of running) await this.evaluate(row);
      // A rollout that stopped at its first failures still hears from the kiosks it had asked: what they report
      // afterwards (a second rollback, a late success) is recorded, so the operator sees every kiosk that rolled back.
      const settling = this.o.store.db
        .prepare("SELECT * FROM rollouts WHERE state = 'stopped' AND id IN (SELECT rollout_id FROM rollout_targets WHERE outcome = 'pending') ORDER BY id DESC LIMIT 20")
        .all() as RolloutRow[];
      for (const row of settling) this.recordOutcomes(row, this.targets(row.id));
    } finally {
      this.ticking = false;
    }
  }

  /** Records what the asked kiosks among `targets` have reported since (their rows are updated in place). */
  private recordOutcomes(row: RolloutRow, targets: TargetRow[]): void {
    const updates = this.o.store.updates();
    const setOutcome = this.o.store.db.prepare('UPDATE rollout_targets SET outcome = ?, detail = ? WHERE rollout_id = ? AND kiosk_id = ?');
    for (const t of targets.filter((x) => x.outcome === 'pending')) {
      const ack = t.command_id ? this.o.store.command(t.command_id) : null;
      const o = targetOutcome(row.version, t.sent_at, updates.get(t.kiosk_id), ack);
      if (o.outcome !== 'pending') {
        setOutcome.run(o.outcome, o.detail?.slice(0, 500) ?? null, row.id, t.kiosk_id);
        t.outcome = o.outcome;
        t.detail = o.detail;
      }
    }
  }

  private async evaluate(row: RolloutRow): Promise<void> {
    const targets = this.targets(row.id).filter((t) => t.stage === row.stage);
    this.recordOutcomes(row, targets);
    const size = targets.length;
    const failed = targets.filter((t) => t.outcome === 'failed').length;
    const pending = targets.filter((t) => t.outcome === 'pending').length;
    const stages = JSON.parse(row.stages) as RolloutStage[];
    const label = stageLabel(stages[row.stage]!);
    if (size > 0 && failed / size > row.threshold) {
      return this.finish(row, 'stopped', {
        'zh-CN': `第 ${row.stage + 1} 阶段（${label['zh-CN']}）${size} 台中有 ${failed} 台回退或未通过健康检查（${pct(failed / size)}，超过阈值 ${pct(row.threshold)}），发布已自动停止，其余终端不再收到版本 ${row.version}。`,
        en: `Stage ${row.stage + 1} (${label.en}): ${failed} of ${size} kiosks rolled back or failed their health check (${pct(failed / size)}, above the ${pct(row.threshold)} threshold); the rollout stopped by itself and no further kiosk gets version ${row.version}.`,
      });
    }
    if (pending > 0) {
      if (row.stage_started_at && this.now().getTime() - Date.parse(row.stage_started_at) > row.stage_timeout_ms) {
        const min = Math.round(row.stage_timeout_ms / 60_000);
        return this.finish(row, 'stopped', {
          'zh-CN': `第 ${row.stage + 1} 阶段（${label['zh-CN']}）有 ${pending} 台终端在 ${min} 分钟内未报告更新结果，发布已自动停止。`,
          en: `Stage ${row.stage + 1} (${label.en}): ${pending} kiosks did not report an update result within ${min} minutes; the rollout stopped by itself.`,
        });
      }
      return;
    }
    if (row.stage + 1 >= stages.length) {
      return this.finish(row, 'done', { 'zh-CN': `全部 ${stages.length} 个阶段完成，版本 ${row.version} 已发布`, en: `All ${stages.length} stages done; version ${row.version} is out` });
    }
    await this.startStage(row, row.stage + 1);
  }

  private async startStage(row: RolloutRow, stage: number): Promise<void> {
    const stages = JSON.parse(row.stages) as RolloutStage[];
    const s = stages[stage]!;
    const at = this.now().toISOString();
    this.o.store.db.prepare('UPDATE rollouts SET stage = ?, stage_started_at = ?, updated_at = ? WHERE id = ?').run(stage, at, at, row.id);
    const already = new Set(this.targets(row.id).map((t) => t.kiosk_id));
    const fleet = this.o.store.kiosks();
    let chosen: KioskRow[];
    if ('region' in s) chosen = fleet.filter((k) => k.region === s.region);
    else {
      // A stable, spread order per rollout: the same kiosks are not always first.
      const ordered = [...fleet].sort((a, b) => hash(row.id, a.kioskId).localeCompare(hash(row.id, b.kioskId)));
      chosen = ordered.slice(0, Math.ceil((fleet.length * s.percent) / 100));
    }
    const fresh = chosen.filter((k) => !already.has(k.kioskId) && k.version !== row.version);
    const insert = this.o.store.db.prepare('INSERT INTO rollout_targets (rollout_id, kiosk_id, stage, command_id, sent_at) VALUES (?, ?, ?, ?, ?)');
    for (const k of fresh) {
      insert.run(row.id, k.kioskId, stage, null, at);
      const sent = await this.o.send(k.kioskId, { kind: 'check-update', version: row.version }, Math.round(row.stage_timeout_ms / 1000));
      this.o.store.db.prepare('UPDATE rollout_targets SET command_id = ? WHERE rollout_id = ? AND kiosk_id = ?').run(sent.commandId, row.id, k.kioskId);
    }
  }

  private finish(row: RolloutRow, state: 'done' | 'stopped', reason: { 'zh-CN': string; en: string }): void {
    this.o.store.db.prepare('UPDATE rollouts SET state = ?, reason_zh = ?, reason_en = ?, updated_at = ? WHERE id = ?').run(state, reason['zh-CN'], reason.en, this.now().toISOString(), row.id);
  }

  private row(id: number): RolloutRow | undefined {
    return this.o.store.db.prepare('SELECT * FROM rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
  }

  private targets(id: number): TargetRow[] {
    return this.o.store.db.prepare('SELECT kiosk_id, stage, command_id, sent_at, outcome, detail FROM rollout_targets WHERE rollout_id = ? ORDER BY kiosk_id').all(id) as TargetRow[];
  }

  view(id: number): RolloutView | null {
    const row = this.row(id);
    if (!row) return null;
    const stages = JSON.parse(row.stages) as RolloutStage[];
    const targets = this.targets(id);
    return {
      id: row.id,
      version: row.version,
      state: row.state,
      stage: row.stage,
      failureThreshold: row.threshold,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      reason: row.reason_zh && row.reason_en ? { 'zh-CN': row.reason_zh, en: row.reason_en } : null,
      stages: stages.map((s, index) => {
        const ts = targets.filter((t) => t.stage === index);
        return {
          index,
          label: stageLabel(s),
          targeted: ts.length,
          succeeded: ts.filter((t) => t.outcome === 'succeeded').length,
          failed: ts.filter((t) => t.outcome === 'failed').length,
          pending: ts.filter((t) => t.outcome === 'pending').length,
          startedAt: index < row.stage || (index === row.stage && row.stage_started_at) ? (ts[0]?.sent_at ?? row.stage_started_at) : null,
        };
      }),
      failures: targets.filter((t) => t.outcome === 'failed').map((t) => ({ kioskId: t.kiosk_id, detail: t.detail ?? '' })),
    };
  }
}

export class RolloutError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

function hash(id: number, kioskId: string): string {
  return createHash('sha256').update(`${id}:${kioskId}`).digest('hex');
}
