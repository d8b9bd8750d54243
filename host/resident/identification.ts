import { maskIdentity } from '../../contract';
import type { CardRead, IdCardReader } from '../../drivers/idcard';
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
  // The card lying on the reader now, while it belongs to a visit that has not been wiped:
  // a resident who puts the card down and then taps 点击开始办事 is identified by it
  // (the reader reports a card once, when it arrives). A card left behind by a visit
  // that ended (idle wipe, finished, clerk's card) never carries over: lift and put back.
  let lying: CardRead | null = null;
  const identifyWith = (read: CardRead) => {
    const { identity, photo } = read;
    session.identify(identity);
    bus.emit('idcard.presented', {
      identity: maskIdentity(identity),
      idNumberValid: identity.idNumberValid,
      photo: photo.decoded ? 'decoded' : 'placeholder',
    });
    logger.info({ device: reader.id, cardType: identity.cardType, expired: identity.expired, idNumberValid: identity.idNumberValid }, 'card read, resident identified');
  };
  const offEnd = session.onEnd((_id, reason) => {
    if (reason !== 'restart') lying = null;
  });
  const offBegin = session.onBegin(() => {
    if (lying) identifyWith(lying);
  });
  const offData = reader.on('data', (event) => {
    switch (event.kind) {
      case 'cardPresented': {
        const { identity, photo } = event.read;
        const current = session.identity();
        const samePerson = current !== null && current.idNumber === identity.idNumber && current.cardType === identity.cardType;
        const party = session.awaitingParty();
        if (party) {
          // A party screen is showing: this card is that person's, and the applicant stays who they are
          // (the applicant's own card again identifies nobody new).
          if (!samePerson) session.setParty(party, identity, 'card');
          bus.emit('idcard.presented', { identity: maskIdentity(identity), idNumberValid: identity.idNumberValid, photo: photo.decoded ? 'decoded' : 'placeholder' });
          logger.info({ device: reader.id, cardType: identity.cardType, party, applicantCard: samePerson }, 'card read on a party screen');
          return;
        }
        // Someone else's card: the previous resident's visit ends (and its data is wiped) first.
        if (current && !samePerson) session.end('card-removed');
        identifyWith(event.read);
        lying = event.read;
        return;
      }
      case 'cardRemoved':
        lying = null;
        bus.emit('idcard.removed', {});
        logger.info({ device: reader.id }, 'card removed');
        return;
      case 'readFailed':
        bus.emit('idcard.readFailed', { message: event.error.message, code: event.error.extended ?? event.error.code });
        logger.warn({ device: reader.id, code: event.error.extended ?? event.error.code }, 'card read failed');
        return;
    }
  });
  return () => {
    offData();
    offBegin();
    offEnd();
  };
}
