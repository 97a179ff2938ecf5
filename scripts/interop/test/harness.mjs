// Shared helpers for the interop tests: locating the binary, a clean environment for it,
// free loopback ports, an HTTP server under test, and reading the audit lines it writes.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Path of the zscaler-mcp binary under test, from ZSCALER_MCP_BIN. */
export function binaryPath() {
  const bin = process.env.ZSCALER_MCP_BIN;
  if (!bin) {
    throw new Error('ZSCALER_MCP_BIN must name the zscaler-mcp binary (scripts/interop/run.sh sets it)');
  }
  return bin;
}

/**
 * The environment for the server: PATH and HOME only. Nothing from the caller's shell
 * (credentials, ZSCALER_MCP_* settings) can change what the tests observe.
 */
export function serverEnv() {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/' };
}

/**
 * A fresh empty working directory, so the server finds no .env file. The caller removes
 * it with removeDir.
 */
export function emptyDir() {
  return mkdtempSync(join(tmpdir(), 'zscaler-mcp-interop-'));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls check until it returns a truthy value or timeoutMs passes; returns that value. */
export async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

// The audit line layout: state tags padded to one width, then fields separated by " | ".
const CALL_RE = /^\[TOOL CALL\] (\S+) \| args: (\{.*\})$/;
const OK_RE = /^\[TOOL OK\] {3}(\S+) \| (\d+)ms \| (.+)$/;
const ERR_RE = /^\[TOOL ERR\] {2}(\S+) \| (\d+)ms \| ([A-Za-z]+): (.+)$/;

/**
 * Collects a server's stderr and parses its audit lines. Lines that start with "[TOOL"
 * but match none of the three layouts are kept as malformed, so a layout change fails
 * the tests instead of being skipped.
 */
export class AuditLog {
  constructor(stream) {
    this.text = '';
    stream.setEncoding?.('utf8');
    stream.on('data', (chunk) => {
      this.text += chunk;
    });
  }

  /** Every complete line that starts with "[TOOL", parsed. */
  entries() {
    const lines = this.text.split('\n');
    lines.pop(); // unterminated tail, if any
    const out = [];
    for (const line of lines) {
      if (!line.startsWith('[TOOL')) continue;
      let m;
      if ((m = CALL_RE.exec(line))) out.push({ state: 'CALL', tool: m[1], args: m[2], line });
      else if ((m = OK_RE.exec(line))) out.push({ state: 'OK', tool: m[1], ms: +m[2], summary: m[3], line });
      else if ((m = ERR_RE.exec(line))) {
        out.push({ state: 'ERR', tool: m[1], ms: +m[2], kind: m[3], message: m[4], line });
      } else out.push({ state: 'MALFORMED', line });
    }
    return out;
  }

  /** Waits until at least count audit lines exist, then returns the entries from index from. */
  async waitForEntries(from, count, timeoutMs = 5000) {
    await waitFor(() => this.entries().length >= from + count, timeoutMs,
      `${count} audit line(s) after line ${from}; stderr so far:\n${this.text}`);
    return this.entries().slice(from);
  }
}

/**
 * Starts the binary serving streamable HTTP in demo mode on a free port and waits for
 * GET /health to answer. Returns { url, base, audit, proc, stop }.
 */
export async function startHttpServer(extraArgs = []) {
  const cwd = emptyDir();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const proc = spawn(binaryPath(),
      ['--demo', '--transport', 'streamable-http', '--port', String(port), ...extraArgs],
      { cwd, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const audit = new AuditLog(proc.stderr);
    let stdout = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (c) => { stdout += c; });
    const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    let exit = null;
    exited.then((e) => { exit = e; });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(async () => {
        if (exit) throw new Error(`server exited early (${JSON.stringify(exit)}); stderr:\n${audit.text}`);
        try {
          const res = await fetch(`${base}/health`);
          return res.ok;
        } catch {
          return false;
        }
      }, 15000, `${base}/health`);
    } catch (err) {
      proc.kill('SIGKILL');
      await exited;
      // Another process may have taken the port between freePort and the bind.
      if (attempt < 3 && /address already in use/i.test(audit.text)) continue;
      removeDir(cwd);
      throw err;
    }
    const stop = async (signal = 'SIGTERM', timeoutMs = 10000) => {
      if (!exit) {
        proc.kill(signal);
        const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }
      removeDir(cwd);
      return exit;
    };
    return { url: new URL(`${base}/mcp`), base, audit, proc, stop, stdout: () => stdout };
  }
}
