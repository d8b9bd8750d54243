import { done, failed, type DeviceResult } from '../device/result';
import type { ByteLink } from '../device/link';
import { encodeCommand, FrameDecoder, type FrameEvent } from './frame';

export interface Reply {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  readonly data: Uint8Array;
}

export interface ExchangeCounters {
  count(counter: string, by?: number): void;
}

/**
 * One command, one reply, over a byte link. Bytes arrive in any split; the
 * decoder reassembles and resynchronises. After a command that got no
 * (complete) answer, the next command first waits for the line to go quiet
 * and drops whatever was half-received, so a late reply is never taken as
 * the answer to the next command.
 */
export class FrameExchange {
  private readonly decoder = new FrameDecoder();
  private waiter: ((r: DeviceResult<Reply>) => void) | null = null;
  private dirty = false;
  private lastByteAt = 0;

  constructor(
    private readonly link: ByteLink,
    private readonly counters: ExchangeCounters,
    private readonly quietMs = 30,
  ) {}

  /** Feed every chunk the link receives. */
  receive(chunk: Uint8Array): void {
    this.lastByteAt = performance.now();
    for (const event of this.decoder.push(chunk)) this.handle(event);
  }

  /** The link is gone: whoever waits gets `offline` now rather than a timeout later. */
  fail(extended: string): void {
    this.settle(failed('offline', extended));
  }

  async request(cmd: number, para: number, timeoutMs: number, signal?: AbortSignal, data?: Uint8Array): Promise<DeviceResult<Reply>> {
    if (this.waiter) return failed('busy', 'EXCHANGE-BUSY');
    if (this.dirty) await this.waitQuiet(signal);
    if (signal?.aborted) return failed('timeout', 'ABORTED');
    const answer = new Promise<DeviceResult<Reply>>((resolve) => {
      this.waiter = resolve;
    });
    const timer = setTimeout(() => {
      this.dirty = true;
      this.settle(failed('timeout', `NO-REPLY-${hex(cmd)}${hex(para)}`));
    }, timeoutMs);
    const onAbort = () => {
      this.dirty = true;
      this.settle(failed('timeout', `NO-REPLY-${hex(cmd)}${hex(para)}`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const written = await this.link.write(encodeCommand(cmd, para, data));
    if (!written.ok) this.settle(written);
    const result = await answer;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (!result.ok && result.error.extended === 'FRAME-CHECKSUM') this.dirty = true;
    return result;
  }

  private handle(event: FrameEvent): void {
    switch (event.kind) {
      case 'frame': {
        const b = event.body;
        if (b.length < 3) {
          this.counters.count('badFrames');
          this.settle(failed('extended', 'FRAME-SHORT'));
          return;
        }
        if (!this.waiter) {
          // A reply nobody is waiting for (late answer to a timed-out command).
          this.counters.count('strayFrames');
          return;
        }
        this.settle(done({ sw1: b[0]!, sw2: b[1]!, sw3: b[2]!, data: b.subarray(3) }));
        return;
      }
      case 'bad-checksum':
      case 'bad-length':
        this.counters.count('badFrames');
        this.settle(failed('extended', event.kind === 'bad-checksum' ? 'FRAME-CHECKSUM' : 'FRAME-LENGTH', '读卡时数据出错，请稍候再试。'));
        return;
      case 'garbage':
        this.counters.count('garbageBytes', event.bytes);
        return;
    }
  }

  private settle(r: DeviceResult<Reply>): void {
    const w = this.waiter;
    this.waiter = null;
    w?.(r);
  }

  private async waitQuiet(signal?: AbortSignal): Promise<void> {
    const deadline = performance.now() + 20 * this.quietMs;
    while (performance.now() - this.lastByteAt < this.quietMs && performance.now() < deadline && !signal?.aborted) {
      await new Promise((r) => setTimeout(r, this.quietMs / 3));
    }
    this.decoder.reset();
    this.dirty = false;
  }
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
