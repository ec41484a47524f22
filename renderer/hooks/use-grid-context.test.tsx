import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReference } from '../data/reference/defaults';
import { useUiStore } from '../state/ui-store';
import { useGridContext, type GridContext } from './use-grid-context';

/** Renders once without a data store and hands back what the hook gave. */
function contextOutsideAStore(): GridContext {
  let seen: GridContext | null = null;
  function Probe() {
    seen = useGridContext();
    return null;
  }
  renderToStaticMarkup(<Probe />);
  if (!seen) throw new Error('the probe did not render');
  return seen;
}

describe('useGridContext', () => {
  afterEach(() => useUiStore.getState().select(null));

  it('hands the grid no open complaint, the default policy, a clock and an empty outbox before the store opens', () => {
    const grid = contextOutsideAStore();
    expect(grid.selectedId).toBeNull();
    expect(grid.policy).toEqual(defaultReference().policy);
    expect(Number.isNaN(Date.parse(grid.now))).toBe(false);
    expect([...grid.pendingIds]).toEqual([]);
  });

  it('opens a complaint through the shared selection', () => {
    contextOutsideAStore().onOpen('c-7');
    expect(useUiStore.getState().selectedId).toBe('c-7');
  });
});
