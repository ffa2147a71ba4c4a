// One shared copy of the strings that every activation of a function repeats (namespace, name,
// package, version, kind). Each parsed record brings its own copies; 100,000 activations held
// them 100,000 times. Bounded, so records that never repeat (odd or hostile data) cannot grow it.

const LIMIT = 4096;

/** A map that forgets everything once full: the values it holds are only a saving, never needed. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): V {
    if (this.entries.size >= LIMIT) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}

const strings = new BoundedCache<string>();

export function intern(value: string): string {
  return strings.get(value) ?? strings.set(value, value);
}
