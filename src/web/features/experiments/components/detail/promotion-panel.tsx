import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { useUndoPromotion } from '../../api/promote-experiment';
import { describeAudience } from '../../utils/audience';
import { formatLocal } from '../../utils/date-time';
import { readableAlertTitle } from '../alert-styles';

export interface PromotionPanelProps {
  experiment: Experiment;
  segments: readonly { id: string; name: string }[];
  canEdit: boolean;
}

/** What was promoted, to whom and when, with the rules it wrote and a way to take them out again. */
export function PromotionPanel({ experiment, segments, canEdit }: PromotionPanelProps) {
  const undo = useUndoPromotion(experiment.id);
  const [confirming, setConfirming] = useState(false);
  const promotion = experiment.promotion;
  if (!promotion) return null;
  const variant = experiment.variants.find((v) => v.key === promotion.variant);
  const audience = describeAudience(promotion.audience, new Map(segments.map((s) => [s.id, s.name])));
  const undone = promotion.undoneAt !== null;

  return (
    <Alert color={undone ? 'gray' : 'teal'} variant="light" icon={<IconTrophy aria-hidden />} styles={readableAlertTitle} title={undone ? 'Promotion undone' : `${variant?.name ?? promotion.variant} was promoted`}>
      <Stack gap="xs">
        <Text size="sm">
          {variant?.name ?? promotion.variant} ({promotion.variant}) promoted to {audience.toLowerCase() === 'everyone' ? 'everyone' : audience} on {formatLocal(promotion.at)}.
          {undone ? ` Undone on ${formatLocal(promotion.undoneAt)}: its targeting rules were removed.` : ' These parameters serve its values through a targeting rule:'}
        </Text>
        {!undone && (
          <List size="sm">
            {promotion.rules.map((rule) => (
              <List.Item key={rule.ruleId}>
                <Anchor component={Link} to={`/parameters/${encodeURIComponent(rule.parameterKey)}`} ff="monospace" size="sm">
                  {rule.parameterKey}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        {!undone && canEdit && (
          <Group>
            <Button variant="default" size="xs" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => setConfirming(true)}>
              Undo promotion
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Undo the promotion?"
        confirmLabel="Undo promotion"
        onCancel={() => setConfirming(false)}
        onConfirm={() => undo.mutate({ expectedVersion: experiment.version }, { onSuccess: () => setConfirming(false) })}
        loading={undo.isPending}
        error={undo.error}
      >
        The targeting rules the promotion wrote are removed, so {audience.toLowerCase() === 'everyone' ? 'everyone' : 'that audience'} gets the values from before again.
      </ConfirmDialog>
    </Alert>
  );
}
