// Flow variables as a persistent map: each step gets a new map without copying every variable, so long runs stay linear.

/** A flow variable's value: what `set`, `classify`, a customer reply or initial data put there. */
export type VariableValue = string | number | boolean;

/** A write since the base was made, newest first; `undefined` marks a removed variable. */
interface Write {
  readonly name: string;
  readonly value: VariableValue | undefined;
  readonly older: Write | null;
}

/** Writes are kept as a short list in front of a base map (reads walk it), folded into a fresh base past about √(variables). */
const MIN_WRITES = 24;

/** An immutable map of variables: `with`/`without` return a new map (one small cell) and leave this one unchanged. */
export class VariableMap {
  private readonly base: ReadonlyMap<string, VariableValue>;
  private readonly writes: Write | null;
  private readonly writeCount: number;

  private constructor(base: ReadonlyMap<string, VariableValue>, writes: Write | null, writeCount: number) {
    this.base = base;
    this.writes = writes;
    this.writeCount = writeCount;
  }

  static readonly empty = new VariableMap(new Map(), null, 0);

  static of(values: Readonly<Record<string, VariableValue>>): VariableMap {
    const names = Object.keys(values);
    return names.length === 0 ? VariableMap.empty : new VariableMap(new Map(names.map((name) => [name, values[name]])), null, 0);
  }

  get(name: string): VariableValue | undefined {
    for (let write = this.writes; write; write = write.older) if (write.name === name) return write.value;
    return this.base.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  with(name: string, value: VariableValue): VariableMap {
    return this.written(name, value);
  }

  without(name: string): VariableMap {
    return this.has(name) ? this.written(name, undefined) : this;
  }

  /** The variables as a plain object, in the order they were first set. */
  toObject(): Record<string, VariableValue> {
    const out: Record<string, VariableValue> = {};
    if (this.writes && this.base.size === 0) {
      // Small runs: no base to merge with, so the writes go straight into the object, oldest first.
      const writes: Write[] = [];
      for (let write: Write | null = this.writes; write; write = write.older) writes.push(write);
      for (let i = writes.length - 1; i >= 0; i--) {
        const { name, value } = writes[i];
        if (value === undefined) delete out[name];
        else put(out, name, value);
      }
      return out;
    }
    for (const [name, value] of this.writes ? fold(this.base, this.writes) : this.base) put(out, name, value);
    return out;
  }

  toJSON(): Record<string, VariableValue> {
    return this.toObject();
  }

  private written(name: string, value: VariableValue | undefined): VariableMap {
    const writes: Write = { name, value, older: this.writes };
    const count = this.writeCount + 1;
    if (count <= MIN_WRITES || count * count <= this.base.size) return new VariableMap(this.base, writes, count);
    return new VariableMap(fold(this.base, writes), null, 0);
  }

}

function put(out: Record<string, VariableValue>, name: string, value: VariableValue): void {
  // `__proto__` is an ordinary variable name here; assignment would set the prototype instead.
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

function fold(base: ReadonlyMap<string, VariableValue>, newest: Write): Map<string, VariableValue> {
  const writes: Write[] = [];
  for (let write: Write | null = newest; write; write = write.older) writes.push(write);
  const merged = new Map(base);
  for (let i = writes.length - 1; i >= 0; i--) {
    const { name, value } = writes[i];
    if (value === undefined) merged.delete(name);
    else merged.set(name, value);
  }
  return merged;
}
