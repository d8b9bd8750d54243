import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createKioskClient } from './api/client';
import { createElectronTransport, type KioskBridge } from './api/electron-transport';
import type { Transport } from './api/transport';
import { createWebTransport, takeBootToken } from './api/web-transport';
import { App } from './app/App';
import { KioskProvider } from './app/kiosk-context';
import { initI18n } from './i18n';

/** Composition root of the renderer: the one place that knows which shell it runs in. */
function chooseTransport(): Transport | null {
  const bridge = (window as unknown as { kiosk?: KioskBridge }).kiosk;
  if (bridge) return createElectronTransport(bridge);
  const token = takeBootToken(window.location, window.sessionStorage, window.history);
  return token ? createWebTransport(window.location.origin, token) : null;
}

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  const transport = chooseTransport();
  if (!transport) {
    root.render(<p className="fatal">请从终端启动程序打开本页面（缺少会话令牌）。Open this page from the kiosk launcher (session token missing).</p>);
    return;
  }
  const client = createKioskClient(transport);
  let info = await client.api['system.info']({});
  while (!info.ok) {
    await new Promise((r) => setTimeout(r, 1000));
    info = await client.api['system.info']({});
  }
  initI18n(info.value.locale);
  root.render(
    <StrictMode>
      <KioskProvider client={client} info={info.value}>
        <App />
      </KioskProvider>
    </StrictMode>,
  );
}

void boot();
