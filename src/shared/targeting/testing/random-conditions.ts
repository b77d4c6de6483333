/**
 * Random (condition, attributes, savedGroups) generator for the differential tests. It
 * draws operands and attribute values from shared pools so that a good share of
 * conditions pass, and deliberately produces malformed documents too: evaluation must
 * agree with the SDK on those as well.
 */
import type { Random } from './random';

type Doc = Record<string, unknown>;

export const VALUE_OPERATORS = [
  '$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$regex', '$regexi', '$in', '$nin', '$ini',
  '$nini', '$all', '$alli', '$elemMatch', '$size', '$exists', '$type', '$not', '$veq', '$vne',
  '$vgt', '$vgte', '$vlt', '$vlte', '$inGroup', '$notInGroup',
] as const;
export const DOC_OPERATORS = ['$or', '$and', '$nor', '$not', '$savedGroup'] as const;
// Unknown to the SDK, or valid only at document level: all evaluate to false on a value.
const BOGUS_OPERATORS = ['$regx', '$savedGroup', '$or', '$foo'];

const STRINGS = [
  '', 'us', 'US', 'uk', 'Uk', 'ca', 'abc', 'ABC', 'hello world', 'Mobile Safari', 'tablet',
  '10', '5', '8', ' 10 ', '1e1', '0', 'null', 'true', 'false', '1.2.3', 'v1.2.3', '1.2.3-beta',
  '1.10.0', '2.0.0+build', 'ü', 'Ü', '名字', '😀', 'a/b', 'toString', 'length', '[object Object]',
  '1,2', 'pro', 'PRO', 'free',
];
const NUMBERS = [0, 1, -1, 2, 3, 5, 8, 10, 2.5, 100, -0, 1e21, 0.1];
const VERSIONS = [
  '1.2.3', 'v1.2.3', '1.2', '1.2.0', '1.10.0', '1.2.3-beta', '1.2.3-beta.11', '1.2.3-beta.2',
  '1.2.3+build', '1-2-3', '', '0', '1.2.3.4', 'abc', '10.0.0', 'v', 10, 1.5, null,
];
// Non-string $regex operands are chosen so their string form never equals a string
// pattern: the SDK's regex cache would otherwise make results depend on test order.
const REGEXES = [
  '^u', 'S$', '(Mobile|Tablet)', 'mobile', '[', '(', 'a/b', '^1\\.', '名', '😀', 'toString',
  'constructor', '^toString$', '^$', 'null', '\\d+', '^[0-9]+$', 'ü', '.*', '(?<x>a)x', '/',
  'object Object', 'hasOwnProperty', '^1\\.2\\.3$', '\\/',
];
const NON_STRING_REGEX = [987654, ['zq'], { k: 1 }, false];
export const PATHS = [
  'id', 'country', 'age', 'version', 'tags', 'nums', 'user', 'user.name', 'user.plan',
  'user.age', 'user.address.city', 'user.address', 'user.tags', 'items', 'items.0.name',
  'items.1', 'tags.0', 'tags.length', 'nums.length', 'country.length', 'missing',
  'missing.deep', 'a.b', '$groups', 'flags', 'score', 'user.toString', 'empty', '0',
];
const TYPES = ['string', 'number', 'boolean', 'array', 'object', 'null', 'undefined', 'unknown', 'function'];
export const GROUP_IDS = [
  'g_v1', 'g_list', 'g_list_nokey', 'g_list_badvalues', 'g_cond', 'g_cond2', 'g_cycle',
  'g_cond_bad', 'g_unknown', 'g_null', 'g_missing', 'toString',
];

export class ConditionGenerator {
  /** How often each operator was generated, to assert coverage. */
  readonly counts = new Map<string, number>();

  constructor(private readonly r: Random) {}

  private count(op: string): void {
    this.counts.set(op, (this.counts.get(op) ?? 0) + 1);
  }

  scalar(): unknown {
    const r = this.r;
    return r.weighted<unknown>([
      [5, () => r.pick(STRINGS)],
      [4, () => r.pick(NUMBERS)],
      [1, () => r.chance(0.5)],
      [1, () => null],
    ]);
  }

  attributeValue(depth = 0): unknown {
    const r = this.r;
    return r.weighted<unknown>([
      [8, () => this.scalar()],
      [1, () => r.pick(VERSIONS)],
      [depth < 2 ? 3 : 0, () => Array.from({ length: r.int(4) }, () => this.attributeValue(depth + 1))],
      [depth < 2 ? 2 : 0, () => this.attributeObject(depth + 1)],
      [0.2, () => undefined],
      [0.2, () => NaN],
    ]);
  }

  private attributeObject(depth: number): Doc {
    const r = this.r;
    const out: Doc = {};
    for (const key of ['name', 'plan', 'age', 'address', 'tags', 'city']) {
      if (r.chance(0.5)) {
        out[key] = key === 'address' ? { city: r.pick(STRINGS) } : this.attributeValue(depth + 1);
      }
    }
    return out;
  }

  attributes(): Doc {
    const r = this.r;
    const attrs: Doc = {};
    const make: Record<string, () => unknown> = {
      id: () => r.pick([...STRINGS, ...NUMBERS]),
      country: () => r.pick(['us', 'US', 'uk', 'ca', '', 'Uk']),
      age: () => r.pick([...NUMBERS, '10', ' 8 ', 'x', null]),
      version: () => r.pick(VERSIONS),
      tags: () => Array.from({ length: r.int(4) }, () => this.scalar()),
      nums: () => Array.from({ length: r.int(4) }, () => r.pick(NUMBERS)),
      user: () => this.attributeObject(1),
      items: () => Array.from({ length: r.int(3) }, () => this.attributeObject(1)),
      'a.b': () => this.scalar(),
      $groups: () => Array.from({ length: r.int(3) }, () => r.pick(['a', 'b', 'c'])),
      flags: () => ({ beta: r.chance(0.5) }),
      score: () => this.attributeValue(),
      empty: () => r.pick([[], {}, '', 0]),
      '0': () => this.scalar(),
    };
    for (const [key, f] of Object.entries(make)) if (r.chance(0.6)) attrs[key] = f();
    return attrs;
  }

  savedGroups(): Record<string, unknown> | undefined {
    const r = this.r;
    if (r.chance(0.1)) return undefined;
    const values = () => Array.from({ length: r.int(5) }, () => r.pick([...STRINGS.slice(0, 12), ...NUMBERS]));
    return {
      g_v1: values(),
      g_list: { type: 'list', attributeKey: r.pick(PATHS), values: values() },
      g_list_nokey: { type: 'list', values: values() },
      g_list_badvalues: { type: 'list', attributeKey: 'country', values: 'us' },
      g_cond: { type: 'condition', condition: this.doc(2) },
      g_cond2: { type: 'condition', condition: { $savedGroup: { id: r.pick(GROUP_IDS) } } },
      g_cycle: { type: 'condition', condition: { $or: [{ $savedGroup: { id: 'g_cycle' } }, this.doc(3)] } },
      g_cond_bad: { type: 'condition', condition: r.pick(['x', null, 5]) },
      g_unknown: { type: 'segment', values: ['us'] },
      g_null: null,
    };
  }

  savedGroupReference(): unknown {
    const r = this.r;
    return r.weighted<unknown>([
      [6, () => ({ id: r.pick(GROUP_IDS) })],
      [3, () => ({ id: r.pick(GROUP_IDS), attributeKey: r.pick(PATHS) })],
      [1, () => ({ id: r.pick(GROUP_IDS), attributeKey: r.pick([5, null]) })],
      [1, () => r.pick([null, 'g_v1', ['g_v1'], { id: 5 }, {}])],
    ]);
  }

  /** A condition document; depth bounds nesting. */
  doc(depth = 0): Doc {
    const r = this.r;
    const out: Doc = {};
    const n = r.int(depth === 0 ? 4 : 3);
    for (let i = 0; i < n; i++) {
      const kind = r.weighted<string>([
        [6, () => 'path'],
        [depth < 3 ? 1 : 0, () => r.pick(['$or', '$and', '$nor'])],
        [depth < 3 ? 0.5 : 0, () => '$not'],
        [0.5, () => '$savedGroup'],
      ]);
      this.count(kind);
      if (kind === 'path') out[r.pick(PATHS)] = this.value(depth + 1);
      else if (kind === '$not') out.$not = r.chance(0.03) ? null : this.doc(depth + 1);
      else if (kind === '$savedGroup') out.$savedGroup = this.savedGroupReference();
      else out[kind] = this.docList(depth + 1);
    }
    return out;
  }

  private docList(depth: number): unknown {
    const r = this.r;
    if (r.chance(0.05)) {
      return r.pick<unknown>([null, 5, 'ab', {}, [null], { length: 1, 0: { country: 'us' } }, [{}, 5]]);
    }
    return Array.from({ length: r.int(4) }, () => this.doc(depth));
  }

  /** A condition value: a literal, or an operator object. */
  value(depth: number): unknown {
    const r = this.r;
    return r.weighted<unknown>([
      [2, () => this.scalar()],
      [0.5, () => Array.from({ length: r.int(3) }, () => this.scalar())],
      [0.5, () => r.pick<unknown>([{}, { name: 'abc' }, { $eq: 1, name: 'x' }, { city: 'us' }])],
      [7, () => this.operatorObject(depth)],
    ]);
  }

  operatorObject(depth: number): Doc {
    const r = this.r;
    const out: Doc = {};
    const n = 1 + r.int(2);
    for (let i = 0; i < n; i++) {
      const op = r.chance(0.03) ? r.pick(BOGUS_OPERATORS) : r.pick(VALUE_OPERATORS);
      this.count(op);
      out[op] = this.operand(op, depth);
    }
    return out;
  }

  private array(make: () => unknown, max: number): unknown[] {
    return Array.from({ length: this.r.int(max + 1) }, make);
  }

  private operand(op: string, depth: number): unknown {
    const r = this.r;
    switch (op) {
      case '$eq':
      case '$ne':
        return r.chance(0.9) ? this.scalar() : [1];
      case '$lt': case '$lte': case '$gt': case '$gte':
        return r.chance(0.9) ? this.scalar() : r.pick<unknown>([[5], [], { a: 1 }]);
      case '$regex': case '$regexi':
        return r.chance(0.95) ? r.pick(REGEXES) : r.pick(NON_STRING_REGEX);
      case '$in': case '$nin': case '$ini': case '$nini':
        return r.chance(0.93) ? this.array(() => this.scalar(), 4) : r.pick<unknown>([1, 'us', null, {}]);
      case '$all': case '$alli':
        if (r.chance(0.05)) return r.pick<unknown>(['a', null, 3]);
        return this.array(() => (r.chance(0.7) ? this.scalar() : this.value(depth + 1)), 3);
      case '$elemMatch':
        if (r.chance(0.04)) return r.pick<unknown>([null, 5, {}, 'ab']);
        return depth > 4 || r.chance(0.5) ? this.operatorObject(depth + 1) : this.doc(depth + 1);
      case '$size':
        return r.pick<unknown>([0, 1, 2, 3, '2', { $gt: 1 }, { $lte: 2 }, { $in: [0, 2] }, null, 'x']);
      case '$exists':
        return r.pick<unknown>([true, false, true, false, 0, 1, '', 'x', null]);
      case '$type':
        return r.pick(TYPES);
      case '$not':
        return depth > 4 ? this.scalar() : this.value(depth + 1);
      case '$veq': case '$vne': case '$vgt': case '$vgte': case '$vlt': case '$vlte':
        return r.pick(VERSIONS);
      case '$inGroup': case '$notInGroup':
        return r.chance(0.95) ? r.pick(GROUP_IDS) : 5;
      default:
        return this.scalar();
    }
  }
}
