// Checks on the tool catalogue and results that both transports share.

import assert from 'node:assert/strict';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];

/** Every tool the server lists, following nextCursor across pages. */
export async function listAllTools(client) {
  const tools = [];
  let cursor;
  for (let page = 0; page < 100; page++) {
    const res = await client.listTools(cursor ? { cursor } : {});
    tools.push(...res.tools);
    cursor = res.nextCursor;
    if (!cursor) return tools;
  }
  throw new Error('tools/list did not stop paging after 100 pages');
}

/**
 * The catalogue an agent relies on: many tools, unique names, object input schemas, and
 * every annotation hint stated explicitly so clients never fall back to the pessimistic
 * defaults.
 */
export function assertToolCatalogue(tools) {
  assert.ok(tools.length > 60, `expected more than 60 tools, got ${tools.length}`);
  const names = tools.map((t) => t.name);
  assert.equal(new Set(names).size, names.length, 'tool names are unique');
  for (const tool of tools) {
    assert.match(tool.name, /^[a-z][a-z0-9_]*$/, `tool name ${tool.name}`);
    assert.ok(tool.description?.length > 0, `${tool.name} has a description`);
    assert.equal(tool.inputSchema?.type, 'object', `${tool.name} input schema is an object`);
    assert.ok(tool.annotations, `${tool.name} has annotations`);
    for (const hint of HINTS) {
      assert.equal(typeof tool.annotations[hint], 'boolean', `${tool.name} states ${hint}`);
    }
    if (tool.annotations.readOnlyHint) {
      assert.equal(tool.annotations.destructiveHint, false, `read-only ${tool.name} is not destructive`);
    }
  }
  const byName = new Map(tools.map((t) => [t.name, t]));
  for (const name of ['zscaler_check_connectivity', 'zscaler_list_toolsets', 'zia_list_locations',
    'zia_get_location', 'zms_list_agents', 'zms_list_resources']) {
    assert.ok(byName.has(name), `${name} is listed`);
  }
  const locations = byName.get('zia_list_locations');
  assert.ok(locations.inputSchema.properties?.search, 'zia_list_locations takes search');
  assert.equal(locations.annotations.readOnlyHint, true, 'zia_list_locations is read-only');
  return byName;
}

/** The JSON value carried by a result's first text content. */
export function parseTextJSON(result) {
  const text = result.content?.find((c) => c.type === 'text')?.text;
  assert.ok(text, 'the result has text content');
  return JSON.parse(text);
}
