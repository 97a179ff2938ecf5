// The official MCP TypeScript client drives the binary over stdio in demo mode, the way a
// desktop agent launches it, and checks every tool call's audit line pair on stderr.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

import { AuditLog, binaryPath, emptyDir, removeDir, serverEnv } from './harness.mjs';
import { assertToolCatalogue, listAllTools, parseTextJSON } from './tools.mjs';

describe('stdio transport', { timeout: 120000 }, () => {
  let client;
  let transport;
  let audit;
  let cwd;
  const clientErrors = [];
  // Every tools/call this suite sends, in order, with the audit outcome it expects.
  const calls = [];

  before(async () => {
    cwd = emptyDir();
    transport = new StdioClientTransport({
      command: binaryPath(),
      args: ['--demo', '--log-tool-calls'],
      env: serverEnv(),
      cwd,
      stderr: 'pipe',
    });
    audit = new AuditLog(transport.stderr);
    client = new Client({ name: 'zscaler-mcp-interop', version: '1.0.0' });
    // A stray byte on stdout would surface here as a parse error.
    client.onerror = (err) => clientErrors.push(err);
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
    removeDir(cwd);
  });

  /**
   * Sends one tools/call and checks that it produced exactly one [TOOL CALL] line and
   * then exactly one [TOOL OK] or [TOOL ERR] line for the same tool. Returns the result
   * (or the protocol error) together with the two audit entries.
   */
  async function callAudited(name, args, expectState) {
    const from = audit.entries().length;
    let result;
    let error;
    try {
      result = await client.callTool({ name, arguments: args });
    } catch (err) {
      error = err;
    }
    calls.push({ name, expectState });
    const [call, outcome] = await audit.waitForEntries(from, 2);
    assert.equal(call.state, 'CALL', `first audit line for ${name}: ${call.line}`);
    assert.equal(call.tool, name);
    assert.equal(outcome.state, expectState, `second audit line for ${name}: ${outcome.line}`);
    assert.equal(outcome.tool, name);
    assert.ok(outcome.ms >= 0);
    return { result, error, call, outcome };
  }

  it('initializes and reports the server identity and tool capability', () => {
    const info = client.getServerVersion();
    assert.ok(info?.name, 'serverInfo.name is set');
    assert.ok(info?.version, 'serverInfo.version is set');
    assert.ok(client.getServerCapabilities()?.tools, 'tools capability is advertised');
  });

  it('lists more than 60 tools, each with all four annotation hints', async () => {
    const tools = await listAllTools(client);
    assertToolCatalogue(tools);
  });

  it('lists ZIA locations matching a search, with structured content', async () => {
    const { result, call, outcome } = await callAudited('zia_list_locations', { search: 'a' }, 'OK');
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    const locations = result.structuredContent?.result;
    assert.ok(Array.isArray(locations), 'structuredContent.result is the list of locations');
    assert.ok(locations.length > 0, 'the demo tenant has locations whose name contains "a"');
    for (const loc of locations) {
      assert.match(loc.name, /a/i, `location ${loc.name} matches the search`);
    }
    assert.deepEqual(parseTextJSON(result), locations, 'text content carries the same JSON');
    assert.match(call.args, /search/);
    assert.match(call.args, /"a"/);
    const unit = locations.length === 1 ? 'item' : 'items';
    assert.equal(outcome.summary, `${locations.length} ${unit}`);
  });

  it('gets one ZIA location by the id the list returned', async () => {
    const list = await callAudited('zia_list_locations', {}, 'OK');
    const first = list.result.structuredContent.result[0];
    assert.ok(first?.id !== undefined, 'listed locations carry an id');
    const { result, outcome } = await callAudited('zia_get_location', { location_id: first.id }, 'OK');
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    assert.equal(result.structuredContent?.id, first.id);
    assert.equal(result.structuredContent?.name, first.name);
    assert.equal(outcome.summary, 'ok');
  });

  it('pages through ZMS agents', async () => {
    const { result, outcome } = await callAudited('zms_list_agents', { page: 1, page_size: 2 }, 'OK');
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    const { nodes, pageInfo } = result.structuredContent ?? {};
    assert.ok(Array.isArray(nodes), 'structuredContent.nodes is the page of agents');
    assert.ok(nodes.length > 0 && nodes.length <= 2, `page of ${nodes.length} agents`);
    assert.ok(pageInfo && typeof pageInfo === 'object', 'structuredContent.pageInfo is present');
    const unit = nodes.length === 1 ? 'item' : 'items';
    assert.equal(outcome.summary, `${nodes.length} ${unit}`);
  });

  it('checks connectivity to the simulated tenant', async () => {
    const { result } = await callAudited('zscaler_check_connectivity', {}, 'OK');
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    assert.ok(result.structuredContent, 'structured content is present');
  });

  it('rejects an unknown tool name and audits the attempt', async () => {
    const name = 'zia_no_such_tool';
    const { result, error, outcome } = await callAudited(name, {}, 'ERR');
    if (error) {
      assert.ok(error instanceof McpError, `protocol error, got ${error}`);
    } else {
      assert.equal(result.isError, true, 'an unknown tool is an error');
    }
    assert.ok(outcome.kind, 'the ERR line names the error kind');
  });

  it('returns a tool error for an argument of the wrong type', async () => {
    const { result, error, outcome } = await callAudited('zia_list_locations', { search: 5 }, 'ERR');
    assert.equal(error, undefined, `a bad argument is a tool error, not a protocol error: ${error}`);
    assert.equal(result.isError, true);
    assert.equal(result.structuredContent, undefined, 'no structured content on error');
    const text = result.content?.[0]?.text ?? '';
    assert.match(text, /search/, 'the message names the argument');
    assert.equal(outcome.kind, 'InvalidArgument');
    assert.ok(text.startsWith(`${outcome.kind}: `), 'the agent sees the kind the audit line records');
  });

  it('wrote exactly one audit line pair per call and nothing else on stdout', async () => {
    const entries = audit.entries();
    const malformed = entries.filter((e) => e.state === 'MALFORMED');
    assert.deepEqual(malformed, [], 'every [TOOL line has the documented layout');
    assert.equal(entries.length, calls.length * 2, `audit lines:\n${entries.map((e) => e.line).join('\n')}`);
    calls.forEach(({ name, expectState }, i) => {
      assert.equal(entries[2 * i].state, 'CALL');
      assert.equal(entries[2 * i].tool, name);
      assert.equal(entries[2 * i + 1].state, expectState);
      assert.equal(entries[2 * i + 1].tool, name);
    });
    assert.deepEqual(clientErrors.map(String), [], 'the client saw no transport errors');
  });
});

describe('stdio process lifecycle', { timeout: 30000 }, () => {
  it('exits cleanly on end of input and prints nothing on stdout', async () => {
    const cwd = emptyDir();
    try {
      const proc = spawn(binaryPath(), ['--demo'], { cwd, env: serverEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (c) => { stdout += c; });
      proc.stderr.on('data', (c) => { stderr += c; });
      const exited = once(proc, 'exit');
      proc.stdin.end();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10000);
      const [code, signal] = await exited;
      clearTimeout(timer);
      assert.equal(signal, null, `stopped by ${signal}, not by end of input; stderr:\n${stderr}`);
      assert.equal(code, 0, `exit code; stderr:\n${stderr}`);
      assert.equal(stdout, '', 'stdout carries the protocol only');
    } finally {
      removeDir(cwd);
    }
  });
});
