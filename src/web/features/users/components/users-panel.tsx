import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { InvitedUser } from '../../../../shared/contract/users';
import { InviteLink } from './invite-link';
import { InviteUserForm } from './invite-user-form';
import { UsersTable } from './users-table';

export interface UsersPanelProps {
  /** The signed-in admin, who may not demote or disable themselves here. */
  currentUserId: string;
}

/** Settings > Users: invite people and manage their roles and access (admins only). */
export function UsersPanel({ currentUserId }: UsersPanelProps) {
  const [invited, setInvited] = useState<InvitedUser | null>(null);
  const inviteHeading = useId();
  const peopleHeading = useId();

  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby={inviteHeading}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id={inviteHeading}>
              Invite someone
            </Title>
            <Text size="sm" c="dimmed">
              Switchboard does not send email: you get a one-time link to pass on.
            </Text>
          </div>
          {invited ? <InviteLink invited={invited} onDone={() => setInvited(null)} /> : <InviteUserForm onInvited={setInvited} />}
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby={peopleHeading}>
        <Title order={2} size="h3" id={peopleHeading}>
          People
        </Title>
        <UsersTable currentUserId={currentUserId} />
      </Stack>
    </Stack>
  );
}
