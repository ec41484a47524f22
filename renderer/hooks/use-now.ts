import { useEffect, useState } from 'react';

/** The current time as ISO, refreshed every `intervalMs` (live countdowns). */
export function useNow(intervalMs = 30_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
