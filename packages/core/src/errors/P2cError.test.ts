import { describe, expect, it } from 'vitest';
import { ConfigError, FatalError, isP2cError, RecordError, TransientError } from './P2cError.js';

describe('the error taxonomy', () => {
  it.each([
    [new ConfigError('bad config', { code: 'C' }), 'config', 'ConfigError'],
    [new RecordError('bad record', { code: 'R' }), 'record', 'RecordError'],
    [new TransientError('try later', { code: 'T' }), 'transient', 'TransientError'],
    [new FatalError('cannot go on', { code: 'F' }), 'fatal', 'FatalError'],
  ])('%s says how the run treats it', (error, kind, name) => {
    expect(error).toBeInstanceOf(Error);
    expect(isP2cError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(name);
  });

  it('keeps the code, the cause, and for a record error the field and value', () => {
    const cause = new Error('HTTP 400');
    const error = new RecordError('PaymentTerms: no value map entry for 4', {
      code: 'VALUE_MAP_MISS',
      field: 'PaymentTerms',
      value: '4',
      cause,
    });
    expect(error).toMatchObject({ code: 'VALUE_MAP_MISS', field: 'PaymentTerms', value: '4', cause });
    expect(new ConfigError('x', { code: 'C' }).cause).toBeUndefined();
  });

  it('does not take other errors for its own', () => {
    expect(isP2cError(new Error('plain'))).toBe(false);
    expect(isP2cError({ kind: 'record', code: 'R', message: 'look-alike' })).toBe(false);
  });
});
