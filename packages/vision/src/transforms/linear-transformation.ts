import { ArgumentTypeError, DTypeError, mm, ShapeError, sub, type Tensor, ValueError } from '@dl/core';
import { describeInput, isTensor } from './functional/internal/image-input';
import { pyFloat, pySeq } from './internal/py-repr';
import { Transform } from './transform';

function nestedRepr(v: unknown): string {
  return Array.isArray(v) ? pySeq(v, 'list', nestedRepr) : pyFloat(v as number);
}

/**
 * Flattens a tensor image, subtracts `meanVector` and multiplies by a square
 * `transformationMatrix` (torchvision's `LinearTransformation`), e.g. ZCA whitening computed
 * offline. Tensors only: `[..., C, H, W]` with `C * H * W = D`.
 *
 * @param transformationMatrix a float32 `[D, D]` tensor.
 * @param meanVector a float32 `[D]` tensor.
 * @example
 * ```ts
 * const t = new LinearTransformation(dl.eye(12), dl.zeros([12])); // identity on [3, 2, 2] images
 * ```
 */
export class LinearTransformation extends Transform<Tensor, Tensor> {
  /** The `[D, D]` matrix. */
  readonly transformationMatrix: Tensor;
  /** The `[D]` mean. */
  readonly meanVector: Tensor;

  constructor(transformationMatrix: Tensor, meanVector: Tensor) {
    super();
    const op = 'LinearTransformation';
    for (const [name, t] of [
      ['transformationMatrix', transformationMatrix],
      ['meanVector', meanVector],
    ] as const) {
      if (!isTensor(t)) throw new ArgumentTypeError(`${op}: ${name} should be a Tensor, got ${describeInput(t)}`);
      if (t.dtype !== 'float32') throw new DTypeError(`${op}: ${name} should be a float32 tensor, got dtype ${t.dtype}`);
    }
    const ms = transformationMatrix.shape;
    if (ms.length !== 2 || ms[0] !== ms[1]) {
      throw new ValueError(`${op}: transformation_matrix should be square. Got (${ms.join(', ')}) rectangular matrix.`);
    }
    if (meanVector.shape.length !== 1 || meanVector.shape[0] !== ms[0]) {
      throw new ValueError(`${op}: mean_vector should have the same length ${meanVector.shape[0]} as any one of the dimensions of the transformation_matrix [(${ms.join(', ')})]`);
    }
    this.transformationMatrix = transformationMatrix;
    this.meanVector = meanVector;
  }

  /** `(flatten(tensor) - meanVector) @ transformationMatrix`, in the input's shape. */
  override forward(tensor: Tensor): Tensor {
    if (!isTensor(tensor)) throw new ArgumentTypeError(`LinearTransformation: expected a tensor image [..., C, H, W], got ${describeInput(tensor)}`);
    const shape = tensor.shape;
    const n = this.transformationMatrix.shape[0]!;
    const [c, h, w] = shape.slice(-3);
    if (shape.length < 3 || c! * h! * w! !== n) {
      throw new ShapeError(`LinearTransformation: Input tensor and transformation matrix have incompatible shape. [${shape.slice(-3).join(' x ')}] != ${n}`);
    }
    if (tensor.dtype !== 'float32') throw new DTypeError(`LinearTransformation: expected a float32 tensor, got dtype ${tensor.dtype}`);
    const flat = sub(tensor.reshape([-1, n]), this.meanVector);
    return mm(flat, this.transformationMatrix).reshape([...shape]);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.transformationMatrix, this.meanVector];
  }

  /** `LinearTransformation(transformation_matrix=[[1.0, 0.0], [0.0, 1.0]], mean_vector=[0.0, 0.0])`. */
  override toString(): string {
    return `LinearTransformation(transformation_matrix=${nestedRepr(this.transformationMatrix.tolist())}, mean_vector=${nestedRepr(this.meanVector.tolist())})`;
  }
}
