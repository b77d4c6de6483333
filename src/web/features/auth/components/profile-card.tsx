import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '../../../lib/format';
import { roleColors, roleDescriptions, roleLabels } from '../../../lib/roles';
import { useSession } from '../api/session-context';

/** Who am I: the signed-in person and what their role lets them do. */
export function ProfileCard() {
  const { user } = useSession();
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          Your profile
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>Name</Table.Th>
              <Table.Td>{user.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>
                <Group gap="xs">
                  <Badge color={roleColors[user.role]} variant="dot">
                    {roleLabels[user.role]}
                  </Badge>
                  <Text size="sm">{roleDescriptions[user.role]}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Member since</Table.Th>
              <Table.Td>{formatDate(user.createdAt)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
