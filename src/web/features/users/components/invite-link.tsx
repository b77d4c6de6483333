import type { InvitedUser } from '../../../../shared/contract/users';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { roleLabels } from '../../../lib/roles';
import { inviteUrl } from '../api/invite-user';

export interface InviteLinkProps {
  invited: InvitedUser;
  onDone: () => void;
}

/** The invite link, shown once right after inviting: Switchboard sends no email, the admin passes it on. */
export function InviteLink({ invited, onDone }: InviteLinkProps) {
  return (
    <OneTimeSecret
      title={`Invite link for ${invited.user.email}`}
      label="Invite link"
      value={inviteUrl(invited)}
      copyLabel="Copy link"
      onDone={onDone}
      doneLabel="Done, invite someone else"
    >
      Send this link to {invited.user.name} ({roleLabels[invited.user.role]}). It is shown only this once and
      works for 7 days. Anyone with the link can join as this person, so share it privately.
    </OneTimeSecret>
  );
}
