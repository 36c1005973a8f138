// Node-only parts of torch.utils.data: the DataLoader's worker threads.
export { dataLoaderWorkerCount } from './worker/worker-count';
