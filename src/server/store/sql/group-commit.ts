/** A job's outcome inside a group: its own result or its own error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit: jobs that arrive while `writers` writes are in flight wait and are then written
 * together, in one statement and one commit, by `write`. A lone job goes out at once (no timer,
 * no added latency when quiet); under load, fewer and bigger commits cost the database less per
 * row. Each job's promise settles only with its own outcome, after the write that carried it
 * finished: acknowledged still means committed.
 */
export class GroupCommit<J, R> {
  private queue: { job: J; size: number; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (jobs: J[]) => Promise<Outcome<R>[]>,
    private readonly options: { writers: number; maxGroupSize: number },
  ) {}

  submit(job: J, size: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, size, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.options.writers && this.queue.length > 0) {
      let total = 0;
      let count = 0;
      // At least one job, then more while the group stays under the size cap.
      while (count < this.queue.length && (count === 0 || total + this.queue[count].size <= this.options.maxGroupSize)) {
        total += this.queue[count].size;
        count++;
      }
      const group = this.queue.splice(0, count);
      this.inFlight++;
      this.write(group.map((entry) => entry.job))
        .then(
          (outcomes) => group.forEach((entry, i) => (outcomes[i].ok ? entry.resolve(outcomes[i].value) : entry.reject(outcomes[i].error))),
          (error: unknown) => group.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
