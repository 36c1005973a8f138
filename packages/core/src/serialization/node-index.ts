// Node-only checkpoint API: save/load files (atomic writes, random-access reads).
export { save } from './save';
export { load } from './load';
