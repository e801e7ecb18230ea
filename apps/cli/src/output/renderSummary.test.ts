import { emptyCounts, type RunSummary } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { renderSummary } from './renderSummary.js';

function aSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: '4f1c2a9e-0000-4000-8000-000000000001',
    templateId: 'accounts',
    templateName: 'Accounts (Sales to Fin and Ops)',
    mode: 'full',
    dryRun: false,
    status: 'Warning',
    counts: {
      read: 3000,
      created: 2890,
      updated: 5,
      unchanged: 0,
      failed: 105,
      keysGenerated: 300,
      deleted: 0,
      filtered: 0,
      waiting: 0,
      retried: 0,
      keyChanged: 0,
    },
    failures: [
      {
        taskId: 'Accounts - Account - Customers',
        sourceId: 'id-1',
        key: 'ACC-20001-ABCDEF',
        code: 'UNKNOWN_COUNTRY',
        message: "AddressCountryRegionISOCode: cannot resolve the country 'Atlantis'",
      },
      {
        taskId: 'Accounts - Account - Customers',
        sourceId: 'id-2',
        key: null,
        code: 'KEY_WRITE_BACK_FAILED',
        message: 'Could not write the generated account number back',
      },
    ],
    planned: [],
    excluded: [],
    deletions: [],
    keyChanges: [],
    notes: [],
    message: null,
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: '2025-01-01T10:00:12.300Z',
    durationMs: 12_300,
    ...overrides,
  };
}

describe('renderSummary', () => {
  it('shows every count, the time taken, the status and the first failures', () => {
    const text = renderSummary(aSummary(), 'account number');
    expect(text).toContain('Accounts (Sales to Fin and Ops): full run');
    expect(text).toMatch(/Read\s+3,000/);
    expect(text).toMatch(/Created\s+2,890/);
    expect(text).toMatch(/Updated\s+5/);
    expect(text).toMatch(/Unchanged\s+0/);
    expect(text).toMatch(/Failed\s+105/);
    expect(text).toMatch(/Account numbers generated\s+300/);
    expect(text).toMatch(/Time taken\s+12\.3 s/);
    expect(text).toMatch(/Status\s+Warning \(some records failed/);
    expect(text).toContain('p2c history 4f1c2a9e');
    expect(text).toContain('First failures (2 of 105)');
    expect(text).toMatch(
      /ACC-20001-ABCDEF\s+UNKNOWN_COUNTRY\s+AddressCountryRegionISOCode: cannot resolve the country 'Atlantis'/,
    );
    expect(text).toMatch(/\(none\) id-2\s+KEY_WRITE_BACK_FAILED/);
  });

  it('lists what a dry run would write, and says nothing was written', () => {
    const text = renderSummary(
      aSummary({
        runId: null,
        dryRun: true,
        status: 'Completed',
        counts: { ...emptyCounts(), read: 2, created: 1, updated: 1 },
        failures: [],
        planned: [
          { taskId: 'Accounts - Account - Customers', key: 'usmf|ACC-1', status: 'created' },
          { taskId: 'Accounts - Account - Customers', key: 'usmf|ACC-2', status: 'updated' },
        ],
      }),
      'account number',
    );
    expect(text).toContain('dry run: nothing was written');
    expect(text).toMatch(/Would create\s+1/);
    expect(text).toMatch(/Account numbers to generate\s+0/);
    expect(text).toMatch(/create\s+usmf\|ACC-1/);
    expect(text).toMatch(/update\s+usmf\|ACC-2/);
    expect(text).not.toContain('p2c history');
  });

  it('says what stopped a run', () => {
    const text = renderSummary(
      aSummary({ status: 'Error', message: 'Accounts - Account - Customers: Microsoft Entra ID gave no token' }),
      'account number',
    );
    expect(text).toContain('Stopped: Accounts - Account - Customers: Microsoft Entra ID gave no token');
    expect(text).toMatch(/Status\s+Error/);
  });
});
