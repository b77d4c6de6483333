import { OptionsError, parseSimulationArgs, USAGE } from '../src/server/simulate/simulate-options';
import { SimulationError } from '../src/server/simulate/simulate-client';
import { runSimulation } from '../src/server/simulate/simulator';

// `npm run simulate -- --experiment KEY --users N --days D ...`: realistic traffic through a
// running Switchboard's OFREP and events endpoints (see src/server/simulate).

const args = process.argv.slice(2);
if (args.includes('--help') || args.length === 0) {
  console.log(USAGE);
  process.exit(0);
}
try {
  const options = parseSimulationArgs(args, process.env);
  console.log(`Simulating ${options.users.toLocaleString('en')} users of "${options.experiment}" over ${options.days} days against ${options.url} (seed ${options.seed})`);
  const live = process.stderr.isTTY;
  const summary = await runSimulation(options, (p) => {
    const line = `  users ${p.usersDone.toLocaleString('en')} / ${p.users.toLocaleString('en')}   events sent ${p.eventsSent.toLocaleString('en')}   ${Math.round(p.eventsPerSecond).toLocaleString('en')} events/s`;
    if (live) process.stderr.write(`\r${line}   `);
    else process.stderr.write(`${line}\n`);
  });
  if (live) process.stderr.write('\n');
  const split = Object.entries(summary.enrolled).sort(([a], [b]) => a.localeCompare(b));
  const enrolled = split.reduce((sum, [, n]) => sum + n, 0);
  console.log(`Done in ${summary.seconds.toFixed(1)} s. Events: ${summary.events.join(', ')}`);
  console.log(`  in the experiment: ${enrolled.toLocaleString('en')} (${split.map(([v, n]) => `${v} ${n} = ${((n / Math.max(1, enrolled)) * 100).toFixed(1)}%`).join(', ')}); not in it: ${summary.notEnrolled}`);
  if (Object.keys(summary.dropped).length > 0) console.log(`  dropped by --skew: ${Object.entries(summary.dropped).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  console.log(`  events sent ${summary.eventsSent.toLocaleString('en')}: ${summary.accepted.toLocaleString('en')} new, ${summary.duplicates.toLocaleString('en')} already stored (a rerun with the same --seed counts once)`);
} catch (error) {
  if (error instanceof OptionsError || error instanceof SimulationError) {
    console.error(`${error.message}\n\n${error instanceof OptionsError ? USAGE : ''}`.trimEnd());
    process.exit(2);
  }
  throw error;
}
