import type { CreatedSdkKey } from '../../../../shared/contract/sdk-keys';
import { OneTimeSecret } from '../../../components/one-time-secret';

/** The new key's secret: the only time anyone sees it. */
export function SdkKeySecret({ created, onDone }: { created: CreatedSdkKey; onDone: () => void }) {
  return (
    <OneTimeSecret
      title={`SDK key “${created.key.name}” created`}
      label="SDK key secret"
      value={created.secret}
      copyLabel="Copy key"
      onDone={onDone}
      doneLabel="I have copied it"
    >
      <strong>Copy it now: it won’t be shown again.</strong> Apps send it as <code>Authorization: Bearer &lt;key&gt;</code> to{' '}
      <code>/ofrep/v1</code>
      {created.key.kind === 'server' ? ' and /sdk/v1' : ''}. If it is lost or leaked, revoke it and create a new one.
    </OneTimeSecret>
  );
}
