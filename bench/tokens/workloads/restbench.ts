import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject, sha256 } from '#kernel';
import type { ToolDefinition } from '#domain';
import { dataError } from './api-bank-call.js';
import type { PlanRecord, Workload } from './workload.types.js';

export type RestBenchSet = 'tmdb' | 'spotify';

const MAX_TOOL_NAME = 64;

/**
 * The tool name of a REST endpoint. Tool names must match TOOL_NAME_PATTERN (`^[A-Za-z][A-Za-z0-9_.:-]{0,63}$`,
 * libs/plugins plugin-shape), which `GET /person/{person_id}` does not: the method stays, path segments are joined
 * with `.`, and a path parameter `{x}` becomes `:x` (as in Express routes). One-to-one on RestBench's 86 endpoints;
 * the endpoint itself is kept as the tool description.
 * `GET /tv/{tv_id}/season/{season_number}` → `GET:tv.:tv_id.season.:season_number`. Names over 64 characters (two
 * TMDB episode endpoints) are cut and end in `-` + 8 hex of the endpoint's sha256.
 */
export function restToolName(endpoint: string): string {
  const [method = '', ...rest] = endpoint.trim().split(/\s+/);
  const segments = rest
    .join('')
    .split('/')
    .filter((s) => s !== '');
  const name = `${method.toUpperCase()}:${segments.map((s) => s.replace(/^\{(.+)\}$/, ':$1').replace(/[^A-Za-z0-9_:-]/g, '_')).join('.')}`;
  return name.length <= MAX_TOOL_NAME
    ? name
    : `${name.slice(0, MAX_TOOL_NAME - 9)}-${sha256(endpoint.trim()).slice(0, 8)}`;
}

/**
 * RestBench (RestGPT): query → ordered endpoints. Gold has no argument values, so every call has `args: {}` and
 * `argsInGold` is false. Endpoints are trimmed (three carry stray spaces in the data; untrimmed they would count
 * as different tools and TMDB's ceiling would read 21% instead of 24%).
 */
export function restBenchWorkload(datasetsDir: string, set: RestBenchSet): Workload {
  const file = path.join(datasetsDir, 'restbench', `${set}.json`);
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw dataError(file, '(root)', 'expected a JSON list');
  const endpoints = new Map<string, string>();
  const records: PlanRecord[] = data.map((item: unknown, i): PlanRecord => {
    if (!isPlainObject(item) || typeof item.query !== 'string' || !Array.isArray(item.solution)) {
      throw dataError(file, `record ${i}`, 'expected {query, solution: [...]}');
    }
    const plan = item.solution.map((e: unknown, j) => {
      if (typeof e !== 'string' || !/^\s*[A-Z]+\s+\//.test(e))
        throw dataError(file, `record ${i} solution[${j}]`, 'expected "METHOD /path"');
      const endpoint = e.trim().replace(/\s+/g, ' ');
      const tool = restToolName(endpoint);
      const seen = endpoints.get(tool);
      if (seen !== undefined && seen !== endpoint)
        throw dataError(file, `record ${i}`, `${seen} and ${endpoint} map to the same tool ${tool}`);
      endpoints.set(tool, endpoint);
      return { tool, args: {} };
    });
    return { id: `${set}#${i}`, request: item.query.trim(), plan };
  });
  const tools: ToolDefinition[] = [...endpoints].map(([name, endpoint]) => ({
    name,
    description: endpoint,
    argsSchema: { type: 'object', properties: {} },
  }));
  return {
    name: `restbench-${set}`,
    source: `Yifan-Song793/RestGPT datasets/${set}.json @d990128`,
    licence: 'MIT',
    records,
    tools,
    argsInGold: false,
  };
}

/** Both RestBench workloads: `restbench-tmdb` (100 queries) and `restbench-spotify` (57). */
export const restBenchWorkloads = (datasetsDir: string): Workload[] => [
  restBenchWorkload(datasetsDir, 'tmdb'),
  restBenchWorkload(datasetsDir, 'spotify'),
];
