import { Redactor } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { Terminal } from './Terminal.js';

function aTerminal() {
  const out: string[] = [];
  const err: string[] = [];
  const redactor = new Redactor();
  const terminal = new Terminal(
    { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } },
    redactor,
  );
  return { terminal, redactor, out, err };
}

describe('Terminal', () => {
  it('masks a known secret in everything it prints', () => {
    const { terminal, redactor, out, err } = aTerminal();
    redactor.add('s3cr3t-Value');
    terminal.out('summary s3cr3t-Value\n');
    terminal.err('error: token request with s3cr3t-Value refused\n');
    terminal.json({ message: 'carries s3cr3t-Value' });
    expect([...out, ...err].join('')).not.toContain('s3cr3t-Value');
    expect(JSON.parse(out[1]!)).toEqual({ message: 'carries ***' });
  });

  it('masks credential-shaped text whatever its value', () => {
    const { terminal, err } = aTerminal();
    terminal.err('POST client_secret=abc123&grant_type=client_credentials Authorization: Bearer eyJhbGciOi.x.y\n');
    expect(err.join('')).toBe('POST client_secret=***&grant_type=client_credentials Authorization: Bearer ***\n');
  });

  it('shows remote text escaped on stdout, stderr and the progress line; JSON parses back exact', () => {
    const { terminal, out, err } = aTerminal();
    const name = 'Contoso\u001b]0;pwned\u0007\u001b[2J\u009b';
    terminal.out(`created ${name}\n`);
    terminal.err(`warn: ${name}\n`);
    terminal.redrawLine(name);
    terminal.json({ name });
    expect(out[0]).toBe('created Contoso\\u001b]0;pwned\\u0007\\u001b[2J\\u009b\n');
    expect(err).toEqual([
      'warn: Contoso\\u001b]0;pwned\\u0007\\u001b[2J\\u009b\n',
      '\r\u001b[2KContoso\\u001b]0;pwned\\u0007\\u001b[2J\\u009b',
    ]);
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(out[1]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(out[1]!)).toEqual({ name });
  });
});
