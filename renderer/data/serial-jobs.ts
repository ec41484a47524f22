/**
 * Jobs run one after another, in the order given: a failed job is logged
 * (under `what`) and does not stop the ones after it; once `stopped()` says
 * so, jobs still waiting are skipped. The projector and the search index
 * each keep their writes in one such line.
 */
export function serialJobs(what: string, stopped: () => boolean) {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    enqueue(job: () => Promise<void>): Promise<void> {
      const next = chain.then(() => (stopped() ? undefined : job()));
      chain = next.catch((err: unknown) => console.error(`${what} failed`, err));
      return next;
    },
    /** Resolves when no job is running or waiting, jobs queued meanwhile included. */
    async idle(): Promise<void> {
      let seen: Promise<unknown>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
  };
}
