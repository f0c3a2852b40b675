export * from './entity';
export * from './field';
export * from './messages';
export * from './numbers';
export * from './parse';
export * from './text';
