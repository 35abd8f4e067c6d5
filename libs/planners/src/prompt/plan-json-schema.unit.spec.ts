import { fixtureTools } from '../../test/plan-request.fixture.js';
import { validateArgs } from '#validation';
import { planJsonSchema } from './plan-json-schema.js';

describe('planJsonSchema', () => {
  const schema = planJsonSchema(fixtureTools);

  it('describes { steps: [{ tool, args }] } with the catalogue names as the tool enum', () => {
    expect(schema).toEqual({
      type: 'object',
      properties: {
        steps: {
          type: 'array',
          minItems: 1,
          maxItems: 1000,
          items: {
            type: 'object',
            properties: { tool: { type: 'string', enum: ['write_file', 'remove_file'] }, args: { type: 'object' } },
            required: ['tool', 'args'],
            additionalProperties: false,
          },
        },
      },
      required: ['steps'],
      additionalProperties: false,
    });
  });

  it('accepts a valid answer and refuses unknown tools, missing args and empty plans', () => {
    expect(validateArgs(schema, { steps: [{ tool: 'remove_file', args: { path: 'a' } }] })).toEqual([]);
    expect(validateArgs(schema, { steps: [{ tool: 'nope', args: {} }] })).not.toEqual([]);
    expect(validateArgs(schema, { steps: [{ tool: 'remove_file' }] })).not.toEqual([]);
    expect(validateArgs(schema, { steps: [] })).not.toEqual([]);
  });

  it('lists a duplicated tool name once', () => {
    const twice = planJsonSchema([...fixtureTools, fixtureTools[0]!]);
    expect(JSON.stringify(twice)).toContain('"enum":["write_file","remove_file"]');
  });
});
