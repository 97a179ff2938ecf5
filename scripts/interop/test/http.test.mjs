// The official MCP TypeScript client talks to the binary over streamable HTTP in demo mode,
// the way a remote agent or a gateway would.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { startHttpServer } from './harness.mjs';
import { assertToolCatalogue, listAllTools } from './tools.mjs';

async function connect(url) {
  const transport = new StreamableHTTPClientTransport(url);
  const client = new Client({ name: 'zscaler-mcp-interop', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

describe('streamable HTTP transport', { timeout: 120000 }, () => {
  let server;

  before(async () => {
    server = await startHttpServer(['--log-tool-calls']);
  });

  after(async () => {
    await server?.stop('SIGKILL');
  });

  it('answers the health probe', async () => {
    const res = await fetch(`${server.base}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('initializes a session, lists tools and calls them', async () => {
    const { client, transport } = await connect(server.url);
    try {
      assert.ok(transport.sessionId, 'the server assigned a session id');
      assert.ok(client.getServerCapabilities()?.tools, 'tools capability is advertised');
      assertToolCatalogue(await listAllTools(client));

      const from = server.audit.entries().length;
      const locations = await client.callTool({ name: 'zia_list_locations', arguments: { search: 'a' } });
      assert.notEqual(locations.isError, true, JSON.stringify(locations.content));
      assert.ok(Array.isArray(locations.structuredContent?.result), 'structured list of locations');

      const resources = await client.callTool({ name: 'zms_list_resources', arguments: { page_size: 3 } });
      assert.notEqual(resources.isError, true, JSON.stringify(resources.content));
      assert.ok(Array.isArray(resources.structuredContent?.nodes), 'structured page of resources');

      const bad = await client.callTool({ name: 'zms_list_resources', arguments: { page_size: 'three' } });
      assert.equal(bad.isError, true, 'a wrongly typed argument is a tool error');

      const lines = await server.audit.waitForEntries(from, 6);
      assert.deepEqual(lines.map((e) => `${e.state} ${e.tool}`), [
        'CALL zia_list_locations', 'OK zia_list_locations',
        'CALL zms_list_resources', 'OK zms_list_resources',
        'CALL zms_list_resources', 'ERR zms_list_resources',
      ]);
    } finally {
      await client.close();
    }
  });

  it('serves two sessions at once', async () => {
    const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
    try {
      assert.notEqual(a.transport.sessionId, b.transport.sessionId, 'each client has its own session');
      const results = await Promise.all([a, b].map(({ client }) =>
        client.callTool({ name: 'zscaler_check_connectivity', arguments: {} })));
      for (const r of results) assert.notEqual(r.isError, true, JSON.stringify(r.content));
    } finally {
      await Promise.all([a.client.close(), b.client.close()]);
    }
  });

  // The streamable HTTP spec requires 404 for a session id the server does not hold,
  // including one the client terminated.
  it('refuses terminated and unknown session ids', async () => {
    const { client, transport } = await connect(server.url);
    const sessionId = transport.sessionId;
    const protocolVersion = transport.protocolVersion ?? '2025-06-18';
    await transport.terminateSession();
    await client.close();
    const listTools = (id) => fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': id,
        'mcp-protocol-version': protocolVersion,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    assert.equal((await listTools(sessionId)).status, 404, 'a terminated session id is refused');
    const invented = sessionId.replace(/[0-9a-f]{12}$/, '000000000000');
    assert.equal((await listTools(invented)).status, 404, 'a session id never issued is refused');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exit = await server.stop('SIGTERM');
    server = undefined;
    assert.deepEqual(exit, { code: 0, signal: null });
  });
});
