import { of } from 'rxjs';
import { useDataStore } from '../data/context';
import { defaultReference } from '../data/reference/defaults';
import type { Reference } from '../data/types/reference';
import { useObservable } from './use-observable';

/** Policy, calendar, directory and scripts; the built-in defaults until the first pull. */
export function useReference(): Reference {
  const store = useDataStore();
  return useObservable(() => (store ? store.reference$ : of(defaultReference())), defaultReference(), [store]);
}
