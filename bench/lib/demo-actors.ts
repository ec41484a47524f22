import type { BranchActors } from '../../test/fixtures/complaint-history';
import { login, type Session } from './api-client';

/**
 * Signs in the demo organisation's working staff and describes both branches
 * as fixture actors, so generated events carry real user ids and each can be
 * pushed under its own author's session.
 */
export async function demoActors(url: string): Promise<{ branches: BranchActors[]; byActor: Map<string, Session>; director: Session }> {
  const names = ['agent.gz', 'agent2.gz', 'lead.gz', 'officer.gz', 'agent.dg', 'lead.dg', 'supervisor.dg'];
  const s = new Map<string, Session>();
  for (const n of names) s.set(n, await login(url, n));
  const id = (n: string) => (s.get(n) as Session).user.id;
  const branch = (n: string) => (s.get(n) as Session).user.branchId;
  const branches: BranchActors[] = [
    { branchId: branch('agent.gz'), agents: [id('agent.gz'), id('agent2.gz')], leads: [id('lead.gz')], officers: [id('officer.gz')] },
    // Branch dg has no complaint officer in the demo organisation; its supervisor does that work.
    { branchId: branch('agent.dg'), agents: [id('agent.dg')], leads: [id('lead.dg')], officers: [id('supervisor.dg')] },
  ];
  const byActor = new Map([...s.values()].map((x) => [x.user.id, x]));
  return { branches, byActor, director: await login(url, 'director') };
}
