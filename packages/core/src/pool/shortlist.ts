/**
 * Keeps the best `limit` items offered, best first, by a numeric key (lower is better) and
 * then a tie-break. Offering n items costs O(n·limit) with no allocation after the first
 * `limit`, which beats sorting thousands of numbers to use the first eight.
 */
export class Shortlist<T> {
  readonly items: T[] = [];
  private readonly keys: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly tieBreak: (a: T, b: T) => number,
  ) {}

  offer(item: T, key: number): void {
    const { items, keys, limit } = this;
    if (limit <= 0) return;
    const full = items.length >= limit;
    if (full && !this.precedes(item, key, limit - 1)) return;
    // Shift worse entries down one slot (dropping the last when full) and insert.
    let i = full ? limit - 1 : items.length;
    while (i > 0 && this.precedes(item, key, i - 1)) {
      items[i] = items[i - 1] as T;
      keys[i] = keys[i - 1] as number;
      i--;
    }
    items[i] = item;
    keys[i] = key;
  }

  private precedes(item: T, key: number, index: number): boolean {
    const other = this.keys[index] as number;
    if (key !== other) return key < other;
    return this.tieBreak(item, this.items[index] as T) < 0;
  }
}
