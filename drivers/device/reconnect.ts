export interface BackoffPolicy {
  readonly initialMs: number;
  /** Cap: the device is back at most this long (plus one connect) after its port returns. */
  readonly maxMs: number;
  readonly factor: number;
}

/**
 * Retries `attempt` with exponential backoff until it reports success or is
 * stopped. Neither serialport nor node-hid reconnects by itself.
 */
export class Reconnector {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private delay: number;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly attempt: () => Promise<boolean>,
  ) {
    this.delay = policy.initialMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.delay = this.policy.initialMs;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  get active(): boolean {
    return this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt().then((success) => {
        if (!this.running) return;
        if (success) {
          this.running = false;
          return;
        }
        this.delay = Math.min(this.policy.maxMs, this.delay * this.policy.factor);
        this.schedule();
      });
    }, this.delay);
  }
}
