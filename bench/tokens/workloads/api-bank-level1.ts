import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '#kernel';
import type { ToolDefinition } from '#domain';
import { TOOL_SEARCHER, apiBankCall, dataError } from './api-bank-call.js';
import { apiBankTool, inferTools, widenToGold } from './tool-catalogue.js';
import type { GoldCall, PlanRecord, Workload } from './workload.types.js';

export const API_BANK_LEVEL1_DIR = 'api-bank/lv1-lv2-samples/level-1-given-desc';
export const API_BANK_LEVEL1_API_FILE = 'api-bank/level-1-api.json';

/** One dialogue file: the user turns before the first API turn, and every API call in order. */
export interface Level1Dialogue {
  file: string;
  userTurnsBeforeFirstApi: string[];
  calls: GoldCall[];
}

/** Reads all 214 level-1 dialogues (sorted by file name), including the ones without API calls. */
export function readLevel1Dialogues(datasetsDir: string): Level1Dialogue[] {
  const dir = path.join(datasetsDir, API_BANK_LEVEL1_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const dialogue: Level1Dialogue = { file: name, userTurnsBeforeFirstApi: [], calls: [] };
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim() === '') return;
          const fail = (reason: string): Error => dataError(file, `line ${i + 1}`, reason);
          let turn: unknown;
          try {
            turn = JSON.parse(line);
          } catch (e) {
            throw fail(`invalid JSON (${(e as Error).message})`);
          }
          if (!isPlainObject(turn)) throw fail('expected a JSON object');
          if (turn.role === 'API') {
            const call = apiBankCall(turn.api_name, turn.param_dict, turn.result, fail);
            if (call.tool !== TOOL_SEARCHER) dialogue.calls.push(call);
          } else if (turn.role === 'User' && dialogue.calls.length === 0) {
            if (typeof turn.text !== 'string') throw fail('User turn needs text');
            dialogue.userTurnsBeforeFirstApi.push(turn.text.trim());
          }
        });
      return dialogue;
    });
}

/** API descriptions embedded in level-1-api.json instructions (one JSON object per line after "API descriptions:"). */
function describedTools(datasetsDir: string): Map<string, ToolDefinition> {
  const file = path.join(datasetsDir, API_BANK_LEVEL1_API_FILE);
  const tools = new Map<string, ToolDefinition>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return tools; // not there or unreadable: the caller falls back to an inferred catalogue
  }
  if (!Array.isArray(data)) return tools;
  data.forEach((item: unknown, i) => {
    if (!isPlainObject(item) || typeof item.instruction !== 'string') return;
    const at = item.instruction.indexOf('API descriptions:');
    if (at < 0) return;
    for (const line of item.instruction.slice(at + 'API descriptions:'.length).split('\n')) {
      if (line.trim() === '') continue;
      let desc: unknown;
      try {
        desc = JSON.parse(line);
      } catch {
        continue;
      }
      if (isPlainObject(desc) && typeof desc.name === 'string' && !tools.has(desc.name))
        tools.set(desc.name, apiBankTool(desc, `${file}: item ${i}`));
    }
  });
  return tools;
}

/**
 * API-Bank level-1 dialogues as single-shot requests: request = the User turns before the first API turn
 * (joined with "\n"), plan = every API call of the dialogue with its recorded output.
 *
 * Counts: the folder holds 214 dialogues with 86 distinct call sequences (ceiling 59.8%). Two of them
 * have no API turn (SearchEngine-level-1-1.jsonl is empty; RegisterUser-ForgotPassword-DeleteAccount-
 * GetUserToken-level-2-1.jsonl writes its call inside an AI turn), so they share the empty sequence. They have
 * nothing to plan and are left out: 212 records, 85 distinct structures, ceiling 127/212 = 59.9%.
 * Note that 100 of the 212 dialogues have User turns after the first API call; values given there are not in
 * the request, so no extractor can fill them.
 */
export function apiBankLevel1Workload(datasetsDir: string): Workload {
  const records: PlanRecord[] = readLevel1Dialogues(datasetsDir)
    .filter((d) => d.calls.length > 0 && d.userTurnsBeforeFirstApi.length > 0)
    .map((d) => ({
      id: `level-1/${d.file.replace(/\.jsonl$/, '')}`,
      request: d.userTurnsBeforeFirstApi.join('\n'),
      plan: d.calls,
    }));
  const calls = records.flatMap((r) => r.plan);
  const described = describedTools(datasetsDir);
  const used = [...new Set(calls.map((c) => c.tool))];
  const complete = used.every((t) => described.has(t));
  // All 49 APIs are described in this copy; a partial description set would mix sources, so infer instead.
  const tools = complete ? used.map((t) => described.get(t) as ToolDefinition) : inferTools(calls);
  return {
    name: 'api-bank-level1',
    source: 'AlibabaResearch/DAMO-ConvAI api-bank/lv1-lv2-samples/level-1-given-desc @483554e',
    licence: 'Apache-2.0',
    records,
    tools: widenToGold(tools, calls),
    argsInGold: true,
  };
}
