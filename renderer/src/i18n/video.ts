import type { DomainMessages } from './index';

/** 远程视频帮办: the button, consent, the call panel. */
const zh = {
  button: '视频帮办',
  buttonLabel: '视频帮办：与政务服务坐席视频通话',
  heading: '远程视频帮办',
  checking: '正在连接视频帮办服务…',
  consent: {
    lead: '将打开本机的摄像头和麦克风，与政务服务中心的坐席视频通话。摄像头和麦克风只在通话中使用，挂断后立即关闭，通话不录像。',
    share: '您可以让坐席看到您正在办理哪一步和已填写的表单（身份证号、手机号等已遮挡），以便指导您。',
    callShare: '同意，并共享办理步骤',
    callOnly: '只视频通话，不共享',
    cancel: '取消',
  },
  unavailable: {
    offline: '视频帮办暂时连接不上（网络不可用）。',
    noAgent: '现在没有坐席在线，暂时无法视频帮办。',
    unconfigured: '本终端未开通视频帮办。',
    failed: '视频通话没有接通：{{reason}}',
    hotline: '请拨打 12345 政务服务便民热线，或请大厅工作人员帮助。',
  },
  queued: '正在呼叫坐席，请稍候…您是第 {{position}} 位。',
  allBusy: '坐席都在通话中，请稍等；也可以拨打 12345 政务服务便民热线。',
  inCall: '正在与坐席 {{agent}} 视频通话',
  sharing: '坐席可以看到您的办理步骤（个人信息已遮挡）',
  notSharing: '未共享办理步骤',
  agentVideo: '坐席画面',
  selfVideo: '本人画面',
  hint: '坐席提示',
  hangup: '挂断',
  ended: '视频通话已结束。',
  endedBy: { agent: '坐席已挂断。', disconnected: '通话连接中断。' },
  close: '关闭',
  cameraDenied: '摄像头或麦克风不能使用',
};

const en: typeof zh = {
  button: 'Video help',
  buttonLabel: 'Video help: a video call with a government service agent',
  heading: 'Remote video help',
  checking: 'Connecting to video help…',
  consent: {
    lead: "This turns on the kiosk's camera and microphone for a video call with an agent of the government service centre. They are used only during the call and switched off when it ends; nothing is recorded.",
    share: 'You can let the agent see which step you are on and the form you have filled in (ID numbers, phone numbers and the like are masked), so they can guide you.',
    callShare: 'Agree and share my step',
    callOnly: 'Video call only, share nothing',
    cancel: 'Cancel',
  },
  unavailable: {
    offline: 'Video help cannot be reached right now (no network).',
    noAgent: 'No agent is available right now.',
    unconfigured: 'Video help is not set up on this kiosk.',
    failed: 'The video call did not connect: {{reason}}',
    hotline: 'Please call the 12345 government service hotline, or ask a member of staff in the hall.',
  },
  queued: 'Calling an agent, please wait… you are number {{position}}.',
  allBusy: 'All agents are on calls; please wait, or call the 12345 hotline.',
  inCall: 'In a video call with agent {{agent}}',
  sharing: 'The agent can see your step (personal details masked)',
  notSharing: 'Your step is not shared',
  agentVideo: 'Agent',
  selfVideo: 'You',
  hint: 'Hint from the agent',
  hangup: 'Hang up',
  ended: 'The video call has ended.',
  endedBy: { agent: 'The agent hung up.', disconnected: 'The call was cut off.' },
  close: 'Close',
  cameraDenied: 'The camera or microphone cannot be used',
};

export const videoMessages: DomainMessages<typeof zh> = { 'zh-CN': zh, en };
