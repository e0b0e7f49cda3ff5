/**
 * Numbers in the order they became free, oldest first. Entries go stale when their number is
 * claimed again (its epoch moves on); stale heads are dropped as the queue is read, so each
 * read costs O(limit) amortised, not O(pool size).
 */
export class FreeQueue<T extends { epoch: number }> {
  private items: { value: T; epoch: number }[] = [];
  private head = 0;

  push(value: T): void {
    this.items.push({ value, epoch: value.epoch });
  }

  /** Up to `limit` entries that `isFree` accepts, from the head, without removing them. */
  take(limit: number, isFree: (value: T) => boolean, out: T[]): void {
    let found = 0;
    for (let i = this.head; i < this.items.length && found < limit; i++) {
      const entry = this.items[i]!;
      const live = entry.epoch === entry.value.epoch && isFree(entry.value);
      if (!live) {
        if (i === this.head) this.head++;
        continue;
      }
      if (!out.includes(entry.value)) out.push(entry.value);
      found++;
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
