import type { DeviceStatus, SelfTestDevice, SelfTestResult } from '../../contract';

/** What a self-test needs from the device layer: the drivers' DeviceManager adapts to this. */
export interface SelfTestPort {
  devices(): readonly DeviceStatus[];
  /** External health check: find a card, print a test slip, read a test scan. */
  checkExternal(id: string): Promise<{ readonly healthy: boolean; readonly detail: string; readonly code: string | null }>;
  /** The virtual printer's last receipt as a PNG data URL, when the printer is simulated. */
  lastReceiptImage?(): Promise<string | null>;
}

/** The device layer as self-tests see it: the DeviceManager and, when simulated, the virtual printer. */
export interface DeviceLayer {
  list(): readonly DeviceStatus[];
  get(id: string): { checkHealth(level: 'external'): Promise<{ ok: true; value: { healthy: boolean; detail: string } } | { ok: false; error: { code: string; extended?: string | undefined; message: string } }> } | undefined;
}
export interface VirtualPaper {
  lastDocument(): unknown;
  renderPng(doc: never): Promise<Buffer>;
}

export function selfTestPortFrom(devices: DeviceLayer, virtualPrinter: VirtualPaper | null): SelfTestPort {
  return {
    devices: () => devices.list(),
    async checkExternal(id) {
      const device = devices.get(id);
      if (!device) return { healthy: false, detail: '设备不存在', code: 'NO-DEVICE' };
      const r = await device.checkHealth('external');
      if (r.ok) return { healthy: r.value.healthy, detail: r.value.detail, code: r.value.healthy ? null : r.value.detail.toUpperCase().replace(/\s+/g, '-').slice(0, 40) };
      return { healthy: false, detail: r.error.message, code: r.error.extended ?? r.error.code };
    },
    async lastReceiptImage() {
      const doc = virtualPrinter?.lastDocument();
      if (!virtualPrinter || !doc) return null;
      return `data:image/png;base64,${(await virtualPrinter.renderPng(doc as never)).toString('base64')}`;
    },
  };
}

const WHAT: Record<SelfTestDevice, { run: string; passed: string }> = {
  idcard: { run: '读卡测试', passed: '读卡器正常：已找到并读取测试卡' },
  printer: { run: '打印测试页', passed: '打印机正常：测试页已打印，请查看出纸口' },
  scanner: { run: '扫码测试', passed: '扫码器正常' },
  camera: { run: '摄像头测试', passed: '请在屏幕上查看实时画面' },
};

/** Runs one device's external check and says the result in plain words. */
export async function runSelfTest(port: SelfTestPort | null, device: SelfTestDevice): Promise<SelfTestResult> {
  const base = { device, receiptImage: null } as const;
  if (device === 'camera') {
    // The live preview runs in the UI (getUserMedia); the host has nothing to probe.
    return { ...base, passed: true, message: WHAT.camera.passed, code: null };
  }
  const status = port?.devices().find((d) => d.kind === device && d.source !== 'none');
  if (!port || !status) {
    return { ...base, passed: false, message: `${WHAT[device].run}失败：本机没有配置该设备`, code: `${device.toUpperCase()}-NOT-CONFIGURED` };
  }
  const r = await port.checkExternal(status.id);
  const receiptImage = device === 'printer' && status.source === 'sim' ? ((await port.lastReceiptImage?.()) ?? null) : null;
  return {
    device,
    passed: r.healthy,
    message: r.healthy ? WHAT[device].passed : `${WHAT[device].run}失败：${r.detail}`,
    code: r.healthy ? null : r.code,
    receiptImage,
  };
}
