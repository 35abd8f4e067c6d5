/** What a new module is described by; every value appears literally in the generated files. */
export interface ModuleSpec {
  name: string;
  domain: string;
  description: string;
}

/** A file of the module skeleton, relative to the module directory. */
export interface TemplateFile {
  file: string;
  content: string;
}

/** Sub-directories every module gets (WSP 49 layout: code and tests side by side). */
export const MODULE_DIRS = ['src', 'tests'] as const;

/**
 * The skeleton's documents. Deliberately free of dates and ids so the same spec always yields the same
 * bytes — a recalled plan must reproduce what a computed one wrote.
 */
export function moduleFiles({ name, domain, description }: ModuleSpec): TemplateFile[] {
  const where = `modules/${domain}/${name}`;
  return [
    {
      file: 'README.md',
      content: [
        `# ${name}`,
        '',
        description,
        '',
        `- Domain: \`${domain}\``,
        `- Location: \`${where}\``,
        '- Code: `src/`, tests: `tests/`, public contract: `INTERFACE.md`, history: `ModLog.md`.',
        '',
      ].join('\n'),
    },
    {
      file: 'INTERFACE.md',
      content: [
        `# ${name} — interface`,
        '',
        `Public API of \`${name}\` (domain \`${domain}\`).`,
        '',
        '## Exports',
        '',
        '_None yet. List every exported function or type here with its parameters, return value and errors._',
        '',
      ].join('\n'),
    },
    {
      file: 'ModLog.md',
      content: [
        `# ${name} — ModLog`,
        '',
        `## Created`,
        '',
        `- Module \`${name}\` scaffolded in domain \`${domain}\` at \`${where}\`.`,
        '',
      ].join('\n'),
    },
  ];
}
