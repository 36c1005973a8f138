// torch.optim.lr_scheduler (exported as `optim.lrScheduler`).
export * from './lr-scheduler';
export * from './step-lr';
export * from './multi-step-lr';
export * from './exponential-lr';
export * from './cosine-annealing-lr';
export * from './lambda-lr';
export * from './multiplicative-lr';
export * from './linear-lr';
export * from './constant-lr';
export * from './polynomial-lr';
export * from './one-cycle-lr';
export * from './cyclic-lr';
export * from './cosine-annealing-warm-restarts';
export * from './sequential-lr';
export * from './chained-scheduler';
export * from './reduce-lr-on-plateau';
