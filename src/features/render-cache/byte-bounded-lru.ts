/** A least-recently-used map bounded by the bytes its values hold, not by how many there are. */
export interface ByteBoundedLru<V> {
  get: (key: string) => V | undefined;
  /** Stores a value; one larger than the per-entry limit is not stored. Returns whether it was. */
  set: (key: string, value: V) => boolean;
  /** Reads a value without making it recently used. */
  peek: (key: string) => V | undefined;
  /** The keys, least recently used first. */
  keys: () => string[];
  clear: () => void;
  size: () => number;
  bytes: () => number;
}

export interface ByteBounds {
  /** The most bytes all entries may hold together. */
  maxBytes: number;
  /** The most bytes one entry may hold; a bigger one would push out many others for one URL. */
  maxEntryBytes: number;
}

// Map bookkeeping, the key and the entry object cost memory too; counted so tiny entries are not free.
const ENTRY_OVERHEAD_BYTES = 256;

/** Creates the map; `sizeOf` says how many bytes a value holds. */
export function createByteBoundedLru<V>(bounds: ByteBounds, sizeOf: (value: V) => number): ByteBoundedLru<V> {
  const entries = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      remove(key);
      const bytes = sizeOf(value) + key.length * 2 + ENTRY_OVERHEAD_BYTES;
      if (bytes > bounds.maxEntryBytes || bytes > bounds.maxBytes) return false;
      entries.set(key, { value, bytes });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (total <= bounds.maxBytes) break;
        remove(oldest);
      }
      return true;
    },
    peek: (key) => entries.get(key)?.value,
    keys: () => [...entries.keys()],
    clear() {
      entries.clear();
      total = 0;
    },
    size: () => entries.size,
    bytes: () => total,
  };
}
