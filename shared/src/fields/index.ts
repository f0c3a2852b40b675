export * from './field';
export * from './entity';
export * from './messages';
export * from './numbers';
export * from './parse';
export * from './text';
