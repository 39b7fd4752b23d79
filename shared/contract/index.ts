export * from './procedures';
export * from './events';
export * from './search';
export * from './settings';
export * from './views';
export * from './validate';
