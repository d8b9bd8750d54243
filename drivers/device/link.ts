import type { DeviceResult } from './result';

/** What a driver needs from a byte transport; `SerialLink` is one, an in-process simulator another. */
export interface ByteLink {
  write(bytes: Uint8Array): Promise<DeviceResult<void>>;
  setBaud(baudRate: number): Promise<DeviceResult<void>>;
  close(): Promise<void>;
}

export interface ByteLinkHandlers {
  readonly onBytes: (chunk: Uint8Array) => void;
  /** The transport went away underneath the driver (unplug, pty closed, I/O error). */
  readonly onLost: (reason: string) => void;
}

/** Opens a fresh link each time the device connects or reconnects. */
export type LinkOpener = (handlers: ByteLinkHandlers) => Promise<DeviceResult<ByteLink>>;
