import DataLoader from 'dataloader';

/** One batched statement per relation and request: no N+1 whatever the page size. */
export function single<K extends string | number, R>(load: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** As {@link single}, for a relation with many rows per key (in the statement's order). */
export function grouped<K extends string | number, R>(load: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map<K, R[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(r);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
