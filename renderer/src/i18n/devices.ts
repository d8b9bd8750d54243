import type { DomainMessages } from './index';

interface DevicesText {
  identity: { badge: string; badgeLabel: string; photo: string; numberInvalid: string };
  card: { readFailed: string };
  dock: {
    open: string;
    close: string;
    title: string;
    idcard: {
      title: string;
      cards: string;
      insert: string;
      remove: string;
      inserted: string;
      faults: string;
      unplug: string;
      unavailable: string;
      done: string;
      fault: Record<string, string>;
    };
  };
}

const zh: DevicesText = {
  identity: {
    badge: '{{name}} {{id}}',
    badgeLabel: '已识别身份',
    photo: '证件照（本机未安装照片解码组件，显示占位图）',
    numberInvalid: '证件号码校验未通过，请工作人员核对证件。',
  },
  card: { readFailed: '读卡未成功：{{message}}' },
  dock: {
    open: '开发面板',
    close: '收起开发面板',
    title: '开发面板（仅演示模式）',
    idcard: {
      title: '身份证阅读器（模拟）',
      cards: '测试卡',
      insert: '放上：{{label}}',
      remove: '取走卡片',
      inserted: '当前卡片：{{id}}',
      faults: '制造故障',
      unplug: '拔出读卡器 3 秒',
      unavailable: '读卡器不是模拟器，无法在此操作。',
      done: '已执行：{{what}}',
      fault: {
        'checksum-error': '校验和错误',
        'sw3-41': '读卡失败（SW3 41）',
        'sw3-31': '卡认证 SAM 失败（31）',
        'sw3-32': 'SAM 认证卡失败（32）',
        'sw3-40': '无法识别的卡类型（40）',
        'truncated-frame': '回复被截断',
        'split-frames': '回复分段到达',
        'garbage-bytes': '线路杂讯',
        'slow-bytes': '逐字节慢速回复',
        'no-reply': '不回复',
      },
    },
  },
};

const en: DevicesText = {
  identity: {
    badge: '{{name}} {{id}}',
    badgeLabel: 'Identified',
    photo: 'ID photo (no photo decoder installed: placeholder)',
    numberInvalid: 'The ID number does not check out; staff should look at the card.',
  },
  card: { readFailed: 'The card could not be read. Lay it flat on the reader and keep it still; if it keeps failing, ask staff. ({{code}})' },
  dock: {
    open: 'Dev dock',
    close: 'Close the dev dock',
    title: 'Dev dock (demo mode only)',
    idcard: {
      title: 'ID-card reader (simulated)',
      cards: 'Test cards',
      insert: 'Place: {{label}}',
      remove: 'Lift the card',
      inserted: 'Card on the reader: {{id}}',
      faults: 'Faults',
      unplug: 'Unplug the reader for 3 s',
      unavailable: 'The reader is not simulated; nothing to do here.',
      done: 'Done: {{what}}',
      fault: {
        'checksum-error': 'Checksum error',
        'sw3-41': 'Card read failed (SW3 41)',
        'sw3-31': 'Card failed to authenticate SAM (31)',
        'sw3-32': 'SAM failed to authenticate card (32)',
        'sw3-40': 'Unknown card type (40)',
        'truncated-frame': 'Truncated reply',
        'split-frames': 'Reply split in pieces',
        'garbage-bytes': 'Line noise',
        'slow-bytes': 'Slow byte-by-byte reply',
        'no-reply': 'No reply',
      },
    },
  },
};

export const devicesMessages: DomainMessages<DevicesText> = { 'zh-CN': zh, en };
