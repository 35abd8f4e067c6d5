import type { RecordedEvent } from '#kernel';
import type { PluginEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { PLUGINS, type PluginDoc } from './plugin.doc.js';

/** Current definition and status of every plugin ever registered. */
export const pluginsProjection: Projection = {
  name: 'plugins',
  version: 1,
  handles: ['PluginRegistered', 'PluginDeregistered'],
  collections: [PLUGINS],
  indexes: [{ collection: PLUGINS, field: 'status' }],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as PluginEvent & RecordedEvent;
    const at = recorded.metadata.occurredAt;
    if (event.type === 'PluginRegistered') {
      const { definition, definitionHash } = event.data;
      const prev = await tx.get<PluginDoc>(PLUGINS, definition.name);
      const doc: PluginDoc = {
        ...definition,
        status: 'REGISTERED',
        definitionHash,
        registeredAt: prev?.status === 'REGISTERED' ? prev.registeredAt : at,
        updatedAt: at,
        position: recorded.position.toString(),
      };
      await tx.put(PLUGINS, definition.name, doc);
    } else {
      const prev = await tx.get<PluginDoc>(PLUGINS, event.data.name);
      if (prev)
        await tx.put(PLUGINS, prev.name, {
          ...prev,
          status: 'DEREGISTERED',
          updatedAt: at,
          position: recorded.position.toString(),
        });
    }
  },
};
