// Runs the query core of templates/assets/search.js in node, for tests and the benchmark (see StaticSearchNode).
//
//   node node-harness.js stem   <search.js> <words.txt>                 one stem per line
//   node node-harness.js search <search.js> <index dir> <queries.tsv> [warm runs]
//
// queries.tsv: query<TAB>type<TAB>limit per line. For each query, with a fresh engine (nothing cached, as a first
// query in a new page), prints
//   Q<TAB>n<TAB>total<TAB>words<TAB>cold ms<TAB>warm ms<TAB>bytes loaded<TAB>files loaded (comma-separated)
//   H<TAB>n<TAB>rank<TAB>url<TAB>score<TAB>title<TAB>snippet        for each hit
'use strict';
const fs = require('fs');
const path = require('path');

const [mode, searchJs, ...rest] = process.argv.slice(2);
const core = require(path.resolve(searchJs));

function fileLoader(dir, log) {
  return (name) => {
    const text = fs.readFileSync(path.join(dir, name + '.js'), 'latin1');
    log.push([name, Buffer.byteLength(text, 'latin1')]);
    let data;
    const window = { __ggSearch: { add: (id, d) => { if (id === name) data = d; } } };
    new Function('window', text)(window);
    if (data === undefined) throw new Error(name + '.js did not register its data');
    return data;
  };
}

async function search(dir, queriesFile, warmRuns) {
  const lines = fs.readFileSync(queriesFile, 'utf8').split('\n').filter((l) => l.length);
  const out = [];
  for (let n = 0; n < lines.length; n++) {
    const [q, type, limit] = lines[n].split('\t');
    const log = [];
    const engine = core.createEngine(fileLoader(dir, log));
    const options = { type: type || '', limit: Number(limit || 10) };
    const t0 = process.hrtime.bigint();
    const r = await engine.search(q, options);
    const cold = Number(process.hrtime.bigint() - t0) / 1e6;
    let warm = 0;
    for (let i = 0; i < warmRuns; i++) {
      const t1 = process.hrtime.bigint();
      await engine.search(q, options);
      warm += Number(process.hrtime.bigint() - t1) / 1e6;
    }
    const bytes = log.reduce((s, f) => s + f[1], 0);
    out.push(['Q', n, r.total, r.words.length, cold.toFixed(3), (warmRuns ? warm / warmRuns : 0).toFixed(3), bytes,
      log.map((f) => f[0]).join(',')].join('\t'));
    r.hits.forEach((h, i) => out.push(['H', n, i, h.url, h.score.toFixed(4), h.title, h.snippet].join('\t')));
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (mode === 'stem') {
  const words = fs.readFileSync(rest[0], 'utf8').split('\n').filter((l) => l.length);
  process.stdout.write(words.map(core.stem).join('\n') + '\n');
} else if (mode === 'search') {
  search(rest[0], rest[1], Number(rest[2] || 0)).catch((e) => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
  });
} else {
  process.stderr.write('usage: node node-harness.js stem|search …\n');
  process.exit(2);
}
