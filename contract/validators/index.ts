export * from './message';
export * from './id-number';
export * from './uscc';
export * from './mobile';
export * from './dates';
export * from './enterprise-code';
