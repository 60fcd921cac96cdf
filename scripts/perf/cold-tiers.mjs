// The cold first verdict (load dist/core.js, analyzeText on the Yizhuang article, in a fresh
// process) run under V8 settings that move its work between the tiers: the default, no optimizing
// compiler (`--no-opt`), every function compiled by the baseline compiler at once
// (`--always-sparkplug`), and every thread's work on the main thread (`--single-threaded`).
// Prints, per setting, the median over alternating rounds of the process's CPU time and its main
// thread's (Linux: /proc/thread-self/schedstat) above a bare node start measured in the same
// rounds, and the main thread's time in loading the core and in the analysis. It tells what of the
// process figure is V8 compiling on its background threads and whether that compiled code reaches
// the first verdict in time to shorten the main thread's part.
//
//   npm run -s build:production && node scripts/perf/cold-tiers.mjs [rounds, 7] [core, dist/core.js]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const rounds = Number(process.argv[2] ?? 7);
const core = resolve(process.argv[3] ?? 'dist/core.js');
const article = resolve('samples/yizhuang-article/garbled.txt');

// One child: the main thread's clock before and after each step, the process's at the end.
const child = `
const fs = require('fs');
const thread = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
let load = 0, analysis = 0;
if (process.argv[1] !== 'bare') {
  const text = fs.readFileSync(${JSON.stringify(article)}, 'utf8');
  const a = thread();
  const core = require(${JSON.stringify(core)});
  const b = thread();
  core.analyzeText(text);
  load = b - a;
  analysis = thread() - b;
}
const u = process.cpuUsage();
console.log(JSON.stringify({ cpu: (u.user + u.system) / 1000, main: thread(), load, analysis }));
`;

const settings = [
  ['bare node', []],
  ['default', []],
  ['--no-opt', ['--no-opt']],
  ['--always-sparkplug', ['--always-sparkplug']],
  ['--single-threaded', ['--single-threaded']],
];
const runs = new Map(settings.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, flags] of settings) {
    const out = execFileSync(process.execPath, [...flags, '-e', child, name === 'bare node' ? 'bare' : 'cold']).toString();
    runs.get(name).push(JSON.parse(out));
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const of = (name, key) => median(runs.get(name).map((o) => o[key]));
const [bareCpu, bareMain] = [of('bare node', 'cpu'), of('bare node', 'main')];
console.log(`bare node: process ${bareCpu.toFixed(0)} ms, main thread ${bareMain.toFixed(0)} ms (medians of ${rounds} alternating rounds, CPU time)`);
for (const [name] of settings.slice(1)) {
  const cpu = of(name, 'cpu') - bareCpu;
  const main = of(name, 'main') - bareMain;
  console.log(`${name.padEnd(20)} process +${cpu.toFixed(0)}  main thread +${main.toFixed(0)}  background +${(cpu - main).toFixed(0)}  (main thread: load ${of(name, 'load').toFixed(0)}, analyzeText ${of(name, 'analysis').toFixed(0)})`);
}
