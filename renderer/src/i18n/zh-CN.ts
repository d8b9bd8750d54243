/** 简体中文 is the kiosk's first language; every key here must exist in en.ts too (checked by type). */
export const zhCN = {
  app: {
    title: '山西政务服务 · 一件事自助终端',
    skip: '跳到主要内容',
  },
  nav: {
    label: '常用操作',
    back: '返回',
    home: '回到首页',
    help: '求助',
    elderlyOn: '长辈模式',
    elderlyOff: '标准模式',
    language: 'English',
  },
  connectivity: {
    online: '网络正常',
    offline: '网络暂时不可用，您的申请会安全保存在本机，恢复后自动提交',
    hostDown: '终端服务正在重新连接，请稍候',
  },
  attract: {
    heading: '一件事，一次办',
    lead: '出生、上学、就业、退休、企业开办……在这里一次申请，相关部门一起办理。',
    start: '点击开始办事',
    cardHint: '也可以直接把身份证放在下方感应区',
    hotline: '有问题请拨打 12345 政务服务便民热线',
  },
  home: {
    heading: '您好，请选择要办的事',
    greeting: '{{name}}，您好',
    identified: '已识别身份：{{name}}（{{id}}）',
    notIdentified: '请将身份证放在感应区，系统会自动填写您的信息',
    expired: '您的证件已过有效期，部分事项可能无法办理',
  },
  help: {
    heading: '需要帮助？',
    hotline: '拨打 12345 政务服务便民热线',
    hotlineNumber: '12345',
    staff: '也可以请大厅工作人员或村（社区）代办员帮您办理',
  },
  common: {
    loading: '正在加载，请稍候',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
