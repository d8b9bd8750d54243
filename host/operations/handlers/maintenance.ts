import { err, ok, type Diagnostics, type Result } from '../../../contract';
import type { KioskConfig } from '../../config';
import type { LogRing } from '../../log-ring';
import type { ConfigEditor } from '../config-editor';
import { buildBundle, bundleTarget, writeBundle } from '../diagnostics/bundle';
import type { AuditTrail } from '../maintenance/audit-trail';
import type { MaintenanceService } from '../maintenance';
import type { OutboxMaintenance } from '../outbox-maintenance';
import { runSelfTest, type SelfTestPort } from '../self-test';
import type { HandlerTable } from '../../api/dispatch';

export interface MaintenanceDeps {
  readonly config: KioskConfig;
  readonly maintenance: MaintenanceService;
  readonly collect: () => Promise<Diagnostics>;
  readonly selfTests: () => SelfTestPort | null;
  readonly outbox: () => OutboxMaintenance | null;
  readonly logs: LogRing;
  readonly audit: AuditTrail;
  readonly configEditor: ConfigEditor;
}

type MaintenanceMethod =
  | 'maintenance.status'
  | 'maintenance.login'
  | 'maintenance.logout'
  | 'maintenance.diagnostics'
  | 'maintenance.selfTest'
  | 'maintenance.outbox.requeue'
  | 'maintenance.outbox.sync'
  | 'maintenance.outbox.export'
  | 'maintenance.salvage.acknowledge'
  | 'maintenance.logs'
  | 'maintenance.audit.verify'
  | 'maintenance.config.get'
  | 'maintenance.config.set'
  | 'maintenance.bundle';

const NO_OUTBOX = '本机的待提交队列尚未启用';

/** The dispatcher has checked the token before any of these (except status/login) run. */
export function maintenanceHandlers(d: MaintenanceDeps): Pick<HandlerTable, MaintenanceMethod> {
  return {
    'maintenance.status': () => ok(d.maintenance.status()),
    'maintenance.login': ({ pin, via }) => d.maintenance.login(pin, via),
    'maintenance.logout': ({ token }) => ok({ left: d.maintenance.logout(token) }),
    'maintenance.diagnostics': async () => ok(await d.collect()),
    'maintenance.selfTest': async ({ device }) => {
      const result = await runSelfTest(d.selfTests(), device);
      d.audit.append('maintenance.self-test', { device, passed: result.passed, code: result.code });
      return ok(result);
    },
    'maintenance.outbox.requeue': ({ id }) => {
      const outbox = d.outbox();
      if (!outbox) return err('not-found', NO_OUTBOX);
      const requeued = outbox.requeue(id);
      d.audit.append('outbox.requeue', { id, requeued });
      if (!requeued) return err('not-found', '找不到这件被隔离的事项（可能已重新排队）');
      void outbox.syncNow().catch(() => undefined);
      return ok({ requeued });
    },
    'maintenance.outbox.sync': () => {
      const outbox = d.outbox();
      if (!outbox) return err('not-found', NO_OUTBOX);
      void outbox.syncNow().catch(() => undefined);
      return ok({ started: true });
    },
    'maintenance.outbox.export': ({ path: chosen }) => {
      const outbox = d.outbox();
      if (!outbox) return err('not-found', NO_OUTBOX);
      const target = bundleTarget(chosen, d.config.operations.exportRoots, d.config.kioskId, new Date(), '-quarantined.json');
      if (!target.ok) return target;
      const items = outbox.quarantined();
      const written = writeOnce(target.value, JSON.stringify({ kioskId: d.config.kioskId, exportedAt: new Date().toISOString(), items }, null, 2));
      if (!written.ok) return written;
      d.audit.append('outbox.export', { items: items.length });
      return ok({ path: target.value, items: items.length });
    },
    'maintenance.salvage.acknowledge': () => {
      const outbox = d.outbox();
      if (!outbox) return err('not-found', NO_OUTBOX);
      // The store audits it in the same transaction (one 'salvage-acknowledged' entry per report).
      return ok({ acknowledged: outbox.acknowledgeSalvage('maintenance') });
    },
    'maintenance.logs': ({ level, after, limit }) => ok({ entries: d.logs.tail({ level, after, limit }) }),
    'maintenance.audit.verify': () => {
      const v = d.audit.verify();
      return ok({
        available: true,
        intact: v.intact,
        length: v.length,
        head: v.head,
        brokenAt: v.brokenAt,
        message: v.intact ? `审计链完整：共 ${v.length} 条记录` : `审计链在第 ${v.brokenAt} 条处断开：记录可能被改动或删除`,
      });
    },
    'maintenance.config.get': () => ok({ fields: d.configEditor.fields() }),
    'maintenance.config.set': ({ key, value }) => {
      const r = d.configEditor.set(key, value, 'maintenance');
      return r.ok ? ok({ field: r.value }) : r;
    },
    'maintenance.bundle': async ({ path: chosen }) => {
      const target = bundleTarget(chosen, d.config.operations.exportRoots, d.config.kioskId, new Date());
      if (!target.ok) return target;
      const { bytes, files } = buildBundle({ config: d.config, diagnostics: await d.collect(), logs: d.logs.dump(), audit: d.audit.verify() });
      const written = writeOnce(target.value, bytes);
      if (!written.ok) return written;
      d.audit.append('maintenance.bundle', { bytes: bytes.length });
      return ok({ path: target.value, bytes: bytes.length, files });
    },
  };
}

/** O_EXCL write to removable media: an existing file is refused and kept as it is. */
function writeOnce(target: string, content: Uint8Array | string): Result<void> {
  try {
    writeBundle(target, content);
    return ok(undefined);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return err('invalid-input', `${target} 已存在，不会覆盖：请选择一个文件夹或新的文件名`, { detail: 'EEXIST' });
    return err('device-failure', '写入 U 盘失败：U 盘是否已满或写保护？', { detail: (e as Error).message });
  }
}
