import { BadInputError } from '#kernel';

/** Plugin names as they appear in stream ids, GraphQL and pattern memory. */
export const PLUGIN_NAME_PATTERN = /^[a-z0-9][a-z0-9_.:]{0,63}$/i;

/** @throws BadInputError `PLUGIN_NAME_INVALID` */
export function assertPluginName(name: unknown): string {
  if (typeof name !== 'string' || !PLUGIN_NAME_PATTERN.test(name)) {
    throw new BadInputError(
      'PLUGIN_NAME_INVALID',
      `plugin name ${JSON.stringify(name)} must match ${PLUGIN_NAME_PATTERN}`,
      { name: typeof name === 'string' ? name.slice(0, 100) : String(name) },
    );
  }
  return name;
}

/**
 * Name resolution mirroring the seed's `register_plugin(instance)` / `register_plugin(name, instance)`:
 * the explicit name, else a string `name` property, else the class name lower-cased (`YourPlugin` →
 * `yourplugin`). A plain object literal has no class name to fall back on.
 *
 * @throws BadInputError `PLUGIN_NAME_REQUIRED` | `PLUGIN_NAME_INVALID`
 */
export function resolvePluginName(candidate: object, explicitName?: string): string {
  if (explicitName !== undefined) return assertPluginName(explicitName);
  const own = (candidate as { name?: unknown }).name;
  if (typeof own === 'string') return assertPluginName(own);
  const proto: unknown = Object.getPrototypeOf(candidate);
  const ctor: unknown = proto === null ? undefined : (proto as { constructor?: unknown }).constructor;
  const className = typeof ctor === 'function' && ctor !== Object ? ctor.name : '';
  if (className === '') {
    throw new BadInputError(
      'PLUGIN_NAME_REQUIRED',
      'plugin has no name: pass one explicitly or give the object a string `name`',
    );
  }
  return assertPluginName(className.toLowerCase());
}
