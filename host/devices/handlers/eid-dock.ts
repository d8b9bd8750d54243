import { err, ok } from '../../../contract';
import { IssueEidResponseSchema } from '../../../contract/platform';
import type { CardFixture } from '../../../drivers/idcard/sim/fixture';
import type { SimulatedSerialScanner } from '../../../drivers/scanner/sim/serial-scanner-sim';
import type { HandlerTable } from '../../api/dispatch';

/**
 * Dev dock: "show a 三晋通 code". The platform simulator issues a code for a
 * fixture card (as the resident's phone would show), and the simulated
 * scanner reads it off the "phone" (QR AIM `]Q1`) like a real scan. Only
 * against the simulator: a real platform has no issuing endpoint.
 */
export function eidDockHandlers(platformUrl: string, cards: readonly CardFixture[], scanner: SimulatedSerialScanner | null): Pick<HandlerTable, 'devdock.eid.show'> {
  return {
    'devdock.eid.show': async ({ cardId, issuer }) => {
      const card = cards.find((c) => c.id === cardId);
      if (!card) return err('not-found', `没有编号为 ${cardId} 的测试卡。`);
      if (card.cardType !== 'resident') return err('invalid-input', '电子身份码只为居民身份证持有人签发。', { detail: `eid: ${cardId} is a ${card.cardType} card` });
      let res: Response;
      try {
        res = await fetch(new URL('/admin/eid/issue', platformUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            issuer,
            identity: { name: card.name, idNumber: card.number, gender: card.gender, birthDate: card.birth, ...(card.nation ? { nation: card.nation } : {}), address: card.address },
          }),
          signal: AbortSignal.timeout(4000),
        });
      } catch (e) {
        return err('platform-unreachable', '平台模拟器连不上，不能生成电子身份码。', { detail: `eid issue: ${(e as Error).name}` });
      }
      const parsed = IssueEidResponseSchema.safeParse(await res.json().catch(() => null));
      if (!res.ok || !parsed.success) return err('platform-rejected', '平台没有签发电子身份码（只有平台模拟器能签发）。', { detail: `eid issue: HTTP ${res.status}` });
      const scanned = scanner ? await scanner.scan(parsed.data.code, { aim: ']Q1' }) : false;
      return ok({ code: parsed.data.code, expiresAt: parsed.data.expiresAt, scanned });
    },
  };
}
