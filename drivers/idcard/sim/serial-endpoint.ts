import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { Pacer } from './pacer';
import type { IdCardSimulator } from './simulator';

/**
 * Puts a simulator on a serial port (the far end of a socat pty pair), pacing
 * its replies at the simulator's baud. When the port vanishes it waits for it
 * to come back and re-attaches, like a reader that is unplugged and replugged.
 */
export class SerialEndpoint {
  private port: SerialPort | null = null;
  private stopped = false;
  private readonly pacer: Pacer;
  private commandEndsAt = 0;
  private watcher: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: string,
    private readonly simulator: IdCardSimulator,
    private readonly options: { pace?: boolean } = {},
  ) {
    this.pacer = new Pacer(
      (bytes) => this.port?.write(Buffer.from(bytes)),
      () => ((this.options.pace ?? true) ? this.simulator.baud : null),
    );
    simulator.setTransmit((t) => {
      // The reply cannot start before the command has crossed the wire.
      this.pacer.send(t, this.commandEndsAt);
    });
  }

  async start(): Promise<void> {
    await this.attach();
  }

  get attached(): boolean {
    return this.port?.isOpen ?? false;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watcher) clearInterval(this.watcher);
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
  }

  private attach(): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.path, baudRate: this.simulator.baud, autoOpen: false, lock: false });
      port.open((e) => {
        if (e) return reject(e);
        this.port = port;
        port.on('data', (chunk: Buffer) => {
          const byteMs = 10_000 / this.simulator.baud;
          this.commandEndsAt = performance.now() + chunk.length * byteMs;
          this.simulator.receive(chunk);
        });
        port.on('close', () => this.detached(port));
        port.on('error', () => this.detached(port));
        this.watchNode(port);
        resolve();
      });
    });
  }

  /** socat removes the link when the pair goes away; serialport does not always notice. */
  private watchNode(port: SerialPort): void {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = setInterval(() => {
      if (!existsSync(this.path)) this.detached(port);
    }, 50);
    this.watcher.unref();
  }

  private detached(port: SerialPort): void {
    if (this.port !== port) return;
    this.port = null;
    this.pacer.clear();
    if (port.isOpen) port.close(() => undefined);
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    this.reattachWhenBack();
  }

  private reattachWhenBack(): void {
    if (this.stopped) return;
    const retry = setInterval(() => {
      if (this.stopped) return clearInterval(retry);
      if (!existsSync(this.path)) return;
      clearInterval(retry);
      this.attach().catch(() => this.reattachWhenBack());
    }, 25);
    retry.unref();
  }
}
