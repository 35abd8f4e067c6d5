import type { RecordedEvent } from '#kernel';
import { PLUGIN_EVENT_TYPES, registrationOf, type PluginEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { PLUGINS, type PluginDoc } from './plugin.doc.js';

/** Current definition and status of every plugin ever registered. */
export const pluginsProjection: Projection = {
  name: 'plugins',
  version: 3,
  handles: PLUGIN_EVENT_TYPES,
  collections: [PLUGINS],
  indexes: [
    { collection: PLUGINS, field: 'status' },
    { collection: PLUGINS, field: 'owner' },
    { collection: PLUGINS, field: 'nameKey' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as PluginEvent & RecordedEvent;
    const at = recorded.metadata.occurredAt;
    if (event.type === 'PluginRegistered') {
      const { definition, definitionHash } = event.data;
      const prev = await tx.get<PluginDoc>(PLUGINS, definition.name);
      const doc: PluginDoc = {
        ...definition,
        nameKey: definition.name.toLowerCase(),
        status: 'REGISTERED',
        definitionHash,
        ...registrationOf(event.data),
        signingNonce: event.data.signingNonce ?? null,
        registeredAt: prev?.status === 'REGISTERED' ? prev.registeredAt : at,
        updatedAt: at,
        position: recorded.position.toString(),
      };
      await tx.put(PLUGINS, definition.name, doc);
    } else {
      const prev = await tx.get<PluginDoc>(PLUGINS, event.data.name);
      if (!prev) return;
      const change =
        event.type === 'PluginShared' ? { shared: event.data.shared } : { status: 'DEREGISTERED' as const };
      await tx.put(PLUGINS, prev.name, { ...prev, ...change, updatedAt: at, position: recorded.position.toString() });
    }
  },
};
