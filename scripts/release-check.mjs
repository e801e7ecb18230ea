#!/usr/bin/env node
// pnpm release:check — proves that what `changeset publish` would publish works on its own:
// build, version a scratch copy of the workspace, pack every public package (and examples/*),
// then install the tarballs with plain npm into an empty folder and run p2c from there against
// its own emulator. Plain Node ESM, no dependencies, so it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'p2c-release-check-'));
const paths = {
  workspace: join(scratch, 'workspace'),
  tarballs: join(scratch, 'tarballs'),
  consumer: join(scratch, 'consumer'),
  logs: join(scratch, 'logs'),
};
mkdirSync(paths.logs, { recursive: true });

/** The accounts seed the install test syncs: one account gets its number from p2c. */
const SEED = {
  sales: {
    accounts: [
      {
        name: 'Contoso Ltd',
        accountnumber: 'ACC-09001-CONTSO',
        address1_country: 'United States',
        address1_city: 'Seattle',
        transactioncurrencyid: { isocurrencycode: 'USD' },
      },
      {
        name: 'Fabrikam GmbH',
        address1_country: 'germany',
        address1_city: 'Berlin',
        transactioncurrencyid: { isocurrencycode: 'EUR' },
      },
      { name: 'Northwind Traders', accountnumber: 'ACC-09002-NWTRAD', address1_country: 'DEU' },
    ],
  },
  finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
};
const timings = [];
const notes = [];

class StepFailure extends Error {
  constructor(step, cause) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.step = step;
  }
}

async function step(name, action) {
  const started = performance.now();
  process.stdout.write(`▶ ${name}\n`);
  try {
    const result = await action();
    const seconds = (performance.now() - started) / 1000;
    timings.push([name, seconds]);
    process.stdout.write(`  ✓ ${name} (${seconds.toFixed(1)} s)\n`);
    return result;
  } catch (error) {
    throw error instanceof StepFailure ? error : new StepFailure(name, error);
  }
}

/** The environment for npm and p2c outside the workspace: nothing pnpm set for this script. */
function outsideEnv(extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|pnpm_|PNPM_)/.test(name) && !name.startsWith('P2C_') && name !== 'NODE_OPTIONS',
    ),
  );
  return { ...env, ...extra };
}

let logCount = 0;
/** Runs a command to its end; its output goes to a log file, and into the error when it fails. */
function run(command, args, { cwd, env = process.env, expectCode = 0 } = {}) {
  const label = [command, ...args.slice(0, 3)]
    .map((part) => basename(String(part)))
    .join('-')
    .replace(/[^\w.-]/g, '_');
  const log = join(paths.logs, `${String(++logCount).padStart(2, '0')}-${label}.log`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        writeFileSync(
          log,
          `$ ${command} ${args.join(' ')}\n(in ${cwd}, exit ${code})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
        );
      } catch {
        // the log is a convenience; the outcome below is what counts
      }
      if (expectCode !== null && code !== expectCode) {
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
        reject(
          new Error(`\`${command} ${args.join(' ')}\` exited ${code} (expected ${expectCode}); log: ${log}\n${tail}`),
        );
      } else resolvePromise({ code, stdout, stderr });
    });
  });
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Workspace package folders, from pnpm-workspace.yaml's `packages:` globs (plain names and `*` segments). */
function workspacePackages(workspaceRoot) {
  const yaml = readFileSync(join(workspaceRoot, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  const globs = [...block.matchAll(/-\s*['"]?([^'"\s]+)['"]?/g)].map((m) => m[1]);
  const dirs = new Set();
  for (const glob of globs) {
    const segments = glob.split('/');
    check(
      segments.every((segment) => segment === '*' || !/[*?{[]/.test(segment)),
      `pnpm-workspace.yaml: only plain names and '*' segments are understood here, got '${glob}'`,
    );
    let matches = [workspaceRoot];
    for (const segment of segments) {
      matches = matches.flatMap((parent) => {
        if (segment !== '*') return existsSync(join(parent, segment)) ? [join(parent, segment)] : [];
        if (!existsSync(parent)) return [];
        return readdirSync(parent, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
          .map((entry) => join(parent, entry.name));
      });
    }
    for (const dir of matches) if (existsSync(join(dir, 'package.json'))) dirs.add(dir);
  }
  return [...dirs].map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }));
}

// --- (a) build ----------------------------------------------------------------------------
async function build() {
  await run('pnpm', ['build'], { cwd: root });
}

// --- (b) version a scratch copy -----------------------------------------------------------
async function versionScratchCopy() {
  const skip = new Set(['node_modules', '.git', '.turbo']);
  cpSync(root, paths.workspace, { recursive: true, filter: (source) => !skip.has(basename(source)) });
  const packages = workspacePackages(paths.workspace);
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  // `pnpm pack` turns workspace:* into the version it reads from node_modules/<dep>/package.json,
  // so each package gets links to its workspace dependencies in the copy (no install needed).
  for (const { dir, manifest } of packages) {
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (!String(range).startsWith('workspace:')) continue;
        const target = byName.get(name);
        check(target, `${manifest.name}: ${name}@${range} is not a workspace package`);
        const link = join(dir, 'node_modules', name);
        if (existsSync(link)) continue;
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(relative(dirname(link), target.dir), link, 'dir');
      }
    }
  }
  // changeset resolves its changelog generator from the workspace root.
  const changesetsCli = realpathSync(join(root, 'node_modules/@changesets/cli'));
  mkdirSync(join(paths.workspace, 'node_modules/@changesets'), { recursive: true });
  symlinkSync(changesetsCli, join(paths.workspace, 'node_modules/@changesets/cli'), 'dir');

  const before = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
  const pending = readdirSync(join(paths.workspace, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  await run(process.execPath, [join(changesetsCli, 'bin.js'), 'version'], { cwd: paths.workspace });
  const after = workspacePackages(paths.workspace);
  const publics = after.filter((p) => !p.manifest.private && !relative(paths.workspace, p.dir).startsWith('examples/'));
  for (const { dir, manifest } of after) {
    if (!relative(paths.workspace, dir).startsWith('examples/')) continue;
    const was = packages.find((p) => p.dir === dir)?.manifest.version;
    check(
      manifest.version === was,
      `${manifest.name}: changeset version bumped an example (${was} → ${manifest.version}); make it private or ignored`,
    );
  }
  const bumped = publics.filter((p) => p.manifest.version !== before.get(p.manifest.name));
  if (pending.length > 0) {
    check(bumped.length > 0, `${pending.length} changesets are pending but changeset version bumped nothing`);
    for (const { dir, manifest } of publics) {
      check(existsSync(join(dir, 'CHANGELOG.md')), `${manifest.name}: changeset version wrote no CHANGELOG.md`);
    }
  } else notes.push('no pending changesets: packed at the current versions');
  const versions = [...new Set(publics.map((p) => p.manifest.version))];
  notes.push(
    `${pending.length} changesets → ${publics.length} public packages at ${versions.join(', ')} (from ${[...new Set(publics.map((p) => before.get(p.manifest.name)))].join(', ')})`,
  );
  return after;
}

// --- (c) pack -----------------------------------------------------------------------------
async function packAll(packages) {
  mkdirSync(paths.tarballs, { recursive: true });
  const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
  const isExample = (dir) => relative(paths.workspace, dir).startsWith('examples/');
  const toPack = packages.filter((p) => !p.manifest.private || isExample(p.dir));
  const packed = [];
  for (const { dir, manifest } of toPack) {
    // Lifecycle scripts off: (a) built everything, and a prepack build would need the copy's devDependencies.
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', paths.tarballs], {
      cwd: dir,
      env: { ...process.env, npm_config_ignore_scripts: 'true' },
    });
    const tarball = stdout
      .trim()
      .split('\n')
      .filter((line) => line.endsWith('.tgz'))
      .pop();
    check(tarball && existsSync(tarball), `${manifest.name}: pnpm pack printed no tarball path`);
    verifyTarball(tarball, manifest, versions, dir, isExample(dir));
    packed.push({ name: manifest.name, tarball, example: isExample(dir), dir });
  }
  return packed;
}

/** What a consumer gets: real versions, no workspace-only condition, dist but no sources or tests. */
function verifyTarball(tarball, manifest, versions, dir, example) {
  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  check(list.status === 0, `tar -tzf ${tarball}: ${list.stderr}`);
  const files = list.stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  const stray = files.filter(
    (f) => /(^|\/)(src|test)\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f) || /(^|\/)tsconfig.*\.json$/.test(f),
  );
  check(stray.length === 0, `${manifest.name}: the tarball holds sources or tests: ${stray.slice(0, 5).join(', ')}`);
  check(
    files.includes('package.json') && files.includes('README.md'),
    `${manifest.name}: the tarball lacks package.json or README.md`,
  );
  const packedJson = JSON.parse(
    spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
  );
  const text = JSON.stringify(packedJson);
  check(!text.includes('workspace:'), `${manifest.name}: the packed package.json still has a workspace: range`);
  check(!text.includes('@p2c/source'), `${manifest.name}: the packed exports still carry the @p2c/source condition`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(packedJson[field] ?? {})) {
      const declared = manifest[field]?.[name];
      if (!versions.has(name) || !declared?.startsWith('workspace:')) continue;
      const kind = declared.slice('workspace:'.length);
      const expected =
        kind === '*' ? versions.get(name) : kind === '^' || kind === '~' ? `${kind}${versions.get(name)}` : kind;
      check(range === expected, `${manifest.name}: ${name} (${declared}) packed as ${range}, expected ${expected}`);
    }
  }
  if (example) return;
  check(
    packedJson.version === manifest.version,
    `${manifest.name}: packed ${packedJson.version}, versioned ${manifest.version}`,
  );
  check(
    !existsSync(join(dir, 'CHANGELOG.md')) || files.includes('CHANGELOG.md'),
    `${manifest.name}: its CHANGELOG.md is not in the tarball`,
  );
  for (const target of Object.values(packedJson.bin ?? {}))
    check(files.includes(target.replace(/^\.\//, '')), `${manifest.name}: bin ${target} is not in the tarball`);
  const entry = packedJson.exports?.['.'];
  for (const target of [entry?.import, entry?.types, packedJson.types].filter(Boolean)) {
    check(
      files.includes(target.replace(/^\.\//, '')),
      `${manifest.name}: ${target} (exports/types) is not in the tarball`,
    );
  }
  for (const field of ['name', 'version', 'license', 'engines', 'repository', 'files', 'exports', 'types']) {
    check(packedJson[field] !== undefined, `${manifest.name}: the packed package.json has no ${field}`);
  }
}

// --- (d) install and run outside the workspace -------------------------------------------
async function installTarballs(packed) {
  mkdirSync(paths.consumer, { recursive: true });
  const env = outsideEnv();
  await run('npm', ['init', '-y'], { cwd: paths.consumer, env });
  await run('npm', ['install', '--no-audit', '--no-fund', ...packed.map((p) => p.tarball)], {
    cwd: paths.consumer,
    env,
  });
  const installed = readJson(join(paths.consumer, 'package.json')).dependencies ?? {};
  for (const { name } of packed) check(name in installed, `${name} is not among the consumer's dependencies`);
  // npm warns, not fails, on an engines mismatch: make any dependency that excludes this Node loud.
  const excluded = enginesExcluding(join(paths.consumer, 'node_modules'));
  check(
    excluded.length === 0,
    `installed dependencies that do not support Node ${process.versions.node}: ${excluded.join(', ')}`,
  );
  const azure = ['@azure/core-rest-pipeline', '@azure/core-auth', '@typespec/ts-http-runtime']
    .map((name) => join(paths.consumer, 'node_modules', name, 'package.json'))
    .filter((file) => existsSync(file))
    .map((file) => `${readJson(file).name}@${readJson(file).version}`);
  notes.push(`every installed dependency declares support for Node ${process.versions.node} (${azure.join(', ')})`);
}

/** Installed packages (nested ones too) whose engines.node leaves out the running Node. */
function enginesExcluding(modulesDir, found = []) {
  if (!existsSync(modulesDir)) return found;
  for (const entry of readdirSync(modulesDir)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? readdirSync(join(modulesDir, entry)).map((name) => join(modulesDir, entry, name))
      : [join(modulesDir, entry)];
    for (const dir of dirs) {
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = readJson(manifestPath);
      const range = manifest.engines?.node;
      if (typeof range === 'string' && !satisfiesNodeMajor(range))
        found.push(`${manifest.name}@${manifest.version} (node ${range})`);
      enginesExcluding(join(dir, 'node_modules'), found);
    }
  }
  return found;
}

/** A rough engines check for ranges like '>=20.0.0' or '>=18 || >=20': enough to catch '>=22'. */
function satisfiesNodeMajor(range) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return range.split('||').some((part) => {
    const lower = /^\s*>=?\s*v?(\d+)(?:\.(\d+))?/.exec(part);
    if (!lower) return true;
    const wantMajor = Number(lower[1]);
    const wantMinor = Number(lower[2] ?? 0);
    return major > wantMajor || (major === wantMajor && minor >= wantMinor);
  });
}

function p2c(args, options = {}) {
  return run('npx', ['--no', 'p2c', ...args], {
    cwd: paths.consumer,
    env: outsideEnv(options.env),
    expectCode: options.expectCode ?? 0,
  });
}

async function listTemplates() {
  const { stdout } = await p2c(['templates', '--json']);
  const text = stdout;
  for (const id of ['accounts', 'contacts', 'contact-to-customer', 'products', 'quotes', 'orders', 'invoices']) {
    check(text.includes(`"${id}"`), `p2c templates does not list '${id}'`);
  }
  return JSON.parse(stdout);
}

/** `p2c emulator` in the background; its URL is the first line on stdout. */
function startEmulator(seedFile) {
  // Its own process group, so stopping it reaches the node behind npx too.
  const child = spawn('npx', ['--no', 'p2c', 'emulator', '--port', '0', '--seed', seedFile], {
    cwd: paths.consumer,
    env: outsideEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  const url = new Promise((resolveUrl, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline !== -1) resolveUrl(stdout.slice(0, newline).trim());
    });
    void exited.then(({ code }) =>
      reject(new Error(`p2c emulator exited (${code}) before printing its URL: ${stderr}`)),
    );
    setTimeout(() => reject(new Error(`p2c emulator printed no URL within 60 s: ${stderr}`)), 60_000).unref();
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGINT');
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

function getJson(url, ca) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolvePromise(JSON.parse(body))
          : reject(new Error(`GET ${url}: ${res.statusCode} ${body}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function postJson(url, ca, value) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { ca, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolvePromise(JSON.parse(body))
          : reject(new Error(`POST ${url}: ${res.statusCode} ${body}`)),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify(value));
  });
}

/** Adds a plugin to the `plugins:` list p2c init wrote (p2c's own template plugins). */
function addPlugin(name) {
  const file = join(paths.consumer, 'p2c.config.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/^(plugins:\n(?:[ \t]+-.*\n)*)/m, `$1  - "${name}"\n`);
  check(next !== text, 'p2c.config.yaml has no plugins: list to add to');
  writeFileSync(file, next);
}

/** Adds a connection of a plugin's kind to the `connections:` section p2c init wrote. */
function addConnection(name, kind, folder) {
  const file = join(paths.consumer, 'p2c.config.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/^connections:\n/m, `connections:\n  ${name}:\n    kind: ${kind}\n    folder: ${folder}\n`);
  check(next !== text, 'p2c.config.yaml has no connections: section to add to');
  writeFileSync(file, next);
}

/** The lines of a JSON-lines file the consumer's p2c wrote. */
function jsonLinesOf(file) {
  return readFileSync(join(paths.consumer, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * Runs a connector plugin's customer export against the running emulator, and checks it wrote
 * one line per F&O customer; a second run writes nothing.
 */
async function runCustomerExport(templateId, file, { env, url, ca }) {
  const customers = await getJson(`${url}/_emulator/finops/customers`, ca);
  const first = JSON.parse((await p2c(['run', templateId, '--json'], { env })).stdout);
  check(
    first.status === 'Completed' && first.counts?.created === customers.length && first.counts?.failed === 0,
    `run ${templateId}: ${first.status} ${JSON.stringify(first.counts)} for ${customers.length} F&O customers`,
  );
  const lines = jsonLinesOf(file);
  check(lines.length === customers.length, `${file} holds ${lines.length} lines for ${customers.length} customers`);
  const second = JSON.parse((await p2c(['run', templateId, '--json'], { env })).stdout);
  check(
    second.counts?.created === 0 && second.counts?.updated === 0,
    `second run ${templateId} wrote again: ${JSON.stringify(second.counts)}`,
  );
  return lines.length;
}

/**
 * The example connector, installed from its tarball like any third-party plugin: a connection
 * of its kind is added to the config, and the template it ships exports F&O customers to a file.
 */
async function syncExampleConnector(example, context) {
  check(example, 'examples/ has no connector plugin (examples/connector-files)');
  addPlugin(example.name);
  addConnection('evidence', 'files', './evidence');
  const written = await runCustomerExport('customers-to-files', 'evidence/customers.jsonl', context);
  notes.push(
    `example ${example.name}: connector 'files', template 'customers-to-files' wrote ${written} lines to evidence/customers.jsonl; a second run wrote nothing`,
  );
}

/**
 * The path a connector author takes, with only the packed packages: \`p2c connector new\`, its
 * own tests (unit and against the emulator), \`npm pack\`, then that tarball installed into the
 * p2c project, a connection of its kind added, and its template run against the running emulator.
 */
async function scaffoldConnectorAsNewUser(packed, context) {
  const dir = join(scratch, 'p2c-connector-archive');
  const outside = outsideEnv();
  const created = await p2c(['connector', 'new', 'archive', '--dir', dir]);
  const p2cTarballs = packed.filter((p) => !p.example).map((p) => p.tarball);
  await run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', ...p2cTarballs], { cwd: dir, env: outside });
  const tested = await run('npm', ['test'], { cwd: dir, env: outside });
  // vitest colours its summary even into a pipe; the counts are read from the plain text.
  const testSummary = stripVTControlCharacters(tested.stdout);
  const testsPassed = /Tests\s+(\d+) passed/.exec(testSummary)?.[1];
  check(testsPassed === '4', `the new connector's tests did not pass as generated:\n${tested.stdout.slice(-800)}`);
  const { stdout } = await run('npm', ['pack', '--silent'], { cwd: dir, env: outside });
  const tarball = join(dir, stdout.trim().split('\n').pop());
  check(existsSync(tarball), `npm pack of the new connector printed no tarball: ${stdout}`);
  await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: paths.consumer, env: outside });
  addPlugin('p2c-connector-archive');
  addConnection('archive', 'archive', './archive');
  const written = await runCustomerExport('customers-to-archive', 'archive/customers.jsonl', context);
  notes.push(
    `new user: p2c connector new archive (${created.stdout.split('\n')[0]}) -> npm test: ${testsPassed} tests passed, npm pack ${basename(tarball)}, installed, 'p2c run customers-to-archive' wrote ${written} lines to archive/customers.jsonl`,
  );
}

async function runAccounts(env, url, ca) {
  const { stdout } = await p2c(['run', 'accounts', '--json'], { env });
  const summary = JSON.parse(stdout);
  check(summary.status === 'Completed', `run accounts ended ${summary.status}`);
  check(
    summary.counts?.created === 3 && summary.counts?.failed === 0,
    `run accounts counts: ${JSON.stringify(summary.counts)}`,
  );
  const customers = await getJson(`${url}/_emulator/finops/customers`, ca);
  const names = customers.map((c) => c.OrganizationName).sort();
  check(
    JSON.stringify(names) === JSON.stringify(['Contoso Ltd', 'Fabrikam GmbH', 'Northwind Traders']),
    `F&O customers after the run: ${names.join(', ')}`,
  );
  notes.push(`accounts: ${customers.length} customers in F&O`);
}

/**
 * The example plugin, installed from its tarball like any third-party plugin: the seed it ships
 * (declaring its Sales table and F&O entity) is added to the running emulator, the one template
 * it adds is synced, and its rows are checked in F&O. Skipped while examples/ holds no plugin.
 */
async function syncExample(example, { env, url, ca }) {
  if (!example) {
    notes.push('examples/ has no plugin yet: example step skipped');
    process.stdout.write('  examples/ has no plugin yet: skipping the example plugin\n');
    return;
  }
  const installedDir = join(paths.consumer, 'node_modules', example.name);
  const seedFile = readdirSync(installedDir).find((f) => /seed.*\.json$/i.test(f));
  check(seedFile, `${example.name}: its package ships no seed file (*seed*.json) declaring its tables to the emulator`);
  const seed = readJson(join(installedDir, seedFile));
  const table = seed.sales?.tables?.[0]?.set;
  const entitySet = seed.finops?.entities?.[0]?.entitySet;
  check(table && entitySet, `${example.name}/${seedFile}: expected one declared Sales table and one F&O entity`);
  await postJson(`${url}/_emulator/seed`, ca, seed);

  const before = new Set((await listTemplates()).map((t) => t.id));
  addPlugin(example.name);
  const added = (await listTemplates()).map((t) => t.id).filter((id) => !before.has(id));
  check(
    added.length === 1,
    `${example.name} should add one template to 'p2c templates', it added: ${added.join(', ') || 'none'}`,
  );
  const [templateId] = added;

  const { stdout } = await p2c(['run', templateId, '--json'], { env });
  const summary = JSON.parse(stdout);
  check(summary.status === 'Completed', `run ${templateId} ended ${summary.status}: ${JSON.stringify(summary.counts)}`);
  const source = (await getJson(`${url}/_emulator/sales/tables/${table}`, ca)).value;
  const active = source.filter((row) => (row.statecode ?? 0) === 0);
  const rows = (await getJson(`${url}/_emulator/finops/entities/${entitySet}`, ca)).value;
  check(active.length > 0, `the example seed put no active rows in ${table}`);
  check(
    summary.counts?.created === active.length,
    `run ${templateId} created ${summary.counts?.created} for ${active.length} active ${table}`,
  );
  check(
    rows.length === active.length,
    `${entitySet} has ${rows.length} rows for ${active.length} active ${table} (of ${source.length})`,
  );
  notes.push(
    `example ${example.name}: template '${templateId}' wrote ${rows.length} ${entitySet} rows (${source.length - active.length} filtered out)`,
  );

  // A user who breaks the manifest gets one message naming the plugin and the problem.
  const entry = join(installedDir, 'dist', 'index.js');
  const built = readFileSync(entry, 'utf8');
  writeFileSync(entry, built.replace(/coreApi: "[^"]*"/, 'coreApi: "^9.0.0"'));
  try {
    const refused = await p2c(['templates'], { env, expectCode: 3 });
    check(refused.code === 3, `p2c templates with a broken manifest exited ${refused.code}, expected 3`);
    check(
      refused.stderr.includes(`Plugin '${example.name}'`) && refused.stderr.includes('was built for core ^9.0.0'),
      `p2c templates with a broken manifest said: ${refused.stderr.trim()}`,
    );
    notes.push(`broken manifest: ${refused.stderr.trim()}`);
  } finally {
    writeFileSync(entry, built);
  }
}

/**
 * The path a template author takes, with only the packed packages: \`p2c template new\` for an
 * entity no first-party template covers, its own test against the emulator, \`npm pack\`, then
 * that tarball installed into the p2c project and run against the running emulator.
 */
async function scaffoldAsNewUser(packed, { env, url, ca }) {
  const dir = join(scratch, 'p2c-template-facilities');
  const outside = outsideEnv();
  await p2c(['template', 'new', 'facilities', '--dir', dir]);
  // Until p2c is on the registry, its packages come from their tarballs (they replace the ^ ranges).
  const p2cTarballs = packed.filter((p) => !p.example).map((p) => p.tarball);
  await run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', ...p2cTarballs], { cwd: dir, env: outside });
  const tested = await run('npm', ['test'], { cwd: dir, env: outside });
  check(
    /2 passed/.test(tested.stdout),
    `the new template's own test did not pass as generated:\n${tested.stdout.slice(-800)}`,
  );
  const { stdout } = await run('npm', ['pack', '--silent'], { cwd: dir, env: outside });
  const tarball = join(dir, stdout.trim().split('\n').pop());
  check(existsSync(tarball), `npm pack of the new template printed no tarball: ${stdout}`);

  await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: paths.consumer, env: outside });
  await postJson(`${url}/_emulator/seed`, ca, readJson(join(dir, 'emulator-seed.json')));
  addPlugin('p2c-template-facilities');
  const run1 = JSON.parse((await p2c(['run', 'facilities', '--json'], { env })).stdout);
  check(
    run1.status === 'Completed' && run1.counts?.created === 2 && run1.counts?.filtered === 1,
    `run facilities: ${run1.status} ${JSON.stringify(run1.counts)}`,
  );
  const rows = (await getJson(`${url}/_emulator/finops/entities/Facilities`, ca)).value;
  check(rows.length === 2, `Facilities holds ${rows.length} rows, expected 2`);
  notes.push(
    `new user: p2c template new facilities -> its test passed, npm pack, installed, 'p2c run facilities' wrote ${rows.length} Facilities rows (1 left out)`,
  );
}

async function consumerRun(packed) {
  writeFileSync(join(paths.consumer, 'seed.json'), JSON.stringify(SEED, null, 2));
  const emulator = startEmulator('seed.json');
  try {
    const url = await step('p2c emulator --port 0 --seed seed.json', () => emulator.url);
    const env = await step('p2c init --emulator', async () => {
      const { stdout } = await p2c(['init', '--emulator', url]);
      const secrets = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
      check(Object.keys(secrets).length === 2, `p2c init printed no export lines: ${stdout}`);
      return secrets;
    });
    const ca = readFileSync(join(paths.consumer, '.p2c', 'emulator-ca.pem'), 'utf8');
    await step('p2c run accounts', () => runAccounts(env, url, ca));
    const example = packed.find((p) => p.example && basename(p.dir).startsWith('template-'));
    await step('example plugin sync', () => syncExample(example, { env, url, ca }));
    await step('a new template, as a new user makes it', () => scaffoldAsNewUser(packed, { env, url, ca }));
    const connector = packed.find((p) => p.example && basename(p.dir).startsWith('connector-'));
    await step('example connector plugin sync', () => syncExampleConnector(connector, { env, url, ca }));
    await step('a new connector, as a new user makes it', () => scaffoldConnectorAsNewUser(packed, { env, url, ca }));
  } finally {
    const exit = await emulator.stop();
    if (exit.code !== 0 && exit.signal !== 'SIGINT')
      notes.push(`the emulator exited ${exit.code ?? exit.signal} when stopped`);
  }
}

// --- main ---------------------------------------------------------------------------------
const started = performance.now();
try {
  process.stdout.write(`p2c release check (Node ${process.versions.node}); scratch: ${scratch}\n`);
  if (process.argv.includes('--no-build'))
    notes.push('build skipped (--no-build): packed the dist/ folders as they are');
  else await step('build (pnpm build)', build);
  const packages = await step('changeset version (scratch copy)', versionScratchCopy);
  const packed = await step('pack public packages and examples', () => packAll(packages));
  notes.push(`${packed.length} tarballs`);
  await step('npm install the tarballs (empty folder)', () => installTarballs(packed));
  await step('p2c templates', async () => {
    const { stdout } = await p2c(['templates']);
    check(stdout.includes('accounts'), `p2c templates printed no accounts template:\n${stdout}`);
    notes.push(`p2c templates: ${(await listTemplates()).length} templates`);
  });
  await consumerRun(packed);
  const total = (performance.now() - started) / 1000;
  process.stdout.write(`\nrelease check passed in ${total.toFixed(1)} s\n`);
  for (const [name, seconds] of timings) process.stdout.write(`  ${seconds.toFixed(1).padStart(7)} s  ${name}\n`);
  for (const note of notes) process.stdout.write(`  - ${note}\n`);
  rmSync(scratch, { recursive: true, force: true });
} catch (error) {
  const failed = error instanceof StepFailure ? error.step : 'release check';
  process.stderr.write(
    `\n✗ release check FAILED at: ${failed}\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.stderr.write(`scratch folders kept for inspection: ${scratch} (workspace/, tarballs/, consumer/, logs/)\n`);
  process.exitCode = 1;
}
