/**
 * The grid page: the renderer's own queue grid (ComplaintGrid with its live
 * pages, virtualiser, styles and i18n) inside the app's DataProvider on the
 * benchmark's replica, driven from Playwright through window.hdGrid. It
 * measures what the agent sees: rows on screen after a cold open, and the
 * frames while the grid is scrolled from top to bottom.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../renderer/styles/app.css';
import { ComplaintGrid } from '../../renderer/components/ComplaintGrid';
import { DataProvider } from '../../renderer/data/provider';
import { benchPlatform } from './bench-platform';
import { useReference } from '../../renderer/hooks/use-reference';
import { initI18n } from '../../renderer/i18n/i18n';
import type { QueueFilter } from '../../renderer/data/types/queue';
import { frameReport, type FrameReport } from './frame-report';

const FILTER: QueueFilter = { scope: 'branch', status: ['registered', 'filed', 'callback_pending', 'in_progress'], sort: 'deadline' };
const NO_PENDING: ReadonlySet<string> = new Set();
const platform = benchPlatform();

function Harness() {
  const reference = useReference();
  const [now] = useState(() => new Date().toISOString());
  return <ComplaintGrid filter={FILTER} selectedId={null} onOpen={() => undefined} now={now} policy={reference.policy} pendingIds={NO_PENDING} />;
}

function body(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.grid-body');
  if (!el) throw new Error('no grid');
  return el;
}

/** Rows inside the scroll viewport that still show the placeholder (their page not yet read). */
function blankRowsInView(): number {
  const el = body();
  const top = el.scrollTop;
  const bottom = top + el.clientHeight;
  let blank = 0;
  for (const row of el.querySelectorAll<HTMLElement>('.grid-row')) {
    const y = Number(row.dataset.index) * 34;
    if (y + 34 > top && y < bottom && !row.querySelector('.num')) blank++;
  }
  return blank;
}

const api = {
  /** Resolves once the grid shows filled rows; ms since navigation start, and the grid's row count. */
  async ready(): Promise<{ atMs: number; rows: number }> {
    for (;;) {
      const grid = document.querySelector('.grid');
      if (grid && document.querySelector('.grid-row .num')) return { atMs: performance.now(), rows: Number(grid.getAttribute('aria-rowcount')) - 1 };
      await new Promise((r) => requestAnimationFrame(r));
    }
  },
  /** Scrolls the grid from top to bottom by `step` px a frame, recording every frame's interval and blank rows. */
  scroll(step: number): Promise<FrameReport> {
    const el = body();
    el.scrollTop = 0;
    const deltas: number[] = [];
    const blanks: number[] = [];
    return new Promise((resolve) => {
      let last = -1;
      const tick = (t: number) => {
        if (last >= 0) {
          deltas.push(t - last);
          blanks.push(blankRowsInView());
        }
        last = t;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
          resolve(frameReport(deltas, blanks, el.scrollHeight));
          return;
        }
        el.scrollTop += step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  },
};

initI18n('zh-CN');
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <DataProvider platform={platform} databaseName="hd-bench">
    <Harness />
  </DataProvider>,
);
(window as unknown as { hdGrid: typeof api }).hdGrid = api;
document.title = 'ready';
