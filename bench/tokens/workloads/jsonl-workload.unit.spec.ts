import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseJsonlRecords, readJsonlWorkload, writeJsonl } from './jsonl-workload.js';
import type { PlanRecord } from './workload.types.js';

describe('JSONL workloads', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wre-jsonl-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const records: PlanRecord[] = [
    {
      id: 'a',
      request: 'Check the weather in Paris.',
      plan: [
        { tool: 'Geocoding', args: { address: 'Paris' }, output: { lat: 48.8 } },
        { tool: 'Weather', args: { lat: 48.8, days: 3 } },
      ],
    },
    {
      id: 'b',
      request: 'Check the weather in Rome.',
      plan: [{ tool: 'Geocoding', args: { address: 'Rome', exact: true } }],
    },
  ];

  it('writes records that read back the same, with a catalogue inferred from the calls', () => {
    const file = path.join(dir, 'nested', 'plans.jsonl');
    writeJsonl(file, records);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const w = readJsonlWorkload(file, 'mine', { licence: 'MIT' });
    expect(w).toMatchObject({ name: 'mine', licence: 'MIT', records, argsInGold: true });
    expect(w.tools).toEqual([
      expect.objectContaining({
        name: 'Geocoding',
        argsSchema: { type: 'object', properties: { address: { type: 'string' }, exact: { type: 'boolean' } } },
      }),
      expect.objectContaining({
        name: 'Weather',
        argsSchema: { type: 'object', properties: { lat: { type: 'number' }, days: { type: 'integer' } } },
      }),
    ]);
  });

  it('numbers records by line when they have no id, skipping blank lines', () => {
    const text = '\n{"request":"r1","plan":[]}\n\n{"request":"r2","plan":[{"tool":"T","args":{}}]}\n';
    expect(parseJsonlRecords(text, 'f.jsonl').map((r) => r.id)).toEqual(['2', '4']);
  });

  it('says which file and line is wrong, and why', () => {
    const bad: [string, string][] = [
      ['{"request":"r","plan":[]}\nnot json', 'f.jsonl:2: invalid JSON'],
      ['[1]', 'f.jsonl:1: line must be a JSON object'],
      ['{"request":"","plan":[]}', 'f.jsonl:1: request must be a non-empty string'],
      ['{"request":"r"}', 'f.jsonl:1: plan must be an array'],
      ['{"request":"r","plan":[{"args":{}}]}', 'f.jsonl:1: plan[0].tool must be a non-empty string'],
      ['{"request":"r","plan":[{"tool":"T","args":[]}]}', 'f.jsonl:1: plan[0].args must be an object'],
      ['{"id":"x","request":"r","plan":[]}\n{"id":"x","request":"r","plan":[]}', 'f.jsonl:2: duplicate id "x"'],
      ['{"id":{},"request":"r","plan":[]}', 'f.jsonl:1: id must be a string or a number'],
    ];
    for (const [text, message] of bad) expect(() => parseJsonlRecords(text, 'f.jsonl')).toThrow(message);
  });

  it('reports the real path of a file it reads', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"request":"r","plan":5}\n');
    expect(() => readJsonlWorkload(file, 'bad')).toThrow(`${file}:1: plan must be an array`);
  });

  it('marks a workload whose gold names tools only as argsInGold false', () => {
    const file = path.join(dir, 'tools-only.jsonl');
    writeJsonl(file, [{ id: '1', request: 'r', plan: [{ tool: 'GET:search', args: {} }] }]);
    expect(readJsonlWorkload(file, 't').argsInGold).toBe(false);
  });
});
