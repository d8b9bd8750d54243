export * from './api/index';
export * from './devices';
export * from './identity';
export * from './result';
