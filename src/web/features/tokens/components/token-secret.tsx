import type { CreatedApiToken } from '../../../../shared/contract/tokens';
import { OneTimeSecret } from '../../../components/one-time-secret';

export interface TokenSecretProps {
  created: CreatedApiToken;
  onDone: () => void;
}

/** The new token's secret: the only time anyone sees it. */
export function TokenSecret({ created, onDone }: TokenSecretProps) {
  return (
    <OneTimeSecret
      title={`Token “${created.token.name}” created`}
      label="Token secret"
      value={created.secret}
      copyLabel="Copy token"
      onDone={onDone}
      doneLabel="I have copied it"
    >
      <strong>Copy it now: it won’t be shown again.</strong> Switchboard stores only a hash. Send it as{' '}
      <code>Authorization: Bearer &lt;token&gt;</code>. If it is lost or leaked, revoke it and create a new one.
    </OneTimeSecret>
  );
}
