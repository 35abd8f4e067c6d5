import type { RegisterPluginInput } from './register-plugin.input.js';

export class RegisterPlugin {
  constructor(readonly input: RegisterPluginInput) {}
}
