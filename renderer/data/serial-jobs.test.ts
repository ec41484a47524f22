import { describe, expect, it, vi } from 'vitest';
import { serialJobs } from './serial-jobs';

describe('serialJobs', () => {
  it('runs jobs one at a time in order, and idle waits for jobs queued meanwhile', async () => {
    const jobs = serialJobs('test', () => false);
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`${name} end`);
      if (name === 'a') void jobs.enqueue(step('c'));
    };
    void jobs.enqueue(step('a'));
    void jobs.enqueue(step('b'));
    await jobs.idle();
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('logs a failed job and runs the next; skips waiting jobs once stopped', async () => {
    let stopped = false;
    const jobs = serialJobs('test job', () => stopped);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ran: string[] = [];
    await expect(jobs.enqueue(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await jobs.enqueue(async () => { ran.push('after failure'); });
    expect(error).toHaveBeenCalledWith('test job failed', expect.any(Error));
    stopped = true;
    await jobs.enqueue(async () => { ran.push('after stop'); });
    expect(ran).toEqual(['after failure']);
    error.mockRestore();
  });
});
