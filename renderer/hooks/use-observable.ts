import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * Subscribes to an observable for as long as the component lives and the
 * deps stay equal; `initial` shows until the first value (never blocks render).
 */
export function useObservable<T>(make: () => Observable<T> | null, initial: T, deps: readonly unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const source = make();
    if (!source) return;
    const sub = source.subscribe({ next: setValue, error: (err: unknown) => console.error('live query failed', err) });
    return () => sub.unsubscribe();
    // The caller's deps decide when the source changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
