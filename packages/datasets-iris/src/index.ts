export * from './iris';
