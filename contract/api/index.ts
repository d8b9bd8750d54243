import type { z } from 'zod';
import type { Result } from '../result';
import type { EventSpec, MethodSpec } from './define';
import { appointmentsMethods } from './appointments';
import { devdockMethods } from './devdock';
import { devicesEvents, devicesMethods } from './devices';
import { idcardEvents } from './idcard';
import { identityMethods } from './identity';
import { evaluationMethods } from './evaluation';
import { journeyMethods } from './journeys';
import { maintenanceEvents, maintenanceMethods } from './maintenance';
import { progressMethods } from './progress';
import { receiptsEvents, receiptsMethods } from './receipts';
import { scannerEvents, scannerMethods } from './scanner';
import { outboxEvents, outboxMethods } from './outbox';
import { sessionEvents, sessionMethods } from './session';
import { staffEvents, staffMethods } from './staff';
import { systemEvents, systemMethods } from './system';
import { videoMethods } from './video';
import { voiceMethods } from './voice';
import { watchdogEvents, watchdogMethods } from './watchdog';
import { catalogEvents, catalogMethods } from './catalog';
import { a4Events, a4Methods } from './a4';

/**
 * The Kiosk API: every host method and event, declared once. Both transports
 * (Electron IPC, web shell) and the renderer client are derived from these
 * tables. Add a domain by writing `api/<domain>.ts` and spreading it here.
 */
export const methods = {
  ...systemMethods,
  ...sessionMethods,
  ...outboxMethods,
  ...devicesMethods,
  ...devdockMethods,
  ...journeyMethods,
  ...progressMethods,
  ...evaluationMethods,
  ...appointmentsMethods,
  ...voiceMethods,
  ...staffMethods,
  ...maintenanceMethods,
  ...watchdogMethods,
  ...receiptsMethods,
  ...scannerMethods,
  ...identityMethods,
  ...videoMethods,
  ...catalogMethods,
  ...a4Methods,
} as const satisfies Record<string, MethodSpec>;

export const events = {
  ...systemEvents,
  ...sessionEvents,
  ...outboxEvents,
  ...devicesEvents,
  ...idcardEvents,
  ...staffEvents,
  ...maintenanceEvents,
  ...watchdogEvents,
  ...receiptsEvents,
  ...scannerEvents,
  ...catalogEvents,
  ...a4Events,
} as const satisfies Record<string, EventSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Events = typeof events;
export type EventName = keyof Events;

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export interface EventMessage<E extends EventName = EventName> {
  readonly event: E;
  readonly payload: EventPayload<E>;
}

/** The shape the renderer programs against, whatever the transport. */
export type KioskApi = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export * from './appointments';
export * from './define';
export * from './devdock';
export * from './devices';
export * from './idcard';
export * from './identity';
export * from './evaluation';
export * from './journeys';
export * from './progress';
export * from './staff';
export * from './voice';
export * from './maintenance';
export * from './outbox';
export * from './session';
export * from './system';
export * from './watchdog';
export * from './receipts';
export * from './scanner';
export * from './catalog';
export * from './a4';
