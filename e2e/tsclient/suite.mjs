// The official MCP TypeScript SDK client against the built deepresearch-mcp
// binary, over stdio or Streamable HTTP. Run by e2e/tsclient_test.go, which
// starts the fixture web (and, for HTTP, the server) and reads one JSON line
// per check from stdout: {"check": name, "ok": bool, "detail": "..."}.
//
// Configuration comes from the environment:
//   TRANSPORT   stdio | http
//   SERVER_BIN  the binary (stdio)
//   SERVER_ENV  JSON object: the binary's environment (stdio)
//   SERVER_URL  the /mcp endpoint (http)
//   TOKEN       the bearer token the HTTP server wants
//   ARTICLE_URL a readable fixture page
//   SLOW_QUERY  a query whose results are slow pages (a call of a few seconds)
//   HANG_QUERY  a query whose results never finish loading (a call that only ends when cancelled)
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const cfg = process.env;
const http = cfg.TRANSPORT === 'http';
let failures = 0;

function report(check, ok, detail = '') {
  if (!ok) failures++;
  process.stdout.write(JSON.stringify({ check, ok: Boolean(ok), detail: String(detail) }) + '\n');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every error the client reports outside a request's promise: a response or
// progress for an id it no longer waits for lands here.
// The SDK dispatches a notification on a later microtask than a response
// read in the same chunk, so progress written just before a response can be
// reported as "for an unknown token" by the SDK itself: only responses for
// unknown ids count here, and progress well after a cancel.
const clientErrors = [];
const protocolErrors = (list) => list.filter((e) => !/progress notification for an unknown token/.test(e.msg));

async function connect({ token = cfg.TOKEN, headers = {}, record, errors = clientErrors } = {}) {
  const client = new Client({ name: 'tsclient-e2e', version: '1.0.0' }, { capabilities: {} });
  client.onerror = (err) => errors.push({ at: Date.now(), msg: String(err && err.message ? err.message : err) });
  let transport;
  if (http) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    transport = new StreamableHTTPClientTransport(new URL(cfg.SERVER_URL), {
      requestInit: { headers: h },
      fetch: record ? async (url, init) => { const r = await fetch(url, init); record(r); return r; } : undefined,
    });
  } else {
    transport = new StdioClientTransport({
      command: cfg.SERVER_BIN,
      args: [],
      env: JSON.parse(cfg.SERVER_ENV),
      stderr: 'ignore',
    });
  }
  await client.connect(transport);
  return client;
}

async function check(name, fn) {
  try {
    const detail = await fn();
    report(name, true, detail ?? '');
  } catch (err) {
    report(name, false, err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

function text(res) {
  return (res.content || []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

const client = await connect();

await check('list tools', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  assert(JSON.stringify(names) === JSON.stringify(['browse_page', 'deep_research', 'web_search']), `tools: ${names}`);
  for (const t of tools) {
    assert(t.outputSchema && t.outputSchema.type === 'object', `${t.name} has no output schema`);
    assert(t.annotations && t.annotations.readOnlyHint === true, `${t.name} is not marked read-only`);
  }
  return names.join(',');
});

// callTool validates structuredContent against the tool's outputSchema with
// the SDK's own (Ajv) validator and throws when it does not conform.
await check('call web_search', async () => {
  const res = await client.callTool({ name: 'web_search', arguments: { query: 'raft consensus', max_results: 3 } });
  assert(!res.isError, `isError: ${text(res)}`);
  assert(res.structuredContent && res.structuredContent.results.length > 0, 'no results');
  return `${res.structuredContent.results.length} results from ${res.structuredContent.provider}`;
});

await check('call browse_page', async () => {
  const res = await client.callTool({ name: 'browse_page', arguments: { url: cfg.ARTICLE_URL, render: 'never' } });
  assert(!res.isError, `isError: ${text(res)}`);
  const out = res.structuredContent;
  assert(out && out.content.includes('elected leader'), `content: ${out && out.content}`);
  assert(out.next_offset === null, `next_offset ${out.next_offset} on a short page`);
  return `${out.total_chars} chars`;
});

await check('call browse_page with query', async () => {
  const res = await client.callTool({ name: 'browse_page', arguments: { url: cfg.ARTICLE_URL, render: 'never', query: 'leader election' } });
  assert(!res.isError, `isError: ${text(res)}`);
  return `${res.structuredContent.content.length} of ${res.structuredContent.total_chars} chars`;
});

await check('call deep_research', async () => {
  const res = await client.callTool({ name: 'deep_research', arguments: { question: 'How does Raft elect a leader?', max_pages: 2, time_budget_s: 20 } });
  assert(!res.isError, `isError: ${text(res)}`);
  const out = res.structuredContent;
  assert(out && Array.isArray(out.sources) && out.stats.searches > 0, 'no research done');
  return `${out.evidence.length} passages from ${out.stats.pages_read} pages`;
});

await check('invalid arguments are a tool error', async () => {
  const res = await client.callTool({ name: 'web_search', arguments: { query: 'x', max_results: 0 } });
  assert(res.isError, `max_results 0 was accepted: ${text(res)}`);
  assert(/max_results/.test(text(res)), `message does not name the argument: ${text(res)}`);
});

// Progress of one call must arrive in increasing order. Over HTTP the SDK
// keeps the standalone GET stream open: a call's notifications that leak
// onto it arrive out of order with those on the call's own POST stream.
await check('progress increases', async () => {
  const seen = [];
  const res = await client.callTool(
    { name: 'deep_research', arguments: { question: `Which pages are slow? ${cfg.SLOW_QUERY}`, queries: [cfg.SLOW_QUERY], max_pages: 8, max_depth: 0, time_budget_s: 30 } },
    undefined,
    { onprogress: (p) => seen.push(p.progress), timeout: 60000 },
  );
  assert(!res.isError, `isError: ${text(res)}`);
  assert(seen.length >= 4, `only ${seen.length} progress notifications: ${seen}`);
  for (let i = 1; i < seen.length; i++) {
    assert(seen[i] > seen[i - 1], `progress went backwards at ${i}: ${seen.join(' ')}`);
  }
  return `${seen.length} notifications`;
});

// A cancelled call gets no response (the SDK reports one as "a response for
// an unknown message ID") and no more progress; the next call works.
await check('cancel with AbortSignal', async () => {
  const before = clientErrors.length;
  const ac = new AbortController();
  let progressed;
  const started = new Promise((r) => { progressed = r; });
  const call = client.callTool(
    { name: 'deep_research', arguments: { question: `What never loads? ${cfg.HANG_QUERY}`, queries: [cfg.HANG_QUERY], max_pages: 4, max_depth: 0, time_budget_s: 60 } },
    undefined,
    { signal: ac.signal, onprogress: () => progressed(), timeout: 60000 },
  );
  await Promise.race([started, sleep(10000)]);
  await sleep(300);
  ac.abort('the user gave up');
  const abortedAt = Date.now();
  let rejected = false;
  try {
    await call;
  } catch (err) {
    rejected = true;
  }
  assert(rejected, 'the aborted call resolved');
  // The server has long answered by now if it was going to.
  await sleep(2500);
  // A progress written before the cancel reached the server may still be in
  // flight; one 500 ms later is the server's fault.
  const late = clientErrors.slice(before).filter((e) => !/unknown token/.test(e.msg) || e.at - abortedAt > 500);
  assert(late.length === 0, `after cancel: ${late.map((e) => e.msg).join(' / ')}`);
  const res = await client.callTool({ name: 'web_search', arguments: { query: 'after a cancel' } });
  assert(!res.isError, `the next call failed: ${text(res)}`);
});

if (http) {
  await check('no token is refused with a hint', async () => {
    let err;
    try {
      await connect({ token: '', errors: [] });
    } catch (e) {
      err = e;
    }
    assert(err, 'connected without a token');
    assert(/401|Unauthorized/.test(String(err)), `not a 401: ${err}`);
  });

  await check('wrong token is refused', async () => {
    let err;
    try {
      await connect({ token: cfg.TOKEN + 'x', errors: [] });
    } catch (e) {
      err = e;
    }
    assert(err && /401|Unauthorized/.test(String(err)), `not a 401: ${err}`);
  });

  await check('foreign Origin is refused', async () => {
    let err;
    try {
      await connect({ headers: { Origin: 'https://evil.example' }, errors: [] });
    } catch (e) {
      err = e;
    }
    assert(err && /403|Forbidden/.test(String(err)), `not a 403: ${err}`);
  });

  await check('allowed Origin gets CORS for itself', async () => {
    const origin = 'http://localhost:6274';
    const seen = [];
    const c = await connect({ headers: { Origin: origin }, record: (r) => seen.push([r.headers.get('access-control-allow-origin'), r.headers.get('vary')]) });
    const res = await c.callTool({ name: 'web_search', arguments: { query: 'cors' } });
    await c.close();
    assert(!res.isError, text(res));
    assert(seen.length > 0, 'no responses recorded');
    for (const [acao, vary] of seen) {
      assert(acao === origin, `Access-Control-Allow-Origin ${acao}, want ${origin}`);
      assert(vary && /origin/i.test(vary), `Vary ${vary}`);
    }
  });
}

await client.close();
const errs = protocolErrors(clientErrors);
report('client errors', errs.length === 0, errs.map((e) => e.msg).join(' / '));
process.exit(failures ? 1 : 0);
