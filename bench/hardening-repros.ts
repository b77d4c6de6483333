import { authUrlAndHeaderEdges, bigAttributesAndKeys, deepNesting, hugeBodies } from './repros/repros-door';
import { experimentsEtagAndRevocation } from './repros/repros-experiments';
import { catastrophicPattern, tokensOfDisabledAdmin, wideContextsAndIdLists, wrongSignInStorm, type Line } from './repros/repros-input';
import { startWorld, type World } from './repros/world';

// BENCH=repros: the repros of issue 11 ("Hardening") against the real server (startServer, as
// `npm start` runs it) on a fresh PGlite DATA_DIR, or on PostgreSQL when DATABASE_URL is set
// (`scripts/with-postgres.sh env BENCH=repros npm run bench`). Each line says what was sent, what
// came back, PASS/FAIL against the expected outcome, and whether health, the admin's sign-in and
// OFREP for another app still answered 200 after that repro.

const repros: [string, (world: World) => Promise<Line[]>][] = [
  ['1 wide context, id lists', wideContextsAndIdLists],
  ['2 ^(a+)+$', catastrophicPattern],
  ['3 disabled admin token', tokensOfDisabledAdmin],
  ['4 wrong sign-ins', wrongSignInStorm],
  ['5 200 MiB bodies', hugeBodies],
  ['6 60 KB attrs, long keys', bigAttributesAndKeys],
  ['7 deep nesting', deepNesting],
  ['8 auth, URL, headers', authUrlAndHeaderEdges],
  ['9 experiment, ETag, revoke', experimentsEtagAndRevocation],
];

export async function hardeningRepros(): Promise<void> {
  const world = await startWorld();
  console.log(`\nIssue 11 repros against the real server on ${world.database}`);
  let failures = 0;
  try {
    for (const [name, run] of repros) {
      let lines: Line[];
      try {
        lines = await run(world);
      } catch (error) {
        lines = [{ sent: 'the repro itself', answered: `threw: ${error instanceof Error ? error.message : String(error)}`, pass: false }];
      }
      const others = await world.othersServed();
      for (const line of lines) {
        const verdict = line.pass && others.ok ? 'PASS' : 'FAIL';
        if (verdict === 'FAIL') failures++;
        console.log(`  ${verdict} [${name}] ${line.sent} -> ${line.answered} | after: ${others.text}`);
      }
    }
  } finally {
    await world.close();
  }
  console.log(`  ${failures === 0 ? 'all repros PASS' : `${failures} line(s) FAIL`}`);
}
