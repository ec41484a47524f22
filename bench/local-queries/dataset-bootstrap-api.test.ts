import { describe, expect, it } from 'vitest';
import { bootstrapPageSchema } from '../../shared/protocol/bootstrap';
import { demoBranches, generateDataset } from '../../test/fixtures/complaint-dataset';
import { datasetBootstrapApi } from './dataset-bootstrap-api';

describe('datasetBootstrapApi', () => {
  it('pages every complaint once, each with all its events numbered in feed order, totals on the first page only', async () => {
    const data = generateDataset({ seed: 3, complaints: 25, branches: demoBranches(), endMs: Date.UTC(2026, 11, 1) });
    const api = datasetBootstrapApi(data);
    const seen: string[] = [];
    const seqs: number[] = [];
    const seqOf = new Map<string, number>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const q: string = after === null ? 'limit=10' : `limit=10&after=${after}`;
      const page = bootstrapPageSchema.parse(await api.json('GET', `/api/sync/bootstrap?${q}`));
      expect(page.total === null).toBe(pages > 0);
      expect(page.upTo).toBe(data.events.length);
      pages++;
      for (const c of page.complaints) {
        seen.push(c.id);
        for (const e of c.events) {
          expect(e.status).toBe('accepted');
          expect(e.complaintId).toBe(c.id);
          seqs.push(e.seq!);
          seqOf.set(e.id, e.seq!);
        }
      }
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(data.complaints.map((c) => c.id).sort());
    expect(seqs.sort((a, b) => a - b)).toEqual(data.events.map((_, i) => i + 1));
    data.events.forEach((e, i) => expect(seqOf.get(e.id)).toBe(i + 1));
  });
});
