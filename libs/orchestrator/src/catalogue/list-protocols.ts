import { citationChainRule, CITATION_PROTOCOL } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';

export interface ProtocolView {
  id: string;
  title: string;
  description: string | null;
  source: string;
  rules: { id: string; kind: string; description: string | null; spec: object }[];
}

/** The protocols in force, WSP 82's evaluator rule included, as data. */
export function listProtocols(rt: Pick<WreRuntime, 'protocols'>): ProtocolView[] {
  const views: ProtocolView[] = rt.protocols.protocols.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description ?? null,
    source: p.source,
    rules: p.rules.map(({ id, kind, description, ...spec }) => ({
      id: `${p.id}/${id}`,
      kind,
      description: description ?? null,
      spec,
    })),
  }));
  const chain = {
    id: citationChainRule.id,
    kind: citationChainRule.kind,
    description: 'every step cites WSP-50 and WSP-64',
    spec: {},
  };
  views.push({
    id: CITATION_PROTOCOL.id,
    title: CITATION_PROTOCOL.title,
    description: null,
    source: 'builtin',
    rules: [chain],
  });
  return views;
}
