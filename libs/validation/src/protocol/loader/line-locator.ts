import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { ValuePath } from './protocol-file-problem.js';

/** 1-based, as editors count. */
export interface SourcePosition {
  line: number;
  column: number;
}

export const FILE_START: SourcePosition = { line: 1, column: 1 };

/** yaml's LineCounter says `col`; problems say `column`. */
export const fromLinePos = ({ line, col }: { line: number; col: number }): SourcePosition => ({ line, column: col });

/** Maps a value path to where it is written; a path that does not exist resolves to its nearest existing parent. */
export type Locator = (path: ValuePath, atKey?: boolean) => SourcePosition;

/** Position of an offset in a text, for errors found before there is a YAML document (JSON syntax errors). */
export function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastNewline = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: before.length - lastNewline };
}

export function createLocator(doc: Document.Parsed, lines: LineCounter): Locator {
  const positionOf = (node: unknown, fallback: SourcePosition): SourcePosition => {
    if (!isNode(node) || !node.range) return fallback;
    return fromLinePos(lines.linePos(node.range[0]));
  };
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    let position = positionOf(node, FILE_START);
    for (const [i, segment] of path.entries()) {
      // Through an alias the content is the anchored node: point where it is written.
      if (isAlias(node)) node = node.resolve(doc);
      let keyNode: unknown;
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (pair === undefined) break;
        keyNode = pair.key;
        next = pair.value;
      } else if (isSeq(node)) {
        const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
        next = node.items[index];
        if (next === undefined) break;
      } else break;
      const keyPosition = positionOf(keyNode, position);
      if (atKey && i === path.length - 1) return keyPosition;
      // `key:` with no value has an empty node; its key is the better place to point at.
      position =
        isScalar(next) && next.value === null && keyNode !== undefined ? keyPosition : positionOf(next, keyPosition);
      node = next;
    }
    return position;
  };
}
