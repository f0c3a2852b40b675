export * from './enums';
export * from './labels';
export * from './credit-code';
export * from './calendar';
export * from './state-machine';
export * from './machines';
export * from './table';
export * from './service-levels';
