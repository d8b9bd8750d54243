import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './bridge';

const EVENT_CHANNEL = 'kiosk:event';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildBridge(
    // eslint-disable-next-line no-restricted-syntax -- buildBridge binds one fixed channel per contract method; the renderer never sees this function.
    (channel, input) => ipcRenderer.invoke(channel, input),
    (listener) => {
      const handler = (_e: IpcRendererEvent, message: unknown) => listener(message);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    },
  ),
);
