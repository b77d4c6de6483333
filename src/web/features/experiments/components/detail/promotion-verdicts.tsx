import { Alert, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PromotionCheck } from '../../../../../shared/contract/experiments';
import { readableAlertTitle } from '../alert-styles';

type VariantCheck = PromotionCheck['variants'][number];

/** One line under a variant's radio: how it does on the primary metric. */
export function primaryVerdictText(check: VariantCheck | undefined): string {
  if (!check) return '';
  if (!check.primary) return 'No primary metric to judge it by';
  return `${check.primary.metricName}: ${check.primary.summary}`;
}

/** The chosen variant's verdicts on the primary metric and every guardrail, as the results page reads them. */
export function PromotionVerdicts({ check }: { check: VariantCheck }) {
  return (
    <Stack gap={4} aria-label={`What the results say about ${check.name}`} role="group">
      <Text size="sm" fw={600}>
        What the results say about {check.name}
      </Text>
      <List size="sm">
        <List.Item>Primary metric, {primaryVerdictText(check)}</List.Item>
        {check.guardrails.map((guardrail) => (
          <List.Item key={guardrail.metricName}>
            Guardrail {guardrail.metricName}: {guardrail.verdict === 'losing' ? 'gets worse' : guardrail.summary}
          </List.Item>
        ))}
        {check.guardrails.length === 0 && <List.Item>No guardrail metrics</List.Item>}
      </List>
    </Stack>
  );
}

export interface RiskConfirmationProps {
  check: VariantCheck;
  typed: string;
  onTypedChange: (typed: string) => void;
  error?: string;
}

/** Promoting without a significant win (or with a guardrail worse) takes typing a phrase that says so. */
export function RiskConfirmation({ check, typed, onTypedChange, error }: RiskConfirmationProps) {
  if (!check.confirmPhrase) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} styles={readableAlertTitle} title={`${check.name} is a risky choice`}>
      <Stack gap="xs">
        <List size="sm">
          {check.risks.map((risk) => (
            <List.Item key={risk.code}>{risk.message}</List.Item>
          ))}
        </List>
        <TextInput
          label={`To promote it anyway, type "${check.confirmPhrase}"`}
          value={typed}
          onChange={(event) => onTypedChange(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          error={error}
        />
      </Stack>
    </Alert>
  );
}

/** The typed phrase matches (the API compares the same way: trimmed, any case). */
export const phraseAccepted = (check: VariantCheck | undefined, typed: string) =>
  !check?.confirmPhrase || typed.trim().toLowerCase() === check.confirmPhrase;
