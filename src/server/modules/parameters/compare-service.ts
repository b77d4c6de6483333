import type { z } from 'zod';
import { environmentFields, type Comparison, type ComparisonList, type copyParameterBodySchema, type EnvironmentField } from '../../../shared/contract/environments';
import type { Parameter } from '../../../shared/contract/parameters';
import { badRequest, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import type { Actor } from '../audit/audit-service';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import type { WriteApproval } from '../environments/approval-guard';
import { updateParameter } from './parameters-service';

// Compare and copy: what differs for each parameter between two environments, and copying the
// parts a person picks from one into the other as an ordinary save there (versioned, audited).

const settingsOf = (p: Parameter) => ({ defaultValue: p.defaultValue, killed: p.killed, rules: p.rules, version: p.version, updatedAt: p.updatedAt, updatedBy: p.updatedBy });

/** Rules compare without their ids: a rule copied over (a new id) is the same rule. */
const comparable = (p: Parameter, field: EnvironmentField) =>
  JSON.stringify(field === 'rules' ? p.rules.map(({ id: _id, ...rule }) => rule) : p[field]);

function compareOne(from: Parameter, to: Parameter): Comparison {
  return {
    parameter: { id: from.id, key: from.key, name: from.name, spec: from.spec },
    from: settingsOf(from),
    to: settingsOf(to),
    differences: environmentFields.filter((field) => comparable(from, field) !== comparable(to, field)),
  };
}

export async function compareEnvironments(services: Services, fromRef: string, toRef: string, differentOnly: boolean): Promise<ComparisonList> {
  const { store } = services;
  const [from, to] = await Promise.all([resolveEnvironment(store, fromRef, 'from'), resolveEnvironment(store, toRef, 'to')]);
  const [fromParameters, toParameters] = await Promise.all([store.parameters.listActive(from.id), store.parameters.listActive(to.id)]);
  const toById = new Map(toParameters.map((p) => [p.id, p]));
  const items = fromParameters.flatMap((p) => (toById.has(p.id) ? [compareOne(p, toById.get(p.id)!)] : []));
  return { from, to, items: differentOnly ? items.filter((item) => item.differences.length > 0) : items };
}

export async function copyParameter(services: Services, id: string, body: z.output<typeof copyParameterBodySchema>, actor: Actor, approval?: WriteApproval): Promise<Parameter> {
  const { store } = services;
  const from = await resolveEnvironment(store, body.from, 'from');
  const to = await writableEnvironment(store, body.to, 'to');
  if (from.id === to.id) throw badRequest('Copy between two different environments', [{ path: 'to', message: 'Choose another environment than the source' }]);
  const source = (await store.parameters.getById(id, from.id)) ?? (await store.parameters.getByKey(id, from.id));
  if (!source) throw notFound('No such parameter');
  const fields = [...new Set(body.fields)];
  const picked = Object.fromEntries(fields.map((field) => [field, source[field]]));
  return updateParameter(services, source.id, to.id, { expectedVersion: body.expectedVersion, ...picked }, actor, approval);
}
