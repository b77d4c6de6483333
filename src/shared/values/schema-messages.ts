import type { OutputUnit } from '@cfworker/json-schema';

// @cfworker/json-schema reports problems in validator words ('Instance does not have required
// property "trialDays".'). Marketers fill these forms, so each problem is said again in plain
// words, naming the field by its schema title or, failing that, its property name
// ("Trial days is required").

export interface PlainSchemaError {
  /** JSON pointer of the value the problem is about, e.g. "/screens/0/title". */
  pointer: string;
  message: string;
}

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "trialDays" -> "Trial days", "frequency_cap" -> "Frequency cap". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function decode(part: string): string {
  return decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerParts(pointer: string): string[] {
  return pointer.replace(/^#?\/?/, '').split('/').filter(Boolean).map(decode);
}

/** The sub-schema at a keyword location such as "#/properties/trialDays/minimum" (its parent schema). */
function schemaAt(root: Schema, keywordLocation: string): Schema | undefined {
  const parts = pointerParts(keywordLocation).slice(0, -1);
  let node: unknown = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isSchema(node)) node = node[part];
    else return undefined;
  }
  return isSchema(node) ? node : undefined;
}

function fieldName(schema: Schema | undefined, pointer: string, root: Schema): string {
  if (schema && typeof schema.title === 'string' && schema.title.trim() !== '') return schema.title;
  const last = pointerParts(pointer).filter((part) => !/^\d+$/.test(part)).at(-1);
  if (last !== undefined) return humanizeKey(last);
  return typeof root.title === 'string' && root.title !== '' ? root.title : 'The value';
}

const typeWords: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'on or off',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty',
};

function typeText(expected: unknown): string {
  const list = (Array.isArray(expected) ? expected : [expected]).map((type) => typeWords[String(type)] ?? String(type));
  return list.join(' or ');
}

function patternText(pattern: unknown): string {
  const text = String(pattern);
  if (text.includes('https?')) return 'must be a web address starting with https://';
  if (text.startsWith('^#')) return 'must be a colour like #4C6EF5';
  if (text.startsWith('^[a-z0-9]')) return 'may use only lowercase letters, digits, hyphens and underscores, starting with a letter or digit';
  return 'is not in the expected format';
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function listText(values: unknown): string {
  const list = Array.isArray(values) ? values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))) : [];
  return list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ');
}

/** One validator problem in plain words, or null when another unit already says it. */
export function plainSchemaError(root: Schema, unit: OutputUnit): PlainSchemaError | null {
  const at = unit.instanceLocation.replace(/^#/, '');
  const schema = schemaAt(root, unit.keywordLocation);
  const value = schema?.[unit.keyword];
  const name = fieldName(schema, at, root);
  const say = (message: string, pointer = at): PlainSchemaError => ({ pointer, message });
  switch (unit.keyword) {
    case 'required': {
      const key = /"(.*)"/.exec(unit.error)?.[1] ?? '';
      const properties = isSchema(schema?.properties) ? schema.properties : {};
      const property = isSchema(properties[key]) ? properties[key] : undefined;
      return say(`${fieldName(property, `/${key}`, root)} is required`, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    case 'additionalProperties':
      // The unit for the field itself (keyword "false", or the field's own problem) says it.
      return null;
    case 'false': {
      const parts = pointerParts(at);
      const key = parts.at(-1) ?? '';
      const parent = at.slice(0, Math.max(0, at.lastIndexOf('/')));
      return parts.length > 0 ? say(`“${key}” is not one of the fields here`, parent) : say(`${name} is not allowed here`);
    }
    case 'type':
      return say(`${name} must be ${typeText(value)}`);
    case 'minimum':
      return say(`${name} must be at least ${String(value)}`);
    case 'maximum':
      return say(`${name} must be at most ${String(value)}`);
    case 'exclusiveMinimum':
      return say(`${name} must be more than ${String(value)}`);
    case 'exclusiveMaximum':
      return say(`${name} must be less than ${String(value)}`);
    case 'multipleOf':
      return say(`${name} must be a multiple of ${String(value)}`);
    case 'minLength':
      return say(value === 1 ? `${name} cannot be empty` : `${name} needs at least ${plural(Number(value), 'character')}`);
    case 'maxLength':
      return say(`${name} can have at most ${plural(Number(value), 'character')}`);
    case 'pattern':
      return say(`${name} ${patternText(value)}`);
    case 'enum':
      return say(`${name} must be one of: ${listText(value)}`);
    case 'const':
      return say(`${name} must be ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    case 'minItems':
      return say(`${name} needs at least ${plural(Number(value), 'item')}`);
    case 'maxItems':
      return say(`${name} can have at most ${plural(Number(value), 'item')}`);
    case 'uniqueItems':
      return say(`${name} has the same item twice`);
    case 'minProperties':
      return say(`${name} needs at least ${plural(Number(value), 'field')}`);
    case 'maxProperties':
      return say(`${name} can have at most ${plural(Number(value), 'field')}`);
    case 'format':
      return say(`${name} must be a valid ${String(value)}`);
    case 'anyOf':
    case 'oneOf':
    case 'not':
    case 'if':
      return say(`${name} does not have one of the allowed shapes`);
    default:
      return say(`${name}: ${unit.error.replace(/^Instance /, 'the value ').replace(/\.$/, '')}`);
  }
}
