import { useState } from 'react';
import type { ServerChangeResult } from '../data/server-change';
import { useServerAddress } from '../hooks/use-server-address';
import { useSyncState } from '../hooks/use-sync-state';
import { ServerAddressView } from './ServerAddressView';

/** Settings, for admins: point this workstation at a branch hub or back at central. */
export function ServerAddressForm() {
  const server = useServerAddress();
  const pending = useSyncState().pending;
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ServerChangeResult | null>(null);
  const submit = async () => {
    setBusy(true);
    try {
      const result = await server.change(value);
      setOutcome(result);
      if (result.ok) setValue('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <ServerAddressView
      current={server.current}
      value={value}
      busy={busy}
      outcome={outcome}
      pending={pending}
      onChange={(v) => {
        setValue(v);
        setOutcome(null);
      }}
      onSubmit={() => void submit()}
    />
  );
}
