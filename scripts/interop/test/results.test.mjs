// The official MCP TypeScript client narrows list results with `query` and receives
// results cut to the size limit, over streamable HTTP, as an agent would.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { startHttpServer } from './harness.mjs';

/** The one text block of a result parsed as JSON, checked against its structured content. */
function parsed(result) {
  assert.notEqual(result.isError, true, JSON.stringify(result.content));
  const texts = result.content.filter((c) => c.type === 'text');
  assert.equal(texts.length, 1, 'one text block');
  const value = JSON.parse(texts[0].text);
  const wrapped = value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value : { result: value };
  assert.deepEqual(result.structuredContent, wrapped, 'structured content matches the text');
  return { value, text: texts[0].text };
}

describe('query and the result size limit', { timeout: 120000 }, () => {
  let server;
  let client;

  before(async () => {
    server = await startHttpServer(['--log-tool-calls', '--max-result-bytes', '4096']);
    client = new Client({ name: 'zscaler-mcp-interop', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(server.url));
  });

  after(async () => {
    await client?.close();
    await server?.stop('SIGKILL');
  });

  it('narrows a list with a query, and counts it in the audit line', async () => {
    const from = server.audit.entries().length;
    const { value } = parsed(await client.callTool({ name: 'zia_list_url_filtering_rules',
      arguments: { query: "[?state=='ENABLED'] | sort_by(@, &order)[].{id: id, order: order}" } }));
    assert.ok(value.length > 0);
    assert.deepEqual(value.map((r) => r.order), [...value.map((r) => r.order)].sort((a, b) => a - b));
    for (const r of value) assert.deepEqual(Object.keys(r).sort(), ['id', 'order']);
    const [, ok] = await server.audit.waitForEntries(from, 2);
    assert.match(ok.summary, new RegExp(`^${value.length} items? \\(\\d+ before query\\)$`));

    const page = parsed(await client.callTool({ name: 'zms_list_resources',
      arguments: { query: 'length(@)', page_size: 5 } })).value;
    assert.equal(page.nodes, 5);
    assert.ok(page.pageInfo, 'a page keeps its pageInfo');
  });

  it('answers a query that cannot work with a tool error naming it', async () => {
    for (const query of ['[?', 'nosuch(@)', 'abs(name)', 'length(@) / `0`']) {
      const r = await client.callTool({ name: 'zia_list_url_filtering_rules', arguments: { query } });
      assert.equal(r.isError, true, query);
      assert.match(r.content[0].text, /^InvalidArgument: parameter "query" /, query);
    }
    const r = await client.callTool({ name: 'zia_get_advanced_settings', arguments: { query: '@' } });
    assert.equal(r.isError, true);
    assert.match(r.content[0].text, /unknown parameter "query"/);
  });

  it('cuts a long list at a record boundary with a marker that counts what was left out', async () => {
    const from = server.audit.entries().length;
    const { value, text } = parsed(await client.callTool({ name: 'zia_list_url_categories',
      arguments: {} }));
    assert.ok(Buffer.byteLength(text) <= 4096, `${Buffer.byteLength(text)} bytes`);
    assert.match(text, /^\{"truncated":/, 'the marker comes first');
    const { records, message } = value.truncated;
    assert.equal(value.result.length, records.returned);
    assert.ok(records.omitted > 0);
    assert.match(message, new RegExp(`${records.returned} of ${records.returned + records.omitted} records`));
    assert.match(message, /filters \(search, custom_only, type, contains_url\)/, 'names the tool\'s own filters');
    const [, ok] = await server.audit.waitForEntries(from, 2);
    assert.match(ok.summary, new RegExp(`^${records.returned} items? \\(${records.returned + records.omitted} before cut\\)$`));
  });
});
