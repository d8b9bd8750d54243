import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './bridge';

const EVENT_CHANNEL = 'kiosk:event';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (listener) => {
      const handler = (_e: IpcRendererEvent, message: unknown) => listener(message);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    },
  ),
);
