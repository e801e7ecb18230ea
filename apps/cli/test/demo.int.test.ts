import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('p2c demo syncs the sample accounts, then writes nothing on the second run', async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-demo-test-'));
  const capture = captureEnvironment({ cwd: dir });
  const code = await runCli(['demo', '--count', '400'], capture.environment);
  const out = capture.stdout();
  expect(code).toBe(0);
  const [first = '', second = ''] = out.split('\n2. Second run');
  expect(first).toContain('Sales holds 400 sample accounts');
  expect(first).toMatch(/Accounts \(Sales to Fin and Ops\): full run/);
  expect(first).toMatch(/Read\s+400\n/);
  expect(first).toMatch(/Status\s+Warning/);
  expect(first).toMatch(/Account numbers generated\s+[1-9]/);
  // Every planted problem shows up among the failures of the first run.
  const reasons = first.slice(first.indexOf('by reason:'));
  for (const code of ['VALUE_MAP_MISS', 'DESTINATION_REJECTED', 'UNKNOWN_COUNTRY']) expect(reasons).toMatch(new RegExp(`\\d+\\s+${code}`));
  expect(reasons).toMatch(/2\s+DUPLICATE_KEY\s+Account number '.+' is shared by 2 records/);
  expect(second).toMatch(/Created\s+0\n/);
  expect(second).toMatch(/Updated\s+0\n/);
  expect(out).toContain('The second run wrote nothing to F&O');
  expect(capture.stderr()).toContain('100% 400/400');
});
