/** One timed action; actions with the same `chain` run one after another, in time order. */
export interface TimedAction {
  at: number;
  chain: number;
  run: () => Promise<void>;
}

export interface ScheduleOptions {
  /** Actions whose times lie within this window of the first pending one may overlap. */
  windowMs: number;
  /** At most this many in flight. */
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs actions in simulated-time order. Each batch takes the pending actions within
 * `windowMs` of the earliest (at most `concurrency`) and runs them concurrently, chained per
 * key so that a visitor's page views, beats and calls stay in order; the next batch starts
 * when the batch is done. The server's simulated clock only moves forward, so overlap is
 * bounded by the window: a request is stamped at most `windowMs` late.
 */
export async function runInTimeOrder(
  actions: TimedAction[],
  options: ScheduleOptions,
): Promise<void> {
  actions.sort((a, b) => a.at - b.at);
  let i = 0;
  while (i < actions.length) {
    const first = actions[i] as TimedAction;
    const batch: TimedAction[] = [];
    while (i < actions.length && batch.length < options.concurrency) {
      const a = actions[i] as TimedAction;
      if (a.at > first.at + options.windowMs) break;
      batch.push(a);
      i++;
    }
    const chains = new Map<number, Promise<void>>();
    for (const a of batch) {
      const prev = chains.get(a.chain) ?? Promise.resolve();
      chains.set(a.chain, prev.then(a.run));
    }
    await Promise.all(chains.values());
    options.onProgress?.(i, actions.length);
  }
}
