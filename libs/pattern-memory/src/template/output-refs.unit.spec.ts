import type { JsonValue } from '#kernel';
import type { PlanStep } from '#domain';
import { extractTemplate, instantiateTemplate, resolveTemplate, type PlanTemplate } from './index.js';

/** Runs a template the way the orchestrator does: resolve, "run" the steps with `world`, resolve again. */
function runTemplate(
  template: PlanTemplate,
  params: Record<string, JsonValue>,
  world: (step: PlanStep) => JsonValue,
): PlanStep[] {
  const done: JsonValue[] = [];
  const ran: PlanStep[] = [];
  let from = 0;
  for (;;) {
    const r = resolveTemplate(template, params, done, from);
    if (!r.ok) throw new Error(r.reason);
    for (const s of r.steps) {
      const out = world(s.step);
      ran.push(s.step);
      if (template.steps[s.templateStep]?.each)
        done[s.templateStep] = [...((done[s.templateStep] as JsonValue[] | undefined) ?? []), out];
      else done[s.templateStep] = out;
    }
    for (let t = from; t < r.next; t++) if (done[t] === undefined) done[t] = [];
    if (r.complete) return ran;
    from = r.next;
  }
}

const meetings = (user: string, rooms: string[]): JsonValue => ({
  meetings: rooms.map((room, i) => ({
    meeting_name: `${user} sync ${i}`,
    meeting_time: `2021-01-0${i + 1} 10:00:00`,
    location: room,
  })),
});
const reminder = (m: { meeting_name: string; meeting_time: string; location: string }, to: string): PlanStep => ({
  tool: 'EmailReminder',
  args: {
    content: `${m.meeting_name} will be held at ${m.location}. Please be there on time.`,
    time: m.meeting_time,
    recipient: to,
  },
});
function meetingPlan(user: string, email: string, rooms: string[]): { steps: PlanStep[]; outputs: JsonValue[] } {
  const out = meetings(user, rooms) as { meetings: { meeting_name: string; meeting_time: string; location: string }[] };
  return {
    steps: [{ tool: 'QueryMeeting', args: { user_name: user } }, ...out.meetings.map((m) => reminder(m, email))],
    outputs: [out, ...out.meetings.map(() => 'sent')],
  };
}

describe('templates over step outputs', () => {
  it('turns a run of steps, one per element of an earlier output list, into one per-item step with item refs', () => {
    const learned = meetingPlan('John', 'john@example.com', ['Room 1', 'Room 2']);
    const t = extractTemplate({ name: 'John', email: 'john@example.com' }, learned.steps, learned.outputs);
    expect(t.steps).toEqual([
      { tool: 'QueryMeeting', args: { user_name: { $slot: 'name' } } },
      {
        tool: 'EmailReminder',
        each: { step: 0, path: ['meetings'] },
        args: {
          content: { $format: '{@item/meeting_name} will be held at {@item/location}. Please be there on time.' },
          time: { $item: { path: ['meeting_time'] } },
          recipient: { $slot: 'email' },
        },
      },
    ]);
    expect(t).toMatchObject({ slots: ['email', 'name'], ambiguous: false, repeated: false });
    // A per-item step seen once waits for a second agreeing example before it is served.
    expect(t.fragile).toEqual(['takes whole values or lists from step outputs: needs a second example that agrees']);
  });

  it('replays the per-item step once per item of the new output, for a different number of items', () => {
    const learned = meetingPlan('John', 'john@example.com', ['Room 1', 'Room 2']);
    const t = extractTemplate({ name: 'John', email: 'john@example.com' }, learned.steps, learned.outputs);
    const gold = meetingPlan('Mary', 'mary@example.com', ['Room 7', 'Room 8', 'Room 9']);
    const world = (s: PlanStep): JsonValue =>
      s.tool === 'QueryMeeting' ? meetings(s.args.user_name as string, ['Room 7', 'Room 8', 'Room 9']) : 'sent';
    expect(runTemplate(t, { name: 'Mary', email: 'mary@example.com' }, world)).toEqual(gold.steps);
    // Zero items is a valid answer too: the plan then ends after the query.
    expect(
      runTemplate(t, { name: 'Ann', email: 'a@x.io' }, (s) => (s.tool === 'QueryMeeting' ? { meetings: [] } : 'sent')),
    ).toHaveLength(1);
  });

  it('refers to earlier outputs for whole values, numbers written as text, and text inside strings', () => {
    const steps: PlanStep[] = [
      { tool: 'Geocoding', args: { address: 'Paris' } },
      { tool: 'Weather', args: { latitude: '48.8566', longitude: '2.3522' } },
      { tool: 'Clothing', args: { temperature: 15, conditions: 'Sunny', note: 'Dress for Sunny weather' } },
    ];
    const outputs: JsonValue[] = [
      { latitude: 48.8566, longitude: 2.3522 },
      { temperature: 15, description: 'Sunny' },
      'ok',
    ];
    const t = extractTemplate({ city: 'Paris' }, steps, outputs);
    expect(t.steps[1]?.args).toEqual({
      latitude: { $out: { step: 0, path: ['latitude'], as: 'string' } },
      longitude: { $out: { step: 0, path: ['longitude'], as: 'string' } },
    });
    expect(t.steps[2]?.args).toEqual({
      temperature: { $out: { step: 1, path: ['temperature'] } },
      conditions: { $out: { step: 1, path: ['description'] } },
      note: { $format: 'Dress for {@1/description} weather' },
    });
    // Before the outputs exist only the first step can be built; instantiateTemplate says so instead of guessing.
    expect(resolveTemplate(t, { city: 'Tokyo' }, [], 0)).toMatchObject({
      ok: true,
      next: 1,
      complete: false,
      steps: [{ templateStep: 0, step: { tool: 'Geocoding', args: { address: 'Tokyo' } } }],
    });
    expect(instantiateTemplate(t, { city: 'Tokyo' })).toEqual({
      ok: false,
      missing: [],
      reason: 'step 1 needs the outputs of earlier steps',
    });
    const tokyo = resolveTemplate(t, { city: 'Tokyo' }, [{ latitude: 35.6762, longitude: 139.6503 }], 1);
    expect(tokyo).toMatchObject({
      ok: true,
      next: 2,
      steps: [{ step: { args: { latitude: '35.6762', longitude: '139.6503' } } }],
    });
  });

  it('prefers params over outputs when both hold the value', () => {
    const t = extractTemplate(
      { dest: 'London' },
      [
        { tool: 'Flights', args: { to: 'London' } },
        { tool: 'Hotels', args: { city: 'London' } },
      ],
      [{ flights: [{ to: 'London' }] }, []],
    );
    expect(t.steps[1]?.args).toEqual({ city: { $slot: 'dest' } });
  });

  it('refuses to build a step from an output that lacks the value or has the wrong type, with the reason', () => {
    const steps: PlanStep[] = [
      { tool: 'Posts', args: { user: 'u-1' } },
      { tool: 'Like', args: { post: 4 } },
      { tool: 'Like', args: { post: 5 } },
    ];
    const t = extractTemplate({ user: 'u-1' }, steps, [{ post_ids: [4, 5] }, 1, 2]);
    expect(t.steps[1]).toEqual({
      tool: 'Like',
      each: { step: 0, path: ['post_ids'] },
      args: { post: { $item: { path: [] } } },
    });
    expect(resolveTemplate(t, { user: 'u-2' }, [{ post_ids: 'none' }], 1)).toEqual({
      ok: false,
      missing: [],
      reason: "step 1 runs once per item of step 0's output at /post_ids, which is string, not a list",
    });
    const w = extractTemplate(
      { c: 'Paris' },
      [
        { tool: 'G', args: { a: 'Paris' } },
        { tool: 'W', args: { lat: '1.5' } },
      ],
      [{ lat: 1.5 }, null],
    );
    expect(resolveTemplate(w, { c: 'Rome' }, [{ lat: { deg: 1 } }], 1)).toEqual({
      ok: false,
      missing: [],
      reason: "step 0's output at /lat is object, not text or a number",
    });
    expect(resolveTemplate(w, { c: 'Rome' }, [{}], 1)).toEqual({
      ok: false,
      missing: [],
      reason: "step 0's output at /lat is missing",
    });
  });

  it('reports templates whose output references point forward, outside a per-item step, or are malformed', () => {
    const forward: PlanTemplate = { steps: [{ tool: 'a', args: { x: { $out: { step: 0, path: [] } } } }], slots: [] };
    expect(resolveTemplate(forward, {}, [], 0)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('must refer to an earlier step'),
    });
    const item: PlanTemplate = { steps: [{ tool: 'a', args: { x: { $format: '{@item/name}' } } }], slots: [] };
    expect(resolveTemplate(item, {}, [], 0)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('outside a per-item step'),
    });
    const bad: PlanTemplate = {
      steps: [
        { tool: 'a', args: {} },
        { tool: 'b', args: { x: { $out: { step: 0, path: 'x' } } } },
      ],
      slots: [],
    } as unknown as PlanTemplate;
    expect(resolveTemplate(bad, {}, [], 0)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('$out must be { step, path, as? }'),
    });
  });
});

describe('fragile templates (wait for a confirming example)', () => {
  it('slots a number param written as text, and flags a constant equal to an element of a list param', () => {
    const t = extractTemplate({ lat: 40.7128, agents: ['ann', 'bob'] }, [
      { tool: 'W', args: { latitude: '40.7128' } },
      { tool: 'D', args: { agent: 'ann' } },
    ]);
    expect(t.steps.map((s) => s.args)).toEqual([{ latitude: { $format: '{lat}' } }, { agent: 'ann' }]);
    expect(t.fragile).toEqual(['/steps/1/args/agent: constant "ann" equals a value seen in params or outputs']);
  });

  it('flags a constant shaped like a value that varies (a date derived from a date param)', () => {
    const t = extractTemplate({ day: '2022-01-03', to: 'London' }, [
      { tool: 'Hotel', args: { city: 'London', check_in: '2022-01-03', check_out: '2022-01-04' } },
    ]);
    expect(t.fragile).toEqual(['/steps/0/args/check_out: constant "2022-01-04" is shaped like a value that varies']);
  });

  it('flags a constant made of output values, and a reference to a fixed position > 0 of an output list', () => {
    const steps: PlanStep[] = [
      { tool: 'Members', args: { org: 'Acme' } },
      { tool: 'Sum', args: { formula: '40+50' } },
      { tool: 'Meet', args: { who: ['Mary', 'Peter'] } },
    ];
    const t = extractTemplate({ org: 'Acme' }, steps, [
      { members: ['John', 'Mary', 'Peter'], likes: [40, 50] },
      90,
      'ok',
    ]);
    expect(t.fragile).toEqual([
      '/steps/1/args/formula: constant "40+50" contains values seen in params or outputs',
      '/steps/2/args/who/0: refers to a fixed position of an output list',
      '/steps/2/args/who/1: refers to a fixed position of an output list',
      'takes whole values or lists from step outputs: needs a second example that agrees',
    ]);
  });

  it('flags a value found at several places of the outputs, and leaves clean templates unflagged', () => {
    const t = extractTemplate(
      { q: 'abc' },
      [
        { tool: 'Find', args: { q: 'abc' } },
        { tool: 'Open', args: { id: 'r-17' } },
      ],
      [{ best: 'r-17', all: ['r-17', 'r-18'] }, 'ok'],
    );
    expect(t.fragile).toEqual([
      'value "r-17" appears at 2 places in earlier outputs',
      'takes whole values or lists from step outputs: needs a second example that agrees',
    ]);
    // Output text inside a longer string is evidence enough; the unrelated constant 1000 is not flagged.
    const clean = extractTemplate(
      { q: 'abc' },
      [
        { tool: 'Find', args: { q: 'abc', limit: 1000 } },
        { tool: 'Open', args: { path: 'records/r-17/data' } },
      ],
      [{ best: 'r-17' }, 'ok'],
    );
    expect(clean.steps[1]?.args).toEqual({ path: { $format: 'records/{@0/best}/data' } });
    expect(clean.fragile).toBeUndefined();
  });
});
