import { nn, type Tensor } from '@dl/core';

/** Options of {@link SqueezeExcitation}. */
export interface SqueezeExcitationOptions {
  /** Builds the activation between the two 1x1 convolutions (the paper's delta). @default ReLU */
  activation?: () => nn.Module;
  /** Builds the gate activation (the paper's sigma). @default Sigmoid */
  scaleActivation?: () => nn.Module;
}

/**
 * The Squeeze-and-Excitation block (torchvision.ops' `SqueezeExcitation`): global average pool,
 * a 1x1 convolution down to `squeezeChannels`, an activation, a 1x1 convolution back, a gate in
 * [0, 1], and the input scaled channel by channel. Children `avgpool`, `fc1`, `fc2`,
 * `activation`, `scale_activation` keep torchvision's names.
 *
 * @example
 * ```ts
 * const se = new SqueezeExcitation(16, 8, { scaleActivation: () => new nn.Hardsigmoid() });
 * se.forward(dl.randn([1, 16, 4, 4])).shape; // [1, 16, 4, 4]
 * ```
 */
export class SqueezeExcitation extends nn.Module {
  avgpool: nn.AdaptiveAvgPool2d;
  fc1: nn.Conv2d;
  fc2: nn.Conv2d;
  activation: nn.Module;
  scale_activation: nn.Module;

  constructor(inputChannels: number, squeezeChannels: number, options: SqueezeExcitationOptions = {}) {
    super();
    this.avgpool = new nn.AdaptiveAvgPool2d(1);
    this.fc1 = new nn.Conv2d(inputChannels, squeezeChannels, 1);
    this.fc2 = new nn.Conv2d(squeezeChannels, inputChannels, 1);
    this.activation = (options.activation ?? (() => new nn.ReLU()))();
    this.scale_activation = (options.scaleActivation ?? (() => new nn.Sigmoid()))();
  }

  /** The per-channel gate, shape `[N, C, 1, 1]`. */
  protected scale(input: Tensor): Tensor {
    let s = this.avgpool.call(input);
    s = this.fc1.call(s);
    s = this.activation.call(s) as Tensor;
    s = this.fc2.call(s);
    return this.scale_activation.call(s) as Tensor;
  }

  override forward(input: Tensor): Tensor {
    return this.scale(input).mul(input);
  }
}
