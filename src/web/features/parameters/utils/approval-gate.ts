import type { Parameter, TargetingRuleInput } from '../../../../shared/contract/parameters';

/**
 * In an environment that requires approval, a save that changes what apps get (default value,
 * rules, kill switch) is not saved: it becomes this proposal, which the page turns into a change
 * request (or, for admins, a direct save with a reason).
 */
export interface ServingProposal {
  parameter: Pick<Parameter, 'id' | 'key' | 'name'>;
  /** The environment's version the person edited. */
  baseVersion: number;
  after: { defaultValue: unknown; killed: boolean; rules: TargetingRuleInput[] };
  /** Admins: save it straight away, the reason kept in the audit log. Rejects with the server's error. */
  saveDirectly: (bypassReason: string) => Promise<void>;
  /** Saves the changes that need no approval (name, description, tags), if the person made any. */
  saveRest: () => Promise<void>;
}

export type ProposeChange = (proposal: ServingProposal) => void;

/** The fields whose change the environment's approval covers (the type is shared by every environment). */
export const servingFields = ['defaultValue', 'rules'] as const;
