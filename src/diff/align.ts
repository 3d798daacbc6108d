// Aligns two lists (conditions, actions) by content: equal items stay matched when others are inserted, near matches pair up as changes.

/** How two lists line up. Indexes are [old, new]. */
export interface ListAlignment {
  /** Equal items in the same relative order (a longest common subsequence). */
  same: Array<[number, number]>;
  /** Equal items whose relative order changed. */
  moved: Array<[number, number]>;
  /** Different items paired as one item changed in place. */
  changed: Array<[number, number]>;
  /** Old items with no counterpart. */
  removed: number[];
  /** New items with no counterpart. */
  added: number[];
}

/** Above this many cells a quadratic table is not built; the O(n log n) matching is used instead. */
const MAX_TABLE_CELLS = 250_000;

/** A longest common subsequence of the two key lists, by dynamic programming. */
function lcsTable(oldKeys: string[], newKeys: string[], oldStart: number, oldEnd: number, newStart: number, newEnd: number): Array<[number, number]> {
  const rows = oldEnd - oldStart;
  const cols = newEnd - newStart;
  const width = cols + 1;
  const table = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i * width + j] =
        oldKeys[oldStart + i] === newKeys[newStart + j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (oldKeys[oldStart + i] === newKeys[newStart + j]) {
      pairs.push([oldStart + i, newStart + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Pairs the k-th occurrence of each key on both sides, then keeps a longest increasing run: O(n log n). */
function lcsByOccurrence(oldKeys: string[], newKeys: string[], oldStart: number, oldEnd: number, newStart: number, newEnd: number): Array<[number, number]> {
  const positions = new Map<string, number[]>();
  for (let j = newEnd - 1; j >= newStart; j--) {
    const list = positions.get(newKeys[j]);
    if (list) list.push(j);
    else positions.set(newKeys[j], [j]);
  }
  const candidates: Array<[number, number]> = [];
  for (let i = oldStart; i < oldEnd; i++) {
    const j = positions.get(oldKeys[i])?.pop();
    if (j !== undefined) candidates.push([i, j]);
  }
  // Longest increasing subsequence of the new indexes (patience sorting).
  const tails: number[] = [];
  const previous = new Int32Array(candidates.length).fill(-1);
  for (let c = 0; c < candidates.length; c++) {
    const value = candidates[c][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]][1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[c] = tails[lo - 1];
    tails[lo] = c;
  }
  const pairs: Array<[number, number]> = [];
  for (let c = tails.length > 0 ? tails[tails.length - 1] : -1; c >= 0; c = previous[c]) pairs.push(candidates[c]);
  return pairs.reverse();
}

/** Pairs items of one gap that are similar enough, keeping their order and the highest total similarity. */
function pairSimilar(oldIndexes: number[], newIndexes: number[], similarity: (oldIndex: number, newIndex: number) => number): Array<[number, number]> {
  const rows = oldIndexes.length;
  const cols = newIndexes.length;
  if (rows === 0 || cols === 0) return [];
  if (rows * cols > MAX_TABLE_CELLS) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < Math.min(rows, cols); k++) if (similarity(oldIndexes[k], newIndexes[k]) > 0) pairs.push([oldIndexes[k], newIndexes[k]]);
    return pairs;
  }
  const width = cols + 1;
  const score = new Float64Array((rows + 1) * width);
  const scores = new Float64Array(rows * cols);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const s = similarity(oldIndexes[i], newIndexes[j]);
      scores[i * cols + j] = s;
      const take = s > 0 ? s + score[(i + 1) * width + j + 1] : 0;
      score[i * width + j] = Math.max(take, score[(i + 1) * width + j], score[i * width + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    const s = scores[i * cols + j];
    if (s > 0 && score[i * width + j] === s + score[(i + 1) * width + j + 1]) {
      pairs.push([oldIndexes[i], newIndexes[j]]);
      i++;
      j++;
    } else if (score[i * width + j] === score[(i + 1) * width + j]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Aligns two lists given a content key per item (equal keys = equal items) and a similarity
 * (0 = unrelated; higher = more alike) used to pair leftover items as "changed".
 */
export function alignLists(oldKeys: string[], newKeys: string[], similarity: (oldIndex: number, newIndex: number) => number): ListAlignment {
  const oldLength = oldKeys.length;
  const newLength = newKeys.length;
  let prefix = 0;
  while (prefix < oldLength && prefix < newLength && oldKeys[prefix] === newKeys[prefix]) prefix++;
  let suffix = 0;
  while (suffix < oldLength - prefix && suffix < newLength - prefix && oldKeys[oldLength - 1 - suffix] === newKeys[newLength - 1 - suffix]) suffix++;
  const oldEnd = oldLength - suffix;
  const newEnd = newLength - suffix;
  const middle =
    (oldEnd - prefix) * (newEnd - prefix) <= MAX_TABLE_CELLS
      ? lcsTable(oldKeys, newKeys, prefix, oldEnd, prefix, newEnd)
      : lcsByOccurrence(oldKeys, newKeys, prefix, oldEnd, prefix, newEnd);
  const same: Array<[number, number]> = [];
  for (let k = 0; k < prefix; k++) same.push([k, k]);
  same.push(...middle);
  for (let k = suffix; k > 0; k--) same.push([oldLength - k, newLength - k]);

  const oldTaken = new Uint8Array(oldLength);
  const newTaken = new Uint8Array(newLength);
  for (const [i, j] of same) {
    oldTaken[i] = 1;
    newTaken[j] = 1;
  }
  // Equal items left over moved: pair the k-th leftover occurrence of a key on each side.
  const leftoverNew = new Map<string, number[]>();
  for (let j = newLength - 1; j >= 0; j--) {
    if (newTaken[j]) continue;
    const list = leftoverNew.get(newKeys[j]);
    if (list) list.push(j);
    else leftoverNew.set(newKeys[j], [j]);
  }
  const moved: Array<[number, number]> = [];
  for (let i = 0; i < oldLength; i++) {
    if (oldTaken[i]) continue;
    const j = leftoverNew.get(oldKeys[i])?.pop();
    if (j === undefined) continue;
    moved.push([i, j]);
    oldTaken[i] = 1;
    newTaken[j] = 1;
  }
  moved.sort((a, b) => a[1] - b[1]);

  // What is still unpaired is paired by similarity, within each gap between equal items.
  const changed: Array<[number, number]> = [];
  const bounds: Array<[number, number]> = [[-1, -1], ...same, [oldLength, newLength]];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const oldIndexes: number[] = [];
    const newIndexes: number[] = [];
    for (let i = bounds[g][0] + 1; i < bounds[g + 1][0]; i++) if (!oldTaken[i]) oldIndexes.push(i);
    for (let j = bounds[g][1] + 1; j < bounds[g + 1][1]; j++) if (!newTaken[j]) newIndexes.push(j);
    for (const [i, j] of pairSimilar(oldIndexes, newIndexes, similarity)) {
      changed.push([i, j]);
      oldTaken[i] = 1;
      newTaken[j] = 1;
    }
  }
  const removed: number[] = [];
  for (let i = 0; i < oldLength; i++) if (!oldTaken[i]) removed.push(i);
  const added: number[] = [];
  for (let j = 0; j < newLength; j++) if (!newTaken[j]) added.push(j);
  return { same, moved, changed, removed, added };
}
