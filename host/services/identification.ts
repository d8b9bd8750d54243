import { maskIdentity } from '../../contract';
import type { IdCardReader } from '../../drivers/idcard';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import type { SessionService } from './session';

/**
 * Card read → resident identified. A card presented on any screen identifies
 * the resident for this session (starting one on the attract screen). The
 * plaintext identity goes only to the session; the bus carries the masked
 * form; the log carries neither name, number nor address.
 */
export function wireIdentification(reader: IdCardReader, session: SessionService, bus: EventBus, logger: Logger): () => void {
  return reader.on('data', (event) => {
    switch (event.kind) {
      case 'cardPresented': {
        const { identity, photo } = event.read;
        const current = session.identity();
        const samePerson = current !== null && current.idNumber === identity.idNumber && current.cardType === identity.cardType;
        const party = session.awaitingParty();
        if (party && !samePerson) {
          // A party screen is showing: this card is that person's, and the applicant stays who they are.
          session.setParty(party, identity, 'card');
          logger.info({ device: reader.id, cardType: identity.cardType, party }, 'card read, party identified');
        } else if (party) {
          // The applicant's own card again on a party screen: it identifies nobody new.
          logger.info({ device: reader.id, party }, 'applicant card on a party screen, ignored');
        } else {
          // Someone else's card: the previous resident's visit ends (and its data is wiped) first.
          if (current && !samePerson) session.end('card-removed');
          session.identify(identity);
        }
        bus.emit('idcard.presented', {
          identity: maskIdentity(identity),
          idNumberValid: identity.idNumberValid,
          photo: photo.decoded ? 'decoded' : 'placeholder',
        });
        logger.info(
          { device: reader.id, cardType: identity.cardType, expired: identity.expired, idNumberValid: identity.idNumberValid },
          'card read, resident identified',
        );
        return;
      }
      case 'cardRemoved':
        bus.emit('idcard.removed', {});
        logger.info({ device: reader.id }, 'card removed');
        return;
      case 'readFailed':
        bus.emit('idcard.readFailed', { message: event.error.message, code: event.error.extended ?? event.error.code });
        logger.warn({ device: reader.id, code: event.error.extended ?? event.error.code }, 'card read failed');
        return;
    }
  });
}
