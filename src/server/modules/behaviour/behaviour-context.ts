import { BEHAVIOUR_ATTRIBUTE } from '../../../shared/behaviour/behaviour-rule';
import type { BehaviourRuleInUse } from '../../../shared/evaluation';
import type { Services } from '../../services';

/** Removes an app-sent BEHAVIOUR_ATTRIBUTE in place: only the server says what a user did. */
export function dropSentBehaviour(context: Record<string, unknown>): void {
  if (Object.hasOwn(context, BEHAVIOUR_ATTRIBUTE)) delete context[BEHAVIOUR_ATTRIBUTE];
}

/**
 * The context to evaluate: with the user's behavioural facts when rules are in use (a new
 * object; the caller's is left as sent), else the same object at no cost.
 */
export function withBehaviour<C extends { targetingKey: string }>(services: Services, environmentId: string, context: C, rules: readonly BehaviourRuleInUse[]): C {
  if (rules.length === 0) return context;
  return { ...context, [BEHAVIOUR_ATTRIBUTE]: services.behaviour.factsFor(environmentId, context.targetingKey, rules, services.clock.now()) };
}
