import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('takes options before the script and passes the rest to the script', () => {
    expect(parseArgs(['--html', 'r.html', '--trace=t.json', '--top', '5', '--sort', 'self_cpu_time_total', 'train.ts', '--epochs', '3', '--html', 'x'])).toEqual({
      script: 'train.ts',
      scriptArgs: ['--epochs', '3', '--html', 'x'],
      html: 'r.html',
      trace: 't.json',
      top: 5,
      sort: 'self_cpu_time_total',
      intervalUs: 250,
    });
    expect(parseArgs(['--', '--odd-name.js', 'a'])).toMatchObject({ script: '--odd-name.js', scriptArgs: ['a'] });
    expect(parseArgs(['-h'])).toBe('help');
    expect(parseArgs(['--version'])).toBe('version');
  });

  it('throws UsageError with a clear message', () => {
    const cases: [string[], string][] = [
      [[], 'missing the script to run'],
      [['--top'], '--top needs a value'],
      [['--top', 'x', 's.js'], "--top should be a positive integer, got 'x'"],
      [['--interval', '-3', 's.js'], "--interval should be a positive integer, got '-3'"],
      [['--trace='], '--trace needs a value'],
      [['--quiet', 's.js'], "unknown option '--quiet'"],
    ];
    for (const [argv, message] of cases) expect(() => parseArgs(argv), argv.join(' ')).toThrow(new UsageError(message));
    expect(() => parseArgs(['--sort', 'nope', 's.js'])).toThrow(UsageError);
  });
});
