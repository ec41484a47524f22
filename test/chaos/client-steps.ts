import type { Step } from './chaos-plan';
import type { ChaosClientThread } from './chaos-client-thread';

/**
 * The workstation steps both chaos runs (central only, and with a hub) take
 * the same way: going offline and back, a push sent twice, an old push
 * replayed. False for any other step, which the run handles itself.
 */
export async function applyClientStep(step: Step, clients: readonly ChaosClientThread[], stats: Record<string, number>): Promise<boolean> {
  switch (step.kind) {
    case 'offline':
      await clientOf(clients, step.client).setOnline(false);
      stats.offline = (stats.offline ?? 0) + 1;
      return true;
    case 'online':
      await clientOf(clients, step.client).setOnline(true);
      return true;
    case 'duplicate-next-push':
      await clientOf(clients, step.client).duplicateNextPush();
      stats.duplicated = (stats.duplicated ?? 0) + 1;
      return true;
    case 'replay-old-push':
      await clientOf(clients, step.client).replayOldPush(step.pick);
      stats.replayed = (stats.replayed ?? 0) + 1;
      return true;
    default:
      return false;
  }
}

function clientOf(clients: readonly ChaosClientThread[], index: number): ChaosClientThread {
  const client = clients[index];
  if (!client) throw new Error(`no chaos client ${index}`);
  return client;
}
