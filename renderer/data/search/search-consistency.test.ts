import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { samplePayloads } from '../../../shared/test-support/sample-payloads';
import type { EventType } from '../../../shared/events/catalogue';
import type { EventDoc } from '../schema/events-schema';
import { openLocalStore, storedEventDoc, testUsers } from '../test-support';
import { createSearchIndex, type SearchIndex } from './search-index';

const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const NAMES = ['王小明', '李娜', '欧阳娜娜', 'Chen Wei', '张三'];
const TEXTS = ['营业厅排队时间太长', '话费扣错了要求退款', '宽带安装迟迟不来', '客服态度冷淡', '发票开错了'];
const LATER: EventType[] = ['note.added', 'soothing.recorded', 'complaint.graded', 'complaint.redacted'];

interface Plan {
  name: number;
  phone: string;
  text: number;
  later: EventType[];
}

function eventsOf(plans: Plan[]): EventDoc[] {
  return plans.flatMap((plan, c) => {
    const complaintId = `c-${c}`;
    const at = (i: number) => T0 + c * 3_600_000 + i * 60_000;
    const created = samplePayloads['complaint.created'];
    const types: EventType[] = ['complaint.created', ...plan.later];
    return types.map((type, i) => {
      const payload =
        type === 'complaint.created'
          ? {
              ...created,
              number: `GZ-20261123-${String(c + 1).padStart(4, '0')}`,
              complainant: { ...created.complainant, name: NAMES[plan.name]!, phone: plan.phone },
              description: TEXTS[plan.text]!,
            }
          : type === 'complaint.redacted'
            ? { fields: ['complainant.name', 'complainant.phone', 'description'], reason: '保存期满' }
            : samplePayloads[type];
      return storedEventDoc({ i, type, complaintId, wallMs: at(i), payload });
    });
  });
}

/** Every kind of query the UI promises, taken from the data (and a few that match nothing). */
function queriesOf(plans: Plan[]): string[] {
  const qs = ['发票开', '不存在的', '99999999'];
  plans.forEach((plan, c) => {
    const number = `GZ-20261123-${String(c + 1).padStart(4, '0')}`;
    qs.push(number, number.replace(/-/g, '').toLowerCase(), plan.phone.slice(-4), plan.phone.slice(2, 8), NAMES[plan.name]!);
    qs.push(TEXTS[plan.text]!.slice(0, 2), TEXTS[plan.text]!.slice(3, 6));
  });
  return qs;
}

const answers = async (index: SearchIndex, queries: string[]) => Promise.all(queries.map((q) => index.search(q, 100)));

const planArb = fc.record({
  name: fc.nat(NAMES.length - 1),
  phone: fc.stringMatching(/^1[3-9][0-9]{9}$/),
  text: fc.nat(TEXTS.length - 1),
  later: fc.array(fc.constantFrom(...LATER), { maxLength: 3 }),
});

describe('persistent search index against a fresh build', () => {
  it('gives the same answers whatever the order and grouping in which events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(planArb, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }),
        async (plans, randoms, chunkSizes) => {
          const events = eventsOf(plans);
          // Fisher–Yates with the generated numbers: any arrival order.
          const order = [...events];
          const r = randoms[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = r.next().value % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const store = await openLocalStore(testUsers.supervisor);
          const extra: SearchIndex[] = [];
          try {
            for (let i = 0, k = 0; i < order.length; k++) {
              const size = chunkSizes[k % chunkSizes.length]!;
              await store.db.events.bulkInsert(order.slice(i, i + size));
              i += size;
              if (k % 2 === 0) await store.projector.idle();
            }
            await store.projector.idle();
            await store.search.idle();
            const queries = queriesOf(plans);
            const live = await answers(store.search, queries);

            const open = (version: number) => {
              const index = createSearchIndex({ buckets: store.db.search, complaints: store.db.complaints, meta: store.userMeta, codec: { ...store.search.codec, version } });
              extra.push(index);
              return index;
            };
            // Loaded from what was persisted, then a fresh build from the final projections.
            const reloaded = await answers(open(store.search.codec.version), queries);
            const fresh = await answers(open(store.search.codec.version + 1), queries);
            expect(live).toEqual(fresh);
            expect(reloaded).toEqual(fresh);
            // Not vacuous: every complaint not fully redacted is found by its number.
            for (const [c, plan] of plans.entries()) {
              expect(fresh[3 + c * 7], `number of c-${c}`).toEqual([`c-${c}`]);
              if (!plan.later.includes('complaint.redacted')) expect(fresh[3 + c * 7 + 4]).toContain(`c-${c}`);
              else expect(fresh[3 + c * 7 + 4]).not.toContain(`c-${c}`);
            }
          } finally {
            for (const i of extra) {
              await i.idle();
              i.stop();
            }
            await store.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
