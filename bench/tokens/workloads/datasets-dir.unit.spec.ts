import path from 'node:path';
import { DATASETS_DIR_ENV, datasetsDir } from './datasets-dir.js';

describe('datasetsDir', () => {
  it('defaults to ../shared/datasets next to the repository', () => {
    expect(datasetsDir('/work/main', {})).toBe(path.resolve('/work/shared/datasets'));
  });

  it('prefers WRE_DATASETS_DIR, resolved against the cwd', () => {
    expect(datasetsDir('/work/main', { [DATASETS_DIR_ENV]: '/data/sets' })).toBe(path.resolve('/data/sets'));
    expect(datasetsDir('/work/main', { [DATASETS_DIR_ENV]: 'rel' })).toBe(path.resolve('rel'));
    expect(datasetsDir('/work/main', { [DATASETS_DIR_ENV]: '  ' })).toBe(path.resolve('/work/shared/datasets'));
  });
});
