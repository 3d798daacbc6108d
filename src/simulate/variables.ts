// Flow variables as a persistent map: each step gets a new map without copying every variable, so long runs stay linear.

/** A flow variable's value: what `set`, `classify`, a customer reply or initial data put there. */
export type VariableValue = string | number | boolean;

/** Writes gather in a small overlay, folded into a fresh base past about √(variables) entries (amortised O(√n) a write). */
const MIN_OVERLAY = 32;

/** An immutable map of variables: `with`/`without` return a new map and leave this one unchanged. */
export class VariableMap {
  private readonly base: ReadonlyMap<string, VariableValue>;
  /** `undefined` marks a variable removed since the base was made. */
  private readonly overlay: ReadonlyMap<string, VariableValue | undefined>;

  private constructor(base: ReadonlyMap<string, VariableValue>, overlay: ReadonlyMap<string, VariableValue | undefined>) {
    this.base = base;
    this.overlay = overlay;
  }

  static readonly empty = new VariableMap(new Map(), new Map());

  static of(values: Readonly<Record<string, VariableValue>>): VariableMap {
    return new VariableMap(new Map(Object.entries(values)), new Map());
  }

  get(name: string): VariableValue | undefined {
    return this.overlay.has(name) ? this.overlay.get(name) : this.base.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  with(name: string, value: VariableValue): VariableMap {
    return this.changed(name, value);
  }

  without(name: string): VariableMap {
    return this.has(name) ? this.changed(name, undefined) : this;
  }

  /** The variables as a plain object, in the order they were first set. */
  toObject(): Record<string, VariableValue> {
    const out: Record<string, VariableValue> = {};
    for (const [name, value] of this.folded()) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    return out;
  }

  toJSON(): Record<string, VariableValue> {
    return this.toObject();
  }

  private changed(name: string, value: VariableValue | undefined): VariableMap {
    const overlay = new Map(this.overlay);
    overlay.set(name, value);
    if (overlay.size <= MIN_OVERLAY || overlay.size * overlay.size <= this.base.size) return new VariableMap(this.base, overlay);
    return new VariableMap(fold(this.base, overlay), new Map());
  }

  private folded(): ReadonlyMap<string, VariableValue> {
    return this.overlay.size === 0 ? this.base : fold(this.base, this.overlay);
  }
}

function fold(base: ReadonlyMap<string, VariableValue>, overlay: ReadonlyMap<string, VariableValue | undefined>): Map<string, VariableValue> {
  const merged = new Map(base);
  for (const [name, value] of overlay) {
    if (value === undefined) merged.delete(name);
    else merged.set(name, value);
  }
  return merged;
}
