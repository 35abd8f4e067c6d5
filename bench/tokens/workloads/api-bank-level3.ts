import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '#kernel';
import type { ToolDefinition } from '#domain';
import { TOOL_SEARCHER, apiBankCall, dataError } from './api-bank-call.js';
import { apiBankTool, widenToGold } from './tool-catalogue.js';
import type { PlanRecord, Workload } from './workload.types.js';

export const API_BANK_LEVEL3_FILE = 'api-bank/level-3.json';

/**
 * API-Bank level-3 (50 single-shot requests). Plan = the recorded API calls without the ToolSearcher calls,
 * each with its recorded output. The catalogue is what ToolSearcher returned over the whole file (the
 * environment every request sees), widened where gold values disagree with the declared types.
 */
export function apiBankLevel3Workload(datasetsDir: string): Workload {
  const file = path.join(datasetsDir, API_BANK_LEVEL3_FILE);
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw dataError(file, '(root)', 'expected a JSON list');
  const tools = new Map<string, ToolDefinition>();
  const records: PlanRecord[] = data.map((item: unknown, i): PlanRecord => {
    const where = `record ${i}`;
    if (!isPlainObject(item) || typeof item.requirement !== 'string' || !Array.isArray(item.apis)) {
      throw dataError(file, where, 'expected {requirement, apis: [...]}');
    }
    const plan = item.apis.flatMap((api: unknown, j) => {
      const fail = (reason: string): Error => dataError(file, `${where} apis[${j}]`, reason);
      if (!isPlainObject(api)) throw fail('must be an object');
      const call = apiBankCall(api.api_name, api.input, api.output, fail);
      if (call.tool !== TOOL_SEARCHER) return [call];
      if (isPlainObject(call.output) && typeof call.output.name === 'string' && !tools.has(call.output.name)) {
        tools.set(call.output.name, apiBankTool(call.output, `${file}: ${where} apis[${j}]`));
      }
      return [];
    });
    return { id: `level-3#${i}`, request: item.requirement.trim(), plan };
  });
  const calls = records.flatMap((r) => r.plan);
  const missing = [...new Set(calls.map((c) => c.tool))].filter((t) => !tools.has(t));
  if (missing.length > 0) throw dataError(file, '(catalogue)', `no ToolSearcher description for ${missing.join(', ')}`);
  return {
    name: 'api-bank-level3',
    source: 'AlibabaResearch/DAMO-ConvAI api-bank/test-data/level-3.json @1d76900',
    licence: 'Apache-2.0',
    records,
    tools: widenToGold([...tools.values()], calls),
    argsInGold: true,
  };
}
