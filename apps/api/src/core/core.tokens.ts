/** DI token for the application core (libs/orchestrator WreCore). */
export const WRE_CORE = Symbol('WRE_CORE');
export const WRE_CONFIG = Symbol('WRE_CONFIG');
