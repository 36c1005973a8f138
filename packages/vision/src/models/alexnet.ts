import { flatten, nn, type Tensor } from '@dl/core';
import { AlexNet_Weights } from './alexnet-weights';
import { type ClassifierOptions, constructModel, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';

/** Options of {@link AlexNet}. */
export interface AlexNetOptions {
  /** The number of output classes. @default 1000 */
  numClasses?: number;
  /** Dropout probability in the classifier. @default 0.5 */
  dropout?: number;
}

/**
 * AlexNet (torchvision's `AlexNet`, after "One weird trick for parallelizing convolutional neural
 * networks"): five convolutions in `features`, a 6x6 adaptive average pool and three linear
 * layers in `classifier` (`classifier.1`, `.4`, `.6`). Layers keep PyTorch's default
 * initialisation, as torchvision's do.
 *
 * @example
 * ```ts
 * const model = new AlexNet({ numClasses: 10 });
 * model.eval().forward(dl.randn([1, 3, 63, 63])).shape; // [1, 10]
 * ```
 */
export class AlexNet extends nn.Module {
  features: nn.Sequential;
  avgpool: nn.AdaptiveAvgPool2d;
  classifier: nn.Sequential;

  constructor(options: AlexNetOptions = {}) {
    super();
    const p = options.dropout ?? 0.5;
    const relu = () => new nn.ReLU({ inplace: true });
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 64, 11, { stride: 4, padding: 2 }),
      relu(),
      new nn.MaxPool2d(3, { stride: 2 }),
      new nn.Conv2d(64, 192, 5, { padding: 2 }),
      relu(),
      new nn.MaxPool2d(3, { stride: 2 }),
      new nn.Conv2d(192, 384, 3, { padding: 1 }),
      relu(),
      new nn.Conv2d(384, 256, 3, { padding: 1 }),
      relu(),
      new nn.Conv2d(256, 256, 3, { padding: 1 }),
      relu(),
      new nn.MaxPool2d(3, { stride: 2 }),
    );
    this.avgpool = new nn.AdaptiveAvgPool2d([6, 6]);
    this.classifier = new nn.Sequential(
      new nn.Dropout(p),
      new nn.Linear(256 * 6 * 6, 4096),
      relu(),
      new nn.Dropout(p),
      new nn.Linear(4096, 4096),
      relu(),
      new nn.Linear(4096, options.numClasses ?? 1000),
    );
  }

  override forward(x: Tensor): Tensor {
    return this.classifier.call(flatten(this.avgpool.call(this.features.call(x)), 1));
  }
}

/** Options of {@link alexnet}: the weights options, `numClasses` and `dropout`. */
export type AlexNetBuilderOptions<E> = ClassifierOptions<E> & Omit<AlexNetOptions, 'numClasses'>;

/**
 * AlexNet (torchvision's `alexnet`).
 *
 * @example
 * ```ts
 * const model = await alexnet({ weights: 'DEFAULT' });
 * ```
 */
export async function alexnet(options: AlexNetBuilderOptions<typeof AlexNet_Weights> = {}): Promise<AlexNet> {
  const weights = resolveWeights('alexnet', AlexNet_Weights, options, AlexNet_Weights.IMAGENET1K_V1);
  const numClasses = resolveNumClasses('alexnet', weights, options.numClasses);
  const model = constructModel(() => new AlexNet({ dropout: options.dropout, numClasses }));
  if (weights) await loadWeights(model, weights, options.progress);
  return model;
}
