import { err, ok } from '../../../contract';
import type { HandlerTable } from '../../api/dispatch';
import type { A4DocumentService } from '../a4-documents';
import type { AppointmentDesk } from '../appointments';
import type { JourneyService } from '../journeys';
import type { ReceiptService } from '../receipts';
import type { SessionService } from '../session';

type A4Methods = 'a4.offer' | 'a4.print' | 'a4.printAppointmentSlip' | 'a4.jobs';

/** A4 documents of an application submitted in this session (申请表, 告知承诺书, 受理通知书). */
export function a4Handlers(deps: { a4: A4DocumentService; journeys: JourneyService; appointments: AppointmentDesk; receipts: ReceiptService; session: SessionService }): Pick<HandlerTable, A4Methods> {
  const { a4, journeys, appointments, receipts, session } = deps;
  return {
    'a4.offer': ({ applicationNumber }) => {
      const source = journeys.a4Source(applicationNumber);
      if (!source.ok) return source;
      return ok({ printer: a4.view(), documents: a4.fitted ? [...source.value.documents] : [] });
    },
    'a4.print': async ({ applicationNumber, documents }) => {
      const source = journeys.a4Source(applicationNumber);
      if (!source.ok) return source;
      const s = source.value;
      const refused = documents.filter((d) => !s.documents.includes(d as never));
      if (refused.length > 0) return err('invalid-input', '这份申请没有所选的材料', { detail: `a4.print: ${refused.join(', ')} does not apply to ${applicationNumber}` });
      const receipt = receipts.receiptFor(s.receipt);
      const result = await a4.enqueue(
        session.currentId ?? '',
        [...new Set(documents)].map((document) => ({ document, receipt, fields: s.fields, confirmed: s.confirmed })),
      );
      return result.ok ? ok({ printer: a4.view(), jobs: result.value }) : result;
    },
    'a4.printAppointmentSlip': async ({ appointmentNumber }) => {
      if (!a4.fitted) return ok({ printer: a4.view(), jobs: [] });
      const slip = await appointments.slipRequest(appointmentNumber);
      if (!slip.ok) return slip;
      const result = await a4.enqueue(session.currentId ?? '', [{ document: 'appointment-slip', receipt: receipts.receiptFor(slip.value) }]);
      return result.ok ? ok({ printer: a4.view(), jobs: result.value }) : result;
    },
    'a4.jobs': () => ok({ printer: a4.view(), jobs: a4.jobsOf(session.currentId) }),
  };
}
