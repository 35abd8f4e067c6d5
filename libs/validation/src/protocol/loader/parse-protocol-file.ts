import {
  Composer,
  isAlias,
  isScalar,
  LineCounter,
  Parser,
  visit,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { errorMessage } from '#kernel';
import { jsonSyntaxErrorOffset } from './json-syntax-offset.js';
import { MAX_NESTING, tooDeepAt } from './nesting-depth.js';
import { preview } from './value-checks.js';
import {
  createLocator,
  FILE_START,
  fromLinePos,
  positionAt,
  type Locator,
  type SourcePosition,
} from './line-locator.js';

export interface LocatedMessage extends SourcePosition {
  message: string;
}

export type ParsedFile = { ok: true; value: unknown; locate: Locator } | { ok: false; problems: LocatedMessage[] };

/** Expansions allowed per document; a handful of shared `when:` blocks fit, a billion-laughs file does not. */
export const MAX_ALIAS_COUNT = 50;

// Plain YAML 1.2 data only: no custom or YAML 1.1 tags (!!binary, !!set, …), no merge keys, string keys only.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  stringKeys: true,
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'error',
};

/** Parses one protocol file (`.json` strictly as JSON, anything else as YAML) into a plain value plus a locator. */
export function parseProtocolFile(file: string, text: string): ParsedFile {
  return /\.json$/i.test(file) ? parseJson(text) : parseYaml(text);
}

function parseYaml(text: string): ParsedFile {
  const parsed = parseDocumentSafely(text);
  if (!parsed.ok) return parsed;
  const { doc, lines } = parsed;
  const problems = [...doc.errors, ...doc.warnings].map((e) => located(lines, e, yamlMessage(e, doc)));
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate: createLocator(doc, lines) };
  } catch (e) {
    const message = /excessive alias count/i.test(errorMessage(e))
      ? `aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}); this looks like an alias bomb`
      : `cannot read YAML: ${errorMessage(e)}`;
    return { ok: false, problems: [{ ...firstAliasPosition(doc, lines), message }] };
  }
}

function parseJson(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // At the end of input, point after the last real character rather than at a trailing empty line.
    const offset = jsonSyntaxErrorOffset(text) ?? text.length;
    const at = offset >= text.length ? text.trimEnd().length : offset;
    return { ok: false, problems: [{ ...positionAt(text, at), message: `JSON syntax error: ${jsonMessage(e)}` }] };
  }
  // JSON is YAML, so the same parser maps value paths to lines. It also catches what JSON.parse lets through
  // silently: a duplicate key, where the last one wins.
  const parsed = parseDocumentSafely(text);
  if (!parsed.ok) return parsed;
  const duplicates = parsed.doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  if (duplicates.length > 0)
    return { ok: false, problems: duplicates.map((e) => located(parsed.lines, e, yamlMessage(e, parsed.doc))) };
  return { ok: true, value, locate: createLocator(parsed.doc, parsed.lines) };
}

type DocumentResult =
  { ok: true; doc: Document.Parsed; lines: LineCounter } | { ok: false; problems: LocatedMessage[] };

/**
 * parseDocument, taken apart so the token tree can be checked for hostile nesting before anything recurses
 * over it; tokenising once keeps large files at one parse.
 */
function parseDocumentSafely(text: string): DocumentResult {
  const lines = new LineCounter();
  const at = (offset: number): SourcePosition => fromLinePos(lines.linePos(offset));
  try {
    const tokens = [...new Parser(lines.addNewLine).parse(text)];
    const deep = tooDeepAt(tokens);
    if (deep !== undefined)
      return { ok: false, problems: [{ ...at(deep), message: `nesting deeper than ${MAX_NESTING} levels` }] };
    const [doc, extra] = new Composer(YAML_OPTIONS).compose(tokens, true, text.length);
    if (doc === undefined) return { ok: false, problems: [{ ...FILE_START, message: 'YAML: no document' }] };
    if (extra !== undefined) {
      return {
        ok: false,
        problems: [{ ...at(extra.range[0]), message: 'YAML: a protocol file holds one document; found a second one' }],
      };
    }
    return { ok: true, doc, lines };
  } catch (e) {
    return { ok: false, problems: [{ ...FILE_START, message: `cannot parse: ${errorMessage(e)}` }] };
  }
}

function located(lines: LineCounter, error: YAMLError, message: string): LocatedMessage {
  return { ...fromLinePos(lines.linePos(error.pos[0])), message };
}

function yamlMessage(error: YAMLError, doc: Document.Parsed): string {
  if (error.code === 'DUPLICATE_KEY') return `duplicate key ${preview(keyAt(doc, error.pos[0]))}`;
  if (error.code === 'TAG_RESOLVE_FAILED') {
    return `${error.message.replace('Unresolved tag', 'unsupported tag')} (tags are disabled in protocol files)`;
  }
  return `YAML: ${error.message}`;
}

/** Node 20 messages carry the offset (already turned into a line) or a copy of the input; keep only the gist. */
function jsonMessage(error: unknown): string {
  const message = errorMessage(error);
  const token = /^Unexpected token '([\s\S]*?)', "/.exec(message);
  if (token) return `unexpected ${JSON.stringify(token[1])}`;
  return message.replace(/ in JSON at position \d+.*$/s, '');
}

/** The key written at `offset` (a duplicate key error points there). */
function keyAt(doc: Document.Parsed, offset: number): string {
  let key = '';
  visit(doc, {
    Pair: (_key, pair) => {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

function firstAliasPosition(doc: Document.Parsed, lines: LineCounter): SourcePosition {
  let position = FILE_START;
  visit(doc, {
    Alias: (_key, node) => {
      if (!isAlias(node) || !node.range) return undefined;
      position = fromLinePos(lines.linePos(node.range[0]));
      return visit.BREAK;
    },
  });
  return position;
}
