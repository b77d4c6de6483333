import { Alert, Anchor, List, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { QueryError } from '../../../../components/query-error';
import { experimentReviewQueryOptions } from '../../api/get-review';
import { formatReachShort } from '../../utils/audience';
import type { ExperimentFormInput, ExperimentFormValues } from '../../utils/experiment-form';
import { ExperimentSummary } from '../experiment-summary';
import { useEditorContext } from './editor-context';
import { RunTimeEstimator } from './run-time-estimator';
import { editorSteps, stepOfPath, type EditorStepId } from './steps';
import { readableAlertTitle } from '../alert-styles';

export interface ReviewStepProps {
  onGoToStep: (step: EditorStepId) => void;
  /** What to do next (lifecycle buttons), shown once the draft is saved and unchanged. */
  launch: ReactNode;
}

const stepLabel = (id: EditorStepId) => editorSteps.find((step) => step.id === id)?.label ?? id;

/** Summary, what blocks starting, collisions, reach and a run-time estimate. */
export function ReviewStep({ onGoToStep, launch }: ReviewStepProps) {
  const { experiment, segments } = useEditorContext();
  const { control, formState } = useFormContext<ExperimentFormInput>();
  const values = useWatch({ control }) as ExperimentFormValues;
  const review = useQuery({ ...experimentReviewQueryOptions(experiment?.id ?? '', experiment?.version ?? 0), enabled: experiment !== undefined });

  return (
    <Stack gap="lg">
      {!experiment ? (
        <Alert color="gray" variant="light">
          Save the draft to check what blocks starting, what else changes the same parameters, and how many users it reaches.
        </Alert>
      ) : (
        <Stack gap="md" component="section" aria-labelledby="review-checks-heading">
          <Title order={3} size="h5" id="review-checks-heading">
            Checks
          </Title>
          {formState.isDirty && (
            <Alert color="yellow" variant="light">
              You have unsaved changes: these checks are for the saved version. Save to check your changes.
            </Alert>
          )}
          {review.isPending && <Skeleton height={80} radius="md" aria-label="Checking the experiment" />}
          {review.isError && <QueryError title="Could not check the experiment" error={review.error} onRetry={() => void review.refetch()} retrying={review.isFetching} />}
          {review.data && (
            <>
              {experiment.status !== 'draft' && experiment.status !== 'scheduled' ? (
                <Alert color="blue" variant="light" styles={readableAlertTitle} title={`This experiment is ${experiment.status}`}>
                  {experiment.status === 'running' ? 'Apps get its variants now.' : experiment.status === 'paused' ? 'Paused: everyone gets the usual values until it resumes.' : 'It no longer changes what apps get.'}
                </Alert>
              ) : review.data.problems.length === 0 ? (
                <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} styles={readableAlertTitle} title="Ready to start">
                  Nothing blocks starting this experiment.
                </Alert>
              ) : (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} styles={readableAlertTitle} title="Fix these before starting">
                  <List size="sm">
                    {review.data.problems.map((problem) => (
                      <List.Item key={`${problem.path}:${problem.message}`}>
                        {problem.message}{' '}
                        <Anchor component="button" type="button" size="sm" onClick={() => onGoToStep(stepOfPath(problem.path))}>
                          (go to {stepLabel(stepOfPath(problem.path))})
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <Text size="sm">
                <strong>Reach:</strong> {review.data.reach ? formatReachShort(review.data.reach) : 'not known yet (no users seen in the last 30 days)'}
                {review.data.reach && review.data.reach.total > 0 && `, of whom ${values.allocation}% enter`}
              </Text>
              {review.data.collisions.length === 0 ? (
                <Text size="sm">No other running experiment or targeting rule changes these parameters for an overlapping audience.</Text>
              ) : (
                <Table.ScrollContainer
                  minWidth={560}
                  // On a phone the table scrolls sideways: keyboard users must be able to scroll it too.
                  scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Other changes to the same parameters, scrolls sideways' } }}
                >
                  <Table withTableBorder verticalSpacing="xs">
                    <Table.Caption>Also changing the same parameters for an overlapping audience</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">What</Table.Th>
                        <Table.Th scope="col">Parameter</Table.Th>
                        <Table.Th scope="col">Detail</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {review.data.collisions.map((collision) => (
                        <Table.Tr key={`${collision.kind}:${collision.label}:${collision.parameterKey}`}>
                          <Table.Td>
                            {collision.kind === 'experiment' ? 'Experiment' : 'Targeting rule'}: {collision.label}
                          </Table.Td>
                          <Table.Td ff="monospace">{collision.parameterKey}</Table.Td>
                          <Table.Td>{collision.detail}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </>
          )}
          {!formState.isDirty && launch}
        </Stack>
      )}
      <RunTimeEstimator allocation={values.allocation} arms={values.variants.length} monthlyAudience={review.data?.reach?.matched ?? null} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-summary-heading">
        <Stack gap="sm">
          <Title order={3} size="h5" id="review-summary-heading">
            Summary
          </Title>
          <ExperimentSummary values={values} segments={segments} timeline={experiment} />
        </Stack>
      </Paper>
    </Stack>
  );
}
