import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CATALOG, type Catalog } from '../../../contract/catalog';
import type { EventMessage } from '../../../contract';
import { EventBus } from '../../../host/api/events';
import { ActiveCatalog } from '../../../host/platform/active-catalog';
import { SessionService } from '../../../host/resident/session';

const first = CATALOG.oneThings[0]!;
const updated: Catalog = { ...CATALOG, version: '2024-8.7', oneThings: CATALOG.oneThings.map((t) => (t.id === first.id ? { ...t, name: '更新后的名称' } : t)) };

describe('ActiveCatalog', () => {
  it('takes an update at once between residents, and only after the session ends while a resident is at the kiosk', () => {
    const bus = new EventBus();
    const session = new SessionService(bus);
    const events: EventMessage[] = [];
    bus.subscribe((m) => m.event === 'catalog.changed' && events.push(m));
    const active = new ActiveCatalog({ catalog: CATALOG, version: CATALOG.version, source: 'built-in' }, { bus, sessionInProgress: () => session.currentId !== null, logger: pino({ level: 'silent' }) });

    session.begin();
    active.offer({ catalog: updated, version: updated.version, source: 'platform' });
    expect(active.version).toBe(CATALOG.version);
    expect(active.oneThingById(first.id)?.name).toBe(first.name);
    expect(active.waiting).toBe('2024-8.7');
    expect(events).toEqual([]);

    session.end('finished');
    expect(active.version).toBe('2024-8.7');
    expect(active.current().source).toBe('platform');
    expect(active.oneThingById(first.id)?.name).toBe('更新后的名称');
    expect(active.waiting).toBeNull();
    expect(events).toEqual([{ event: 'catalog.changed', payload: { version: '2024-8.7', source: 'platform' } }]);

    const later: Catalog = { ...updated, version: '2024-8.8' };
    active.offer({ catalog: later, version: later.version, source: 'platform' });
    expect(active.version).toBe('2024-8.8');
    expect(events).toHaveLength(2);
  });
});
