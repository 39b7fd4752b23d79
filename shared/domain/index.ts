export * from './ids';
export * from './errors';
export * from './permissions';
export * from './types';
export * from './graph';
export * from './store-records';
