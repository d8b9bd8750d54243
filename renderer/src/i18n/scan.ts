import type { DomainMessages } from './index';

/** Barcode scanning: camera, scanners, the scan test screen. */
const zh = {
  camera: {
    hint: '请把回执上的条形码或二维码对准摄像头',
    starting: '正在打开摄像头…',
    denied: '摄像头未获准使用，请联系工作人员',
    unavailable: '摄像头暂时不能使用，请使用扫码器或联系工作人员',
  },
  test: {
    heading: '扫码测试',
    lead: '用摄像头、扫码器或键盘扫码枪扫描回执，读到的编号会显示在下面。',
    last: '刚刚读到',
    none: '还没有读到',
    source: { serial: '串口扫码器', hid: 'USB 扫码器', keyboard: '键盘扫码枪', camera: '摄像头' },
    showReceipt: '显示一张屏幕回执',
  },
  dock: { title: '扫码器（模拟）', code: '条码内容', scan: '扫码', test: '打开扫码测试', sent: '已扫：{{text}}' },
};

const en: typeof zh = {
  camera: {
    hint: 'Hold the barcode or QR code on your receipt up to the camera',
    starting: 'Starting the camera…',
    denied: 'The camera is not allowed here; please ask a member of staff',
    unavailable: 'The camera is not available; please use the scanner or ask a member of staff',
  },
  test: {
    heading: 'Scan test',
    lead: 'Scan a receipt with the camera, the scanner or a keyboard scanner; the number read shows below.',
    last: 'Just read',
    none: 'Nothing read yet',
    source: { serial: 'serial scanner', hid: 'USB scanner', keyboard: 'keyboard scanner', camera: 'camera' },
    showReceipt: 'Show an on-screen receipt',
  },
  dock: { title: 'Scanner (simulated)', code: 'Code text', scan: 'Scan', test: 'Open the scan test', sent: 'Scanned: {{text}}' },
};

export const scanMessages: DomainMessages<typeof zh> = { 'zh-CN': zh, en };
