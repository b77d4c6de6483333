import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { countParameters, MAX_BIND_PARAMETERS, ParameterBudgetExceeded } from './parameter-budget';
import { sharedPgliteStore, truncateAll } from './test-database';

const values = (n: number) => sql.join(Array.from({ length: n }, (_, i) => sql`${`v${i}`}::text`));

describe('parameter budget', () => {
  it('counts what the compiler binds', async () => {
    const db = (await sharedPgliteStore()).kysely;
    const queries = [
      db.selectFrom('segments').selectAll().where('id', 'in', ['a', 'b', 'c']).limit(5).compile(),
      db.insertInto('segment_ids').values([{ segment_id: 's', value: 'a' }, { segment_id: 's', value: 'b' }]).compile(),
      db.updateTable('users').set({ name: 'x', version: sql`version + ${1}` }).where('id', '=', 'u').compile(),
      sql`SELECT ${sql.lit(1)}, ${'a'}::text, ARRAY[${values(4)}]`.compile(db),
    ];
    for (const compiled of queries) {
      expect(compiled.parameters.length).toBeGreaterThan(1);
      expect(countParameters(compiled.query)).toBe(compiled.parameters.length);
    }
  }, 120_000);

  it('refuses a statement over PGlite budget before sending it, and the store keeps answering', async () => {
    const store = await sharedPgliteStore();
    await truncateAll(store);
    const budget = MAX_BIND_PARAMETERS.pglite;
    const atBudget = await sql<{ a: string[] }>`SELECT ARRAY[${values(budget)}] AS a`.execute(store.kysely);
    expect(atBudget.rows[0].a).toHaveLength(budget);
    // Sent as it is, this statement made PGlite answer no rows to it and to every later one.
    await expect(sql`SELECT ARRAY[${values(budget + 1)}]`.execute(store.kysely)).rejects.toBeInstanceOf(ParameterBudgetExceeded);
    await expect(store.transaction((tx) => tx.requestedKeys.delete(Array.from({ length: budget + 1 }, (_, i) => `k${i}`)))).resolves.toBeUndefined();
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(store.kysely)).rows).toEqual([{ one: 1 }]);
    await expect(store.ping()).resolves.toBeUndefined();
  }, 120_000);
});
