import { apiBankLevel3Workload } from '../api-bank-level3.js';
import { describeWithDatasets } from '../datasets.fixture.js';
import { planStructure } from '../repeat-ceiling.js';
import { extractRequest } from './extract-request.js';

describeWithDatasets('extractRequest over all of level-3', (dir) => {
  it('groups the 50 requests into 12 types; 45 share theirs with a request of the same tool sequence', () => {
    const groups = new Map<string, string[]>();
    for (const r of apiBankLevel3Workload(dir).records) {
      const { type } = extractRequest(r.request);
      groups.set(type, [...(groups.get(type) ?? []), planStructure(r.plan)]);
    }
    expect(groups.size).toBe(12);
    const seqs = [...groups.values()];
    const withTwin = seqs.flatMap((g) => g.filter((s, i) => g.some((o, j) => j !== i && o === s)));
    const onlyOthers = seqs.flatMap((g) =>
      g.length > 1 ? g.filter((s, i) => !g.some((o, j) => j !== i && o === s)) : [],
    );
    expect(withTwin).toHaveLength(45);
    expect(onlyOthers).toHaveLength(3); // runtime fan-out: 3 reminders, 3 travel checks, a missing Calculator
    expect(seqs.filter((g) => g.length === 1)).toHaveLength(2);
  });
});
