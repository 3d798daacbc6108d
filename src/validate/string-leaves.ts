// Visits string values under a JSON value without recursion; a leaf's JSON pointer is built only when asked for.
import { toPointer, type PathSegment } from '../flow/pointer.js';

interface Frame {
  value: object;
  key: PathSegment;
  parent: Frame | undefined;
}

export interface StringLeaf {
  text: string;
  /** The pointer of this leaf, built on demand (most leaves are never reported). */
  pointer(): string;
}

export interface LeafOptions {
  /** Property names to prune, at any depth. */
  skip?: ReadonlySet<string>;
  /** Prefix of every pointer (the path of `root` itself). */
  basePath?: readonly PathSegment[];
  /** Only strings passing this are visited (a cheap pre-check such as text.includes('{')). */
  filter?: (text: string) => boolean;
}

function pointerOf(base: readonly PathSegment[], frame: Frame, key: PathSegment): string {
  const path: PathSegment[] = [key];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.push(at.key);
  return toPointer([...base, ...path.reverse()]);
}

/** Calls `visit` for each string under `root` (object keys are not visited), in a stable order (a container's strings, then its nested containers). */
export function forEachStringLeaf(root: unknown, visit: (leaf: StringLeaf) => void, options: LeafOptions = {}): void {
  const { skip, filter } = options;
  const base = options.basePath ?? [];
  if (typeof root === 'string') {
    if (!filter || filter(root)) visit({ text: root, pointer: () => toPointer(base) });
    return;
  }
  if (root === null || typeof root !== 'object') return;
  const stack: Frame[] = [{ value: root, key: '', parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const container = frame.value;
    const isArray = Array.isArray(container);
    const keys = isArray ? undefined : Object.keys(container);
    const count = isArray ? container.length : (keys as string[]).length;
    const children: Frame[] = [];
    for (let i = 0; i < count; i++) {
      const key: PathSegment = isArray ? i : (keys as string[])[i];
      if (!isArray && skip?.has(key as string)) continue;
      const value: unknown = (container as Record<PathSegment, unknown>)[key];
      if (typeof value === 'string') {
        if (!filter || filter(value)) visit({ text: value, pointer: () => pointerOf(base, frame, key) });
      } else if (value !== null && typeof value === 'object') {
        children.push({ value, key, parent: frame });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
