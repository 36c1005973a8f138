// The assertion the argument-check tests share: the exact @dl error class and the exact message.
import { expect } from 'vitest';
import { DLError } from '../../src/index';

type ErrorClass = new (...args: never[]) => Error;

/** Asserts `fn` throws exactly `cls` (not a subclass), a DLError, with exactly `message`. */
export function throwsExactly(fn: () => unknown, cls: ErrorClass, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${cls.name}: ${message}`).toBeInstanceOf(cls);
  expect(caught).toBeInstanceOf(DLError);
  expect((caught as Error).constructor).toBe(cls);
  expect((caught as Error).message).toBe(message);
}
