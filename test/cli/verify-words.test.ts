import { describe, expect, it } from 'vitest';
import { splitVerifyWords, VERIFY_VALUE_OPTIONS } from '../../electron/cli/verify-words';
import { verifyCommand } from '../../electron/cli/commands/verify';

describe("the entry's reading of verify's words", () => {
  it("knows exactly the options verify's parser gives a value", () => {
    const taking = Object.entries(verifyCommand.options ?? {})
      .filter(([, o]) => o.type === 'string')
      .map(([name]) => `--${name}`)
      .sort();
    expect([...VERIFY_VALUE_OPTIONS].sort()).toEqual(taking);
  });

  it('splits options, their values and file words as the parser does', () => {
    expect(splitVerifyWords(['--json', '--trust', 'a.pem', 'x.pdf', '--offline', 'dir'])).toEqual({
      options: ['--json', '--trust', '--offline'],
      files: ['x.pdf', 'dir'],
    });
    expect(splitVerifyWords(['--trust=a.pem', '--', '--odd.p7m', '-'])).toEqual({
      options: ['--trust=a.pem'],
      files: ['--odd.p7m', '-'],
    });
    expect(splitVerifyWords(['--content'])).toEqual({ options: ['--content'], files: [] });
  });
});
