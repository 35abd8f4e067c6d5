/** Outcome of a module-path check; stored so every decision about a path can be audited later. */
export type ModulePathValidated = {
  type: 'ModulePathValidated';
  data: { path: string; valid: boolean; reason: string | null; resolved: string | null };
};
export type ValidationEvent = ModulePathValidated;
