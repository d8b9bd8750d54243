import type { OutboxHealth, QuarantinedItem } from '../../contract';

/**
 * What maintenance needs from the outbox (offline-cache). The composition root
 * adapts the real outbox to it; `null` where no outbox is composed yet, and
 * the dashboard says so instead of inventing numbers.
 */
export interface OutboxMaintenance {
  health(): OutboxHealth;
  requeue(id: string): boolean;
  /** Start a delivery round now; resolves when it has finished or failed. */
  syncNow(): Promise<void>;
  /** The salvage reports have been seen by a technician: they stop being a finding. Returns how many. */
  acknowledgeSalvage(by: string): number;
  /** Quarantined items without personal data, for export. */
  quarantined(): readonly QuarantinedItem[];
}
