/** Deep equality of two JSON values: the path of the first difference, or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array ≠ object`;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path}: ${a.length} items ≠ ${other.length} items`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], other[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!(key in left)) return `${path}.${key}: missing ≠ ${JSON.stringify(right[key])}`;
    if (!(key in right)) return `${path}.${key}: ${JSON.stringify(left[key])} ≠ missing`;
    const difference = firstDifference(left[key], right[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}
