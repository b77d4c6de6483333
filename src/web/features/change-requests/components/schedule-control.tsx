import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useChangeRequestAction } from '../api/change-request-actions';
import { fromLocalInput, toLocalInput } from '../utils/local-date-time';

/** Publish at a time: the server publishes it then, if it is approved by that time. */
export function ScheduleControl({ changeRequest }: { changeRequest: ChangeRequest }) {
  const schedule = useChangeRequestAction(changeRequest.id, 'schedule');
  const [value, setValue] = useState(() => toLocalInput(changeRequest.publishAt ?? new Date(Date.now() + 60 * 60_000)));
  const [invalid, setInvalid] = useState<string | undefined>();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const publishAt = fromLocalInput(value);
    if (!publishAt) return setInvalid('Enter a date and a time');
    if (new Date(publishAt).getTime() <= Date.now()) return setInvalid('Choose a time in the future');
    setInvalid(undefined);
    schedule.mutate({ expectedVersion: changeRequest.version, publishAt });
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="schedule-heading">
      <Text fw={600} id="schedule-heading">
        Schedule
      </Text>
      {changeRequest.publishAt && (
        <Alert color="blue" variant="light" icon={<IconClock aria-hidden />} role="status">
          {`Scheduled to publish on ${formatDateTime(changeRequest.publishAt)}${changeRequest.approved ? '.' : ', once approved.'}`}
        </Alert>
      )}
      <form onSubmit={submit} aria-label="Schedule the publish" noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="datetime-local"
            label="Publish at"
            description={`Your time (${zone})`}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={invalid}
            required
          />
          <Button type="submit" variant="default" loading={schedule.isPending && schedule.variables?.publishAt !== null}>
            {changeRequest.publishAt ? 'Reschedule' : 'Schedule'}
          </Button>
          {changeRequest.publishAt && (
            <Button
              variant="outline"
              color="red.9"
              loading={schedule.isPending && schedule.variables?.publishAt === null}
              onClick={() => schedule.mutate({ expectedVersion: changeRequest.version, publishAt: null })}
            >
              Unschedule
            </Button>
          )}
        </Group>
      </form>
      <FormError message={schedule.isError ? errorMessage(schedule.error) : undefined} />
    </Stack>
  );
}
