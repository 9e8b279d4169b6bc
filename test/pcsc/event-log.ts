/** Collects events and waits for the one a test expects (with a timeout that names what was seen). */
export class EventLog<E> {
  readonly events: E[] = [];
  private waiters: Array<{ pred: (e: E) => boolean; resolve: (e: E) => void }> = [];

  readonly push = (e: E): void => {
    this.events.push(e);
    for (const w of [...this.waiters]) {
      if (w.pred(e)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(e);
      }
    }
  };

  /** The first event from index `from` on that matches, waiting up to timeoutMs for it. */
  next(pred: (e: E) => boolean, from = 0, timeoutMs = 20_000): Promise<E> {
    const seen = this.events.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve };
      this.waiters.push(w);
      setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`event not seen in ${timeoutMs} ms; got: ${JSON.stringify(this.events)}`));
      }, timeoutMs).unref();
    });
  }
}
