// A/B comparison of two server settings under the same turn load, run
// alternately so that drift in a shared machine's load hits both sides:
// `npx tsx bench/ab-turns.ts <conversations> <seconds> <rounds> NAME=value[,NAME=value] [NAME=value...]`
// Each side is a set of environment variables for Ana's process; "-" is none.
import { runLoad } from './lib/load-client.ts';
import { summarize, median } from './lib/stats.ts';
import { startAnaTarget } from './lib/targets.ts';
import { warmUp } from './turns.bench.ts';

const [conversations, seconds, rounds] = [Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 8), Number(process.argv[4] ?? 3)];
const sides = process.argv.slice(5).map((spec) => Object.fromEntries(spec === '-' ? [] : spec.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])));
if (sides.length < 2) throw new Error('give two sides, e.g. - ANA_TURNS_IN_FLIGHT=32');

const figures = sides.map(() => ({ turnsPerSecond: [] as number[], p99: [] as number[], cpu: [] as number[] }));
for (let round = 0; round < rounds; round++) {
  for (const [index, env] of sides.entries()) {
    const target = await startAnaTarget([], env);
    try {
      await warmUp(target);
      const cpu0 = target.server.cpuMs();
      const load = await runLoad({ baseUrl: target.server.url, token: target.token, conversations, durationMs: seconds * 1000, warmupMs: 1000, maxTurnsPerConversation: 100_000 });
      const cpu = (target.server.cpuMs() - cpu0) / Math.max(1, load.turns);
      const s = summarize(load.latencies);
      figures[index]!.turnsPerSecond.push(load.turnsPerSecond);
      figures[index]!.p99.push(s.p99);
      figures[index]!.cpu.push(cpu);
      console.log(`round ${round + 1} side ${index} ${JSON.stringify(env)}: ${load.turnsPerSecond.toFixed(0)} turns/s, p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${cpu.toFixed(2)} ms CPU/turn, ${load.errors} errors${load.errors ? ` (${load.errorSamples[0]})` : ''}`);
    } finally {
      await target.stop();
    }
  }
}
for (const [index, env] of sides.entries()) {
  const f = figures[index]!;
  console.log(`side ${index} ${JSON.stringify(env)}: median ${median(f.turnsPerSecond).toFixed(0)} turns/s, p99 ${median(f.p99).toFixed(0)} ms, ${median(f.cpu).toFixed(2)} ms CPU/turn`);
}
