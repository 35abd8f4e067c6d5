import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject, type JsonObject, type JsonValue } from '#kernel';
import { inferTools } from './tool-catalogue.js';
import type { GoldCall, PlanRecord, Workload } from './workload.types.js';

/** Options for {@link readJsonlWorkload}: where the data came from and under which licence. */
export interface JsonlWorkloadOptions {
  source?: string;
  licence?: string;
}

class LineError extends Error {}

function parseCall(value: unknown, i: number): GoldCall {
  if (!isPlainObject(value)) throw new LineError(`plan[${i}] must be an object`);
  if (typeof value.tool !== 'string' || value.tool.trim() === '')
    throw new LineError(`plan[${i}].tool must be a non-empty string`);
  if (!isPlainObject(value.args)) throw new LineError(`plan[${i}].args must be an object`);
  const call: GoldCall = { tool: value.tool, args: value.args as JsonObject };
  if (value.output !== undefined) call.output = value.output as JsonValue;
  return call;
}

function parseRecord(value: unknown, lineNo: number): PlanRecord {
  if (!isPlainObject(value)) throw new LineError('line must be a JSON object');
  if (typeof value.request !== 'string' || value.request.trim() === '')
    throw new LineError('request must be a non-empty string');
  if (!Array.isArray(value.plan)) throw new LineError('plan must be an array');
  let id = String(lineNo);
  if (value.id !== undefined) {
    if (typeof value.id !== 'string' && typeof value.id !== 'number')
      throw new LineError('id must be a string or a number');
    id = String(value.id);
  }
  return { id, request: value.request, plan: value.plan.map(parseCall) };
}

/** Parses JSONL text of `{id?, request, plan: [{tool, args, output?}]}`; errors read `file:line: reason`. */
export function parseJsonlRecords(text: string, file: string): PlanRecord[] {
  const records: PlanRecord[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw new LineError(`invalid JSON (${(e as Error).message})`);
      }
      const record = parseRecord(value, lineNo);
      if (ids.has(record.id)) throw new LineError(`duplicate id ${JSON.stringify(record.id)}`);
      ids.add(record.id);
      records.push(record);
    } catch (e) {
      if (e instanceof LineError) throw new Error(`${file}:${lineNo}: ${e.message}`, { cause: e });
      throw e;
    }
  });
  return records;
}

/**
 * Reads any JSONL plan file as a workload. Ids default to the line number. The catalogue is inferred from the
 * tool names and args seen (`{type:'object', properties}` with the JSON types observed).
 */
export function readJsonlWorkload(file: string, name: string, options: JsonlWorkloadOptions = {}): Workload {
  const records = parseJsonlRecords(readFileSync(file, 'utf8'), file);
  const calls = records.flatMap((r) => r.plan);
  return {
    name,
    source: options.source ?? path.resolve(file),
    licence: options.licence ?? 'unknown',
    records,
    tools: inferTools(calls),
    argsInGold: calls.some((c) => Object.keys(c.args).length > 0),
  };
}

/** Writes records as JSONL (one record per line, parent directories created), readable by {@link readJsonlWorkload}. */
export function writeJsonl(file: string, records: readonly PlanRecord[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : ''));
}
