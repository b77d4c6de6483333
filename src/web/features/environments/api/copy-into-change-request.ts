import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateChangeRequestBody } from '../../../../shared/contract/change-requests';
import type { Comparison, Environment, EnvironmentField } from '../../../../shared/contract/environments';
import type { TargetingRuleInput } from '../../../../shared/contract/parameters';
import { changeRequestsApi } from '../../../../shared/contract/endpoints/change-requests';
import { callEndpoint } from '../../../lib/call-endpoint';

/** The target's current settings with the chosen fields taken from the source: what the change request proposes. */
export function mergedSettings(comparison: Comparison, fields: EnvironmentField[]) {
  const pick = (field: EnvironmentField) => (fields.includes(field) ? comparison.from : comparison.to);
  return { defaultValue: pick('defaultValue').defaultValue, killed: pick('killed').killed, rules: pick('rules').rules as TargetingRuleInput[] };
}

export interface CopyIntoChangeRequestVariables {
  comparison: Comparison;
  from: Environment;
  to: Environment;
  fields: EnvironmentField[];
}

/** When the target requires approval, a copy becomes a change request there instead of a save. */
export function useCopyIntoChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comparison, from, to, fields }: CopyIntoChangeRequestVariables, { client }) => {
      const body: CreateChangeRequestBody = {
        environmentId: to.id,
        title: `Copy ${comparison.parameter.key} from ${from.name}`,
        changes: [{ parameterId: comparison.parameter.id, baseVersion: comparison.to.version, after: mergedSettings(comparison, fields) }],
      };
      return callEndpoint(client, changeRequestsApi.create, { body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['change-requests'] }),
  });
}
