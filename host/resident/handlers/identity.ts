import { err, ok, type Identity } from '../../../contract';
import { readEnterpriseCode } from '../../../contract/validators';
import type { EidIdentity } from '../../../contract/platform';
import type { PlatformLookups } from '../../platform/ports';
import type { JourneyService } from '../journeys';
import type { SessionService } from '../session';
import type { Logger } from '../../log';
import type { HandlerTable } from '../../api/dispatch';

export interface IdentityDeps {
  readonly session: SessionService;
  readonly journeys: JourneyService;
  readonly platform: Pick<PlatformLookups, 'lookupEnterprise' | 'verifyEid'>;
  readonly logger?: Logger;
}

type IdentityMethods = 'identity.verifyQr' | 'party.await' | 'party.consent' | 'party.skip' | 'enterprise.lookup';

const REFUSALS = {
  malformed: ['这不是三晋通或网证的身份二维码，请打开“三晋通”App的亮证码再扫。', 'This is not a Sanjintong or CTID identity QR code: open the code in the Sanjintong app and scan again.'],
  'bad-signature': ['这个二维码不是发证方签发的，不能用来办事。请用身份证办理。', 'This QR code was not issued by the identity issuer and cannot be used. Please use your ID card.'],
  unknown: ['这个二维码没有登记，请在手机上刷新二维码后再扫。', 'This QR code is not registered: refresh it on your phone and scan again.'],
  expired: ['二维码已过期，请在手机上刷新后再扫。', 'This QR code has expired: refresh it on your phone and scan again.'],
  replayed: ['这个二维码已经用过了，请在手机上刷新后再扫。', 'This QR code has already been used: refresh it on your phone and scan again.'],
} as const;

/** An e-ID stands for a resident ID card: the identity the session holds, as the card would give it. */
function identityOfEid(e: EidIdentity, verifiedAt: string): Identity {
  return {
    cardType: 'resident',
    name: e.name,
    gender: e.gender,
    ...(e.nation ? { nation: e.nation } : {}),
    birthDate: e.birthDate,
    address: e.address,
    idNumber: e.idNumber,
    authority: '',
    validFrom: verifiedAt.slice(0, 10).replaceAll('-', ''),
    validTo: null,
    idNumberValid: true,
    expired: false,
  };
}

/**
 * Who applies: an e-ID QR instead of the card (online only), the other
 * parties of the application, and the enterprise by its USCC. What the
 * platform answers is kept in the session; the payload is built from that.
 */
export function identityHandlers(deps: IdentityDeps): Pick<HandlerTable, IdentityMethods> {
  const { session, journeys, platform } = deps;
  return {
    'identity.verifyQr': async ({ code }) => {
      const verdict = await platform.verifyEid(code.trim());
      if (!verdict.ok) {
        if (verdict.code === 'platform-unreachable') {
          return err('platform-unreachable', '用二维码识别身份需要联网，现在网络不通。请把身份证放在感应区办理。', {
            messageEn: 'Identifying by QR code needs the network, which is down now. Please put your ID card on the reader.',
            ...(verdict.detail ? { detail: verdict.detail } : {}),
          });
        }
        return verdict;
      }
      if (!verdict.value.valid) {
        deps.logger?.info({ reason: verdict.value.reason }, 'e-ID QR refused');
        const [zh, en] = REFUSALS[verdict.value.reason];
        return err('invalid-input', zh, { messageEn: en, detail: `eid: ${verdict.value.reason}` });
      }
      const identity = identityOfEid(verdict.value.identity, verdict.value.verifiedAt);
      const party = session.awaitingParty();
      const current = session.identity();
      if (party && current && current.idNumber !== identity.idNumber) session.setParty(party, identity, 'qr');
      else {
        if (current && current.idNumber !== identity.idNumber) session.end('card-removed');
        session.identify(identity, 'qr');
      }
      deps.logger?.info({ issuer: verdict.value.issuer, party: party ?? null }, 'e-ID QR verified');
      const shown = session.current();
      const masked = party ? shown?.parties?.find((p) => p.partyId === party)?.identity : shown?.identity;
      return ok({ identity: masked ?? { cardType: 'resident', name: '*', idNumber: '*', expired: false }, issuer: verdict.value.issuer });
    },
    'party.await': ({ partyId }) => journeys.awaitParty(partyId),
    'party.consent': ({ partyId }) => journeys.consentParty(partyId),
    'party.skip': ({ partyId }) => journeys.skipParty(partyId),
    'enterprise.lookup': async ({ code }) => {
      if (!session.currentId) return err('no-session', '办理已结束，请回到首页重新开始', { messageEn: 'This visit has ended: go back to the home screen and start again.' });
      const read = readEnterpriseCode(code);
      if (!read.ok) return err('invalid-input', read.zh, { messageEn: read.en, issues: [{ path: 'code', message: read.zh }] });
      const answer = await platform.lookupEnterprise(read.uscc);
      if (!answer.ok) {
        // Offline: the resident types the fields; the application says unverified and the platform decides later.
        session.noteEnterprise(null);
        return answer.code === 'platform-unreachable' ? ok({ uscc: read.uscc, online: false, enterprise: null }) : answer;
      }
      if (!answer.value.found) {
        session.noteEnterprise(null);
        return err('not-found', '没有查到这个统一社会信用代码登记的企业，请对照营业执照核对。', {
          messageEn: 'No enterprise is registered under this unified social credit code: check it against the business licence.',
          detail: 'enterprise: not registered',
        });
      }
      const e = answer.value.enterprise;
      const record = { uscc: e.unifiedSocialCreditCode, name: e.name, type: e.type, legalRepresentative: e.legalRepresentative };
      session.noteEnterprise(record);
      return ok({ uscc: read.uscc, online: true, enterprise: record });
    },
  };
}
