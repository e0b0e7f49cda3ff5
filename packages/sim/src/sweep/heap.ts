/** A binary min-heap of values by numeric key. */
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly vals: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  values(): readonly T[] {
    return this.vals;
  }

  peekKey(): number {
    return this.keys.length > 0 ? (this.keys[0] as number) : Number.POSITIVE_INFINITY;
  }

  push(key: number, value: T): void {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(key);
    vals.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      vals[i] = vals[parent] as T;
      i = parent;
    }
    keys[i] = key;
    vals[i] = value;
  }

  pop(): { key: number; value: T } | undefined {
    const { keys, vals } = this;
    if (keys.length === 0) return undefined;
    const top = { key: keys[0] as number, value: vals[0] as T };
    const key = keys.pop() as number;
    const value = vals.pop() as T;
    if (keys.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= keys.length) break;
        const r = l + 1;
        const c = r < keys.length && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[c] as number) >= key) break;
        keys[i] = keys[c] as number;
        vals[i] = vals[c] as T;
        i = c;
      }
      keys[i] = key;
      vals[i] = value;
    }
    return top;
  }
}
