import pg from 'pg';

/**
 * Samples pg_stat_activity while a run goes on: what the server's database
 * sessions are doing (running, waiting on a lock, waiting for the server to
 * send its next statement inside a transaction...). The shares say where
 * push time goes on the database side without guessing.
 */
export interface ActivitySampler {
  stop(): Promise<Map<string, number>>;
}

export async function sampleActivity(url: string, everyMs = 10): Promise<ActivitySampler> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const res = await client.query<{ state: string; wait: string | null }>(
        `select state, coalesce(wait_event_type || ':' || wait_event, '') as wait
           from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid() and datname = current_database()
            and application_name <> 'hd-bench-raw'`,
      );
      for (const r of res.rows) {
        if (!r.state) continue;
        const key = r.state === 'active' ? (r.wait ? `active, waiting ${r.wait}` : 'active (running)') : r.state;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return counts;
    },
  };
}
