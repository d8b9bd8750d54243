export * from './api/index';
export * from './devices';
export * from './device-advice';
export * from './diagnostics';
export * from './identity';
export * from './receipt';
export * from './beijing-time';
export * from './result';
