// Runs the official MCP conformance suite against the binary's streamable HTTP transport in
// demo mode and compares the outcome with conformance-baseline.txt.
//
// The baseline lists the scenarios the server is known not to pass, each with a reason.
// The run fails when a scenario outside the baseline fails (a regression) and when a
// baseline entry passes (the baseline must shrink with it), so the file always says
// exactly where the server stands.
//
// Usage: node conformance.mjs            (ZSCALER_MCP_BIN names the binary)
// Env:   CONFORMANCE_KEEP=1 keeps the results directory and prints its path.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startHttpServer } from './test/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const baselinePath = join(here, 'conformance-baseline.txt');
const cli = join(here, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
// The whole suite takes well under a minute; this only stops a hung run.
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

/** Reads the baseline: "<scenario-id>  # reason" per line; blank and # lines are comments. */
function readBaseline(path) {
  const entries = new Map();
  const problems = [];
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+)\s+#\s*(\S.*)$/.exec(line);
    if (!m) {
      problems.push(`line ${i + 1}: expected "<scenario-id>  # reason", got: ${raw}`);
      return;
    }
    if (entries.has(m[1])) problems.push(`line ${i + 1}: ${m[1]} is listed twice`);
    entries.set(m[1], m[2]);
  });
  return { entries, problems };
}

/** Runs the suite's CLI, saving its output; resolves with the exit code and output. */
function runSuite(url, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'server', '--url', url, '--output-dir', outDir],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

// Result directories are named server-<scenario>-<ISO time with ':' and '.' as '-'>.
const DIR_RE = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/**
 * The outcome of every scenario the CLI ran: its list comes from the "Running scenario"
 * lines, its checks from the saved checks.json. A scenario that ran but saved no checks
 * crashed inside the suite and counts as failed.
 */
function collectResults(output, outDir) {
  const results = new Map();
  for (const m of output.matchAll(/^=== Running scenario: (\S+) ===$/gm)) {
    results.set(m[1], { checks: [], crashed: true });
  }
  for (const dir of readdirSync(outDir)) {
    const m = DIR_RE.exec(dir);
    const file = join(outDir, dir, 'checks.json');
    if (!m || !existsSync(file)) continue;
    results.set(m[1], { checks: JSON.parse(readFileSync(file, 'utf8')), crashed: false });
  }
  for (const r of results.values()) {
    r.failures = r.checks.filter((c) => c.status === 'FAILURE');
    r.passed = !r.crashed && r.failures.length === 0;
  }
  return results;
}

function firstFailure(result) {
  if (result.crashed) return 'the scenario did not complete (see the suite output above)';
  const f = result.failures[0];
  return `${f.name}: ${f.errorMessage ?? f.description ?? 'failed'}`.replace(/\s+/g, ' ').slice(0, 160);
}

async function main() {
  const { entries: baseline, problems } = readBaseline(baselinePath);
  if (problems.length) {
    console.error(`conformance: ${baselinePath} is malformed:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  if (!existsSync(cli)) {
    console.error('conformance: the suite is not installed; run npm ci in scripts/interop');
    return 1;
  }

  const outDir = mkdtempSync(join(tmpdir(), 'zscaler-mcp-conformance-'));
  const server = await startHttpServer();
  let run;
  try {
    console.log(`conformance: running the active server suite against ${server.url}`);
    run = await runSuite(server.url.href, outDir);
  } finally {
    await server.stop('SIGKILL');
  }
  writeFileSync(join(outDir, 'suite-output.txt'), run.output);
  const results = collectResults(run.output, outDir);

  const passed = [...results].filter(([, r]) => r.passed).map(([id]) => id);
  const failed = [...results].filter(([, r]) => !r.passed).map(([id]) => id);
  const unexpected = failed.filter((id) => !baseline.has(id));
  const stale = [...baseline.keys()].filter((id) => results.get(id)?.passed);
  const unknown = [...baseline.keys()].filter((id) => !results.has(id));

  // The suite's own output only lists the scenarios it ran; it matters when one crashed.
  const crashed = [...results.values()].some((r) => r.crashed);
  if (results.size === 0 || (crashed && unexpected.length)) {
    console.log(`\n--- conformance suite output ---\n${run.output.trimEnd()}\n--- end of suite output ---`);
  }

  console.log(`\nConformance: ${results.size} scenarios, ${passed.length} pass, ${failed.length} fail`);
  for (const [id, r] of [...results].sort(([a], [b]) => a.localeCompare(b))) {
    if (r.passed) console.log(`  pass      ${id}`);
    else if (baseline.has(id)) console.log(`  expected  ${id}  # ${baseline.get(id)}`);
    else console.log(`  FAIL      ${id}  -- ${firstFailure(r)}`);
  }

  let status = 0;
  if (results.size === 0) {
    console.log(`\nconformance: the suite ran no scenario (exit ${run.code ?? run.signal})`);
    status = 1;
  }
  if (unexpected.length) {
    console.log('\nconformance: scenarios failing that the baseline does not list (regressions).');
    console.log('Fix the server, or, if the scenario cannot apply to this server, add a line');
    console.log('with an honest reason to scripts/interop/conformance-baseline.txt:');
    for (const id of unexpected) console.log(`  ${id}  # ${firstFailure(results.get(id))}`);
    console.log('Failed checks:');
    for (const id of unexpected) {
      for (const f of results.get(id).failures) {
        console.log(`  ${id}: ${f.name}: ${f.description ?? ''}`);
        if (f.errorMessage) console.log(`    ${f.errorMessage}`);
      }
    }
    status = 1;
  }
  if (stale.length) {
    console.log('\nconformance: baseline entries that now pass; remove them from');
    console.log('scripts/interop/conformance-baseline.txt:');
    for (const id of stale) console.log(`  ${id}`);
    status = 1;
  }
  if (unknown.length) {
    console.log('\nconformance: baseline entries the suite did not run (renamed or retired);');
    console.log('remove them from scripts/interop/conformance-baseline.txt:');
    for (const id of unknown) console.log(`  ${id}`);
    status = 1;
  }

  if (process.env.CONFORMANCE_KEEP === '1') console.log(`\nconformance: results kept in ${outDir}`);
  else rmSync(outDir, { recursive: true, force: true });

  console.log(status === 0
    ? `conformance: OK (${passed.length} pass, ${failed.length} known failures in the baseline)`
    : 'conformance: FAILED');
  return status;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`conformance: ${err.stack ?? err}`);
  process.exitCode = 1;
});
