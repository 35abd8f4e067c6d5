import path from 'node:path';
import { DATASETS_DIR_ENV, datasetsDir, missingDatasetsReason } from './datasets-dir.js';

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

describe('missingDatasetsReason', () => {
  it('names the missing directory and the variable that points at another one', () => {
    expect(missingDatasetsReason('/data/sets', () => false)).toBe(
      'no data sets at /data/sets; set WRE_DATASETS_DIR to the directory holding api-bank/ and restbench/ to run them',
    );
  });

  it('is null when the directory exists', () => {
    expect(missingDatasetsReason('/data/sets', (dir) => dir === '/data/sets')).toBeNull();
  });
});
