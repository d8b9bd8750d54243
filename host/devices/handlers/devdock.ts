import { err, ok } from '../../../contract';
import type { SimulatedIdCard } from '../idcard-device';
import type { HandlerTable } from '../../api/dispatch';

type DevDockMethods = 'devdock.idcard.cards' | 'devdock.idcard.insert' | 'devdock.idcard.remove' | 'devdock.idcard.fault';

const NOT_SIMULATED = '身份证阅读器不是模拟器（KIOSK_IDCARD 不是 sim），开发面板不能操作它。';

/** Dev dock handlers; `devOnly` in the contract makes dispatch refuse them in production. */
export function devdockHandlers(sim: SimulatedIdCard | null): Pick<HandlerTable, DevDockMethods> {
  return {
    'devdock.idcard.cards': () =>
      ok({
        available: sim !== null,
        cards: (sim?.cards ?? []).map((c) => ({ id: c.id, label: c.label, cardType: c.cardType })),
        inserted: sim?.simulator.currentCard?.id ?? null,
      }),
    'devdock.idcard.insert': ({ cardId }) => {
      if (!sim) return err('device-no-hardware', NOT_SIMULATED);
      const card = sim.insert(cardId);
      if (!card) return err('not-found', `没有编号为 ${cardId} 的测试卡。`);
      return ok({ inserted: card.id });
    },
    'devdock.idcard.remove': () => {
      if (!sim) return err('device-no-hardware', NOT_SIMULATED);
      return ok({ removed: sim.remove() });
    },
    'devdock.idcard.fault': (input) => {
      if (!sim) return err('device-no-hardware', NOT_SIMULATED);
      if (input.fault === 'unplug') {
        void sim.unplugFor(input.seconds);
        return ok({ applied: `unplug ${input.seconds}s` });
      }
      sim.inject(input.fault, input.times);
      return ok({ applied: `${input.fault} ×${input.times}` });
    },
  };
}
