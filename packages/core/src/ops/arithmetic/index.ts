export * from './add';
export * from './mul';
export * from './matmul';
import './methods';
