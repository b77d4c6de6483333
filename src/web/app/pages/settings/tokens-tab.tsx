import { TokensPanel } from '../../../features/tokens/components/tokens-panel';

export function TokensTab() {
  return <TokensPanel />;
}
