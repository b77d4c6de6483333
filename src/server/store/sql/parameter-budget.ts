import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Most bind parameters one statement may carry. PostgreSQL refuses more than 65,535 with an
 * error; PGlite, past 32,767, answers no rows to that statement and to every later one on the
 * connection until restart (health fails, every login and app is refused). Bulk writes pass
 * their rows as one parameter (jsonRows), so real statements carry a handful.
 */
export const MAX_BIND_PARAMETERS = { pglite: 32_767, postgres: 65_535 } as const;

export class ParameterBudgetExceeded extends Error {
  constructor(
    readonly parameters: number,
    readonly budget: number,
  ) {
    super(`A statement with ${parameters} bind parameters was refused before it reached the database (at most ${budget}); pass lists as one JSON or array parameter`);
  }
}

/**
 * Counts a statement's bind parameters before it is sent and refuses one over budget, so a
 * mistake fails alone, loudly, instead of breaking the connection for every later query. The
 * count is the compiler's: one per non-immediate ValueNode, one per value of a
 * PrimitiveValueListNode. The tree is read, never rebuilt.
 */
export class ParameterBudgetPlugin implements KyselyPlugin {
  constructor(private readonly budget: number) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const parameters = countParameters(args.node);
    if (parameters > this.budget) throw new ParameterBudgetExceeded(parameters, this.budget);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function countParameters(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    const kind = (node as { kind?: unknown }).kind;
    if (kind === 'ValueNode') {
      if (!(node as { immediate?: boolean }).immediate) count++;
      continue; // its value is data, not more nodes
    }
    if (kind === 'PrimitiveValueListNode') {
      count += (node as { values: readonly unknown[] }).values.length;
      continue;
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return count;
}
