export * from './type-spec';
export * from './value-schemas';
export { validateValue, checkJsonSchema, isPlainObject, type ValueCheck } from './validate';
export { defaultValueFor } from './defaults';
export { ofrepKindOf, toOfrepValue, type OfrepValueKind } from './ofrep-mapping';
export { parseJsonText, type JsonTextResult } from './json-text';
export { diffJson, type ValueChange } from './diff';
export { humanizeKey } from './schema-messages';
