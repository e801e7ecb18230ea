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
});
