export * from './device';
export * from './manager';
export * from './result';
export * from './serial-link';
export * from './link';
export * from './pty-pair';
export { TypedEmitter } from './emitter';
export type { BackoffPolicy } from './reconnect';
export type { DeviceError, DeviceStatus } from '../../contract';
