import { ArgumentTypeError, ValueError, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { centerCrop } from '../../transforms/functional/center-crop';
import { convertImageDtype } from '../../transforms/functional/convert-image-dtype';
import { checkImageInput, type ImageInput } from '../../transforms/functional/internal/image-input';
import { InterpolationMode } from '../../transforms/functional/interpolation-mode';
import { normalize } from '../../transforms/functional/normalize';
import { pilToTensor } from '../../transforms/functional/pil-to-tensor';
import { resize } from '../../transforms/functional/resize';
import { pyFloats } from '../../transforms/internal/py-repr';
import { checkInterpolation, describeArg, interpolationEnumName } from '../../transforms/internal/transform-args';
import { Transform } from '../../transforms/transform';

const OP = 'ImageClassification';

/** Options of {@link ImageClassification} (torchvision's keyword arguments). */
export interface ImageClassificationOptions {
  /** The side of the square center crop the model sees. */
  cropSize: number;
  /** The smaller edge the image is resized to before cropping. @default 256 */
  resizeSize?: number;
  /** Per-channel mean subtracted after scaling to [0, 1]. @default [0.485, 0.456, 0.406] */
  mean?: readonly number[];
  /** Per-channel std divided by. @default [0.229, 0.224, 0.225] */
  std?: readonly number[];
  /** The resize filter. @default InterpolationMode.BILINEAR */
  interpolation?: InterpolationMode;
  /** Antialias when downscaling tensors, as `Resize` does (Images always are, as PIL does). @default true */
  antialias?: boolean;
}

/**
 * The evaluation preprocessing of the classification weights (torchvision's
 * `transforms._presets.ImageClassification`): resize the smaller edge to `resizeSize`, center
 * crop `cropSize`, scale to float [0, 1] and normalize. Takes an {@link Image} or an image tensor
 * (`[C, H, W]` or batched, int32 0..255 or float32 in [0, 1]) and returns a float32 tensor.
 * `weights.transforms()` builds the one each weights entry was evaluated with.
 *
 * @example
 * ```ts
 * const preprocess = ResNet18_Weights.DEFAULT.transforms(); // ImageClassification({ cropSize: 224 })
 * const batch = preprocess(await io.openImage('cat.jpg', { mode: 'RGB' })).unsqueeze(0); // [1, 3, 224, 224]
 * ```
 */
export class ImageClassification extends Transform<ImageInput, Tensor> {
  /** `[cropSize]`, as torchvision keeps it. */
  readonly cropSize: readonly number[];
  /** `[resizeSize]`. */
  readonly resizeSize: readonly number[];
  /** The normalization mean. */
  readonly mean: readonly number[];
  /** The normalization std. */
  readonly std: readonly number[];
  /** The resize filter. */
  readonly interpolation: InterpolationMode;
  /** Whether tensors are antialiased when downscaled. */
  readonly antialias: boolean;

  constructor(options: ImageClassificationOptions) {
    super();
    if (options === null || typeof options !== 'object') throw new ArgumentTypeError(`${OP}: expected an options object with cropSize, got ${describeArg(options)}`);
    this.cropSize = [positiveInteger(options.cropSize, 'cropSize')];
    this.resizeSize = [positiveInteger(options.resizeSize ?? 256, 'resizeSize')];
    this.mean = numbers(options.mean ?? [0.485, 0.456, 0.406], 'mean');
    this.std = numbers(options.std ?? [0.229, 0.224, 0.225], 'std');
    if (this.mean.length !== this.std.length) {
      throw new ValueError(`${OP}: mean and std must have one value per channel each, got ${this.mean.length} means and ${this.std.length} stds`);
    }
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.BILINEAR, OP);
    this.antialias = options.antialias ?? true;
  }

  /** Resizes, crops, scales and normalizes `img`. */
  override forward(img: ImageInput): Tensor {
    checkImageInput(img, OP);
    const resized = resize(img, this.resizeSize, { interpolation: this.interpolation, antialias: this.antialias });
    const cropped = centerCrop(resized, this.cropSize);
    const t = cropped instanceof Image ? pilToTensor(cropped) : cropped;
    return normalize(convertImageDtype(t, 'float32'), this.mean, this.std);
  }

  protected override workerArgs(): readonly unknown[] {
    return [
      {
        cropSize: this.cropSize[0],
        resizeSize: this.resizeSize[0],
        mean: this.mean,
        std: this.std,
        interpolation: this.interpolation,
        antialias: this.antialias,
      },
    ];
  }

  /** torchvision's multi-line repr (`crop_size=[224]`, ..., `interpolation=InterpolationMode.BILINEAR`). */
  override toString(): string {
    return [
      'ImageClassification(',
      `    crop_size=[${this.cropSize[0]}]`,
      `    resize_size=[${this.resizeSize[0]}]`,
      `    mean=${pyFloats(this.mean, 'list')}`,
      `    std=${pyFloats(this.std, 'list')}`,
      `    interpolation=${interpolationEnumName(this.interpolation)}`,
      ')',
    ].join('\n');
  }
}

function positiveInteger(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ValueError(`${OP}: ${name} must be a positive integer, got ${describeArg(v)}`);
  return v;
}

function numbers(v: unknown, name: string): readonly number[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new ArgumentTypeError(`${OP}: ${name} must be a non-empty array of finite numbers, got ${describeArg(v)}`);
  }
  return Object.freeze([...(v as number[])]);
}
