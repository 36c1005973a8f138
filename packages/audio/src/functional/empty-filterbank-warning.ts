/**
 * Emitted (as a Node.js process warning, `process.on('warning', ...)`) when a filterbank has a
 * filter with all-zero weights: torchaudio's warning that `nMels` is too high for the number of
 * frequency bins (`nFft / 2 + 1`), so some mel bands fall between two bins and always output 0.
 * A warning rather than an error, as in torchaudio: such a filterbank still computes.
 *
 * @example
 * ```ts
 * process.on('warning', (w) => { if (w instanceof functional.EmptyFilterbankWarning) console.log(w.message); });
 * functional.melscaleFbanks(201, 0, 8000, 128, 16000); // fine
 * functional.melscaleFbanks(33, 0, 8000, 128, 16000); // emits EmptyFilterbankWarning
 * ```
 */
export class EmptyFilterbankWarning extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyFilterbankWarning';
  }
}
