// The agent console (远程视频帮办 坐席工作台): sign in, see the queue of waiting
// kiosks, answer, see the resident's step and masked form (when they agreed),
// send a hint to the kiosk screen, hang up. zh-CN first, English complete.
// WebRTC: the kiosk makes the offer; ICE servers and policy come from the desk per call.

const T = {
  'zh-CN': {
    title: '远程视频帮办 · 坐席工作台',
    lang: 'English',
    login: '坐席登录',
    agentId: '工号',
    password: '密码',
    signIn: '登录',
    queue: '等待接听',
    empty: '目前没有等待的终端',
    answer: '接听',
    answerLabel: (k) => `接听终端 ${k}`,
    waitingLine: (w) => `终端 ${w.kioskId} · ${w.servicePoint} · 等待自 ${new Date(w.since).toLocaleTimeString('zh-CN')}${w.share ? ' · 同意共享步骤' : ''}`,
    call: (peer) => `通话中：终端 ${peer}`,
    remote: '居民画面',
    local: '本人画面',
    view: '居民当前步骤',
    noShare: '居民未同意共享屏幕信息',
    waitingView: '等待终端发送当前步骤…',
    hint: '发送提示（显示在终端屏幕上）',
    send: '发送提示',
    hangup: '挂断',
    signedIn: (n) => `已登录：${n}`,
    disconnected: '与视频服务断开，正在重新连接…',
    ended: (r) => `通话已结束（${REASONS['zh-CN'][r] ?? r}）`,
    hintSent: '提示已发送',
    error: (m) => `出错：${m}`,
  },
  en: {
    title: 'Remote video help · agent console',
    lang: '中文',
    login: 'Agent sign-in',
    agentId: 'Agent ID',
    password: 'Password',
    signIn: 'Sign in',
    queue: 'Waiting',
    empty: 'No kiosk is waiting',
    answer: 'Answer',
    answerLabel: (k) => `Answer kiosk ${k}`,
    waitingLine: (w) => `Kiosk ${w.kioskId} · ${w.servicePoint} · waiting since ${new Date(w.since).toLocaleTimeString('en-GB')}${w.share ? ' · shares the step' : ''}`,
    call: (peer) => `In a call: kiosk ${peer}`,
    remote: 'Resident',
    local: 'You',
    view: "The resident's current step",
    noShare: 'The resident did not agree to share the screen',
    waitingView: 'Waiting for the kiosk to send its step…',
    hint: 'Send a hint (shown on the kiosk screen)',
    send: 'Send hint',
    hangup: 'Hang up',
    signedIn: (n) => `Signed in: ${n}`,
    disconnected: 'Lost the video service, reconnecting…',
    ended: (r) => `The call ended (${REASONS.en[r] ?? r})`,
    hintSent: 'Hint sent',
    error: (m) => `Error: ${m}`,
  },
};
const REASONS = {
  'zh-CN': { resident: '居民挂断', agent: '坐席挂断', 'privacy-wipe': '终端超时清屏', disconnected: '连接中断', error: '出错' },
  en: { resident: 'the resident hung up', agent: 'you hung up', 'privacy-wipe': 'the kiosk wiped its screen after idle time', disconnected: 'connection lost', error: 'error' },
};

let lang = 'zh-CN';
let token = sessionStorage.getItem('agent.token');
let agentName = sessionStorage.getItem('agent.name') ?? '';
let ws = null;
let inbox = Promise.resolve(); // the desk's messages, handled in order
let call = null; // { callId, peer, share, pc, channel, stream }
let waiting = [];
let statusText = '';
const $ = (id) => document.getElementById(id);
const t = () => T[lang];

function setStatus(text) {
  statusText = text;
  $('status').textContent = text;
}

function render() {
  document.documentElement.lang = lang;
  document.title = t().title;
  $('title').textContent = t().title;
  $('lang').textContent = t().lang;
  $('lang').lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  $('login-h').textContent = t().login;
  $('agent-id-label').textContent = t().agentId;
  $('agent-password-label').textContent = t().password;
  $('login-button').textContent = t().signIn;
  $('queue-h').textContent = t().queue;
  $('queue-empty').textContent = t().empty;
  $('view-h').textContent = t().view;
  $('view-none').textContent = call && !call.share ? t().noShare : t().waitingView;
  $('hint-label').textContent = t().hint;
  $('hint-send').textContent = t().send;
  $('hangup').textContent = t().hangup;
  $('remote-video').setAttribute('aria-label', t().remote);
  $('local-video').setAttribute('aria-label', t().local);
  $('login').hidden = Boolean(token);
  $('queue').hidden = !token;
  $('call').hidden = !call;
  if (call) $('call-h').textContent = t().call(call.peer);
  $('queue-empty').hidden = waiting.length > 0;
  const list = $('queue-list');
  list.replaceChildren(
    ...waiting.map((w) => {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = t().waitingLine(w);
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t().answer;
      b.setAttribute('aria-label', t().answerLabel(w.kioskId));
      b.dataset.testid = 'answer';
      b.disabled = Boolean(call);
      b.addEventListener('click', () => send({ type: 'answer', callId: w.callId }));
      li.append(text, b);
      return li;
    }),
  );
}

function send(m) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
}

function connect() {
  if (!token) return;
  const url = new URL('/ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  ws = new WebSocket(url);
  ws.addEventListener('open', () => send({ type: 'hello', role: 'agent', credential: token }));
  // One message after another: the offer must not arrive while the call is still being set up, nor a candidate
  // overtake the description before it (a dropped candidate is a call without media on a busy machine).
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    inbox = inbox.then(() => onDesk(m)).catch((x) => setStatus(t().error(String(x && x.message ? x.message : x))));
  });
  ws.addEventListener('close', (e) => {
    endCall(null);
    if (e.code === 4401) {
      token = null;
      sessionStorage.removeItem('agent.token');
      render();
      return;
    }
    setStatus(t().disconnected);
    setTimeout(connect, 2000);
  });
}

async function onDesk(m) {
  switch (m.type) {
    case 'welcome':
      setStatus(t().signedIn(agentName || m.name));
      break;
    case 'queue':
      waiting = m.waiting;
      render();
      break;
    case 'connected':
      await startCall(m);
      break;
    case 'signal':
      if (!call || call.callId !== m.callId) return;
      if (m.description) {
        await call.pc.setRemoteDescription(m.description);
        if (m.description.type === 'offer') {
          await call.pc.setLocalDescription(await call.pc.createAnswer());
          send({ type: 'signal', callId: call.callId, description: { type: 'answer', sdp: call.pc.localDescription.sdp } });
        }
      }
      if (m.candidate) await call.pc.addIceCandidate(m.candidate).catch(() => undefined);
      break;
    case 'ended':
      if (call && call.callId === m.callId) {
        endCall(null);
        setStatus(t().ended(m.reason));
      }
      break;
    case 'error':
      setStatus(t().error(m.message));
      break;
  }
}

async function startCall(m) {
  const pc = new RTCPeerConnection({ iceServers: m.ice.iceServers, iceTransportPolicy: m.ice.iceTransportPolicy });
  call = { callId: m.callId, peer: m.peer, share: m.share, pc, channel: null, stream: null };
  window.__videoCall = pc;
  clearView();
  render();
  $('call-h').focus();
  pc.addEventListener('icecandidate', (e) => send({ type: 'signal', callId: m.callId, candidate: e.candidate ? e.candidate.toJSON() : null }));
  pc.addEventListener('track', (e) => {
    $('remote-video').srcObject = e.streams[0] ?? new MediaStream([e.track]);
  });
  pc.addEventListener('datachannel', (e) => {
    call.channel = e.channel;
    e.channel.addEventListener('message', (ev) => {
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (msg && msg.type === 'view' && msg.view) showView(msg.view);
    });
  });
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  call.stream = stream;
  $('local-video').srcObject = stream;
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
}

function clearView() {
  $('view-none').hidden = false;
  $('view-screen').textContent = '';
  $('view-step').textContent = '';
  $('view-fields').replaceChildren();
}

function showView(view) {
  $('view-none').hidden = true;
  $('view-screen').textContent = view.screen;
  $('view-step').textContent = view.step;
  $('view-fields').replaceChildren(
    ...view.fields.flatMap((f) => {
      const dt = document.createElement('dt');
      dt.textContent = f.label;
      const dd = document.createElement('dd');
      dd.textContent = f.value;
      return [dt, dd];
    }),
  );
}

function endCall(reason) {
  if (!call) return;
  if (reason) send({ type: 'hangup', callId: call.callId, reason });
  for (const track of call.stream?.getTracks() ?? []) track.stop();
  call.pc.close();
  $('remote-video').srcObject = null;
  $('local-video').srcObject = null;
  call = null;
  window.__videoCall = null;
  render();
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  render();
  if (statusText) setStatus(token ? t().signedIn(agentName) : '');
});
$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  const res = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: $('agent-id').value, password: $('agent-password').value }) });
  const body = await res.json();
  if (!res.ok) {
    $('login-error').textContent = body.error;
    return;
  }
  token = body.token;
  agentName = body.name;
  sessionStorage.setItem('agent.token', token);
  sessionStorage.setItem('agent.name', agentName);
  $('agent-password').value = '';
  render();
  connect();
});
$('hint-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('hint-text').value.trim();
  if (!text || !call?.channel || call.channel.readyState !== 'open') return;
  call.channel.send(JSON.stringify({ type: 'hint', text }));
  $('hint-text').value = '';
  setStatus(t().hintSent);
});
$('hangup').addEventListener('click', () => {
  endCall('agent');
  setStatus(t().ended('agent'));
});

render();
connect();
