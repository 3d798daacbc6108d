// RFC 6901 JSON pointers: building them from path segments and reading them back.

export type PathSegment = string | number;

function escapeSegment(segment: PathSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function toPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${escapeSegment(segment)}`).join('');
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** Appends segments to an existing pointer. */
export function childPointer(pointer: string, ...segments: PathSegment[]): string {
  return pointer + toPointer(segments);
}
