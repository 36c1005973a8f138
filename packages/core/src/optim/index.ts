// torch.optim: optimizers and learning-rate schedulers (exported as the `optim` namespace).
export * from './optimizer';
export * from './sgd';
export * from './adam';
export * from './adamw';
export * from './rmsprop';
export * from './adagrad';
export * from './adadelta';
export * from './adamax';
export * from './nadam';
export * from './radam';
export * as lrScheduler from './lr-scheduler/index';
