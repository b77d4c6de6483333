import { PageHeader } from '../../components/page-header';
import { RolloutsList } from '../../features/rollouts/components/rollouts-list';

export function RolloutsPage() {
  return (
    <>
      <PageHeader title="Rollouts" description="New values shipped in steps to a growing share of users, watched by guardrail metrics and rolled back by themselves on clear harm." />
      <RolloutsList />
    </>
  );
}
