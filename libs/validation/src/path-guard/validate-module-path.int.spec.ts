import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateModulePath } from './validate-module-path.js';

describe('validateModulePath', () => {
  let base: string;
  let root: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'wre-modpath-')));
    root = path.join(base, 'ws');
    await mkdir(path.join(root, 'modules/general/new_module'), { recursive: true });
    await writeFile(path.join(root, 'modules/general/a_file'), 'x');
    await mkdir(path.join(base, 'outside/general/evil'), { recursive: true });
    await symlink(path.join(base, 'outside/general'), path.join(root, 'modules/linked'));
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('accepts an existing modules/<domain>/<name> directory, relative or absolute inside the root', async () => {
    const expected = { valid: true, reason: null, resolved: path.join(root, 'modules/general/new_module') };
    expect(await validateModulePath(root, 'modules/general/new_module')).toEqual(expected);
    expect(await validateModulePath(root, 'modules/general/new_module/')).toEqual(expected);
    expect(await validateModulePath(root, path.join(root, 'modules/general/new_module'))).toEqual(expected);
  });

  it.each([
    ['modules/general/missing', /does not exist/],
    ['modules/general/a_file', /not a directory/],
    ['modules/general', /modules\/<domain>\/<name>/],
    ['src/general/new_module', /modules\/<domain>\/<name>/],
    ['modules/General/new_module', /domain 'General'/],
    ['modules/general/9lives', /module name '9lives'/],
    ['modules/linked/evil', /outside the workspace/],
    ['../ws/modules/general/new_module', /escapes the workspace/],
    ['modules/general/%2e%2e', /percent-encoded/],
    ['/etc/passwd', /absolute module path is outside/],
    ['', /non-empty string/],
  ])('rejects %j with a reason', async (input, reason) => {
    const result = await validateModulePath(root, input);
    expect(result.valid).toBe(false);
    expect(result.resolved).toBeNull();
    expect(result.reason).toMatch(reason);
  });

  it("refuses '..' in an absolute path, which the kernel applies only after following the symlink before it", async () => {
    // Lexically this is <root>/modules/general/new_module; for the kernel it is <base>/modules/general/new_module.
    const viaLink = `${root}/modules/linked/../../modules/general/new_module`;
    expect(await validateModulePath(root, viaLink)).toEqual({
      valid: false,
      reason: "'..' segments are not allowed",
      resolved: null,
    });
    expect(await validateModulePath(root, `${root}/modules/../modules/general/new_module`)).toMatchObject({
      valid: false,
    });
  });

  it('does not throw for non-string input or a missing root', async () => {
    expect((await validateModulePath(root, 42 as unknown as string)).reason).toMatch(/non-empty string/);
    expect((await validateModulePath(path.join(base, 'nope'), 'modules/a/b')).reason).toMatch(/workspace root/);
  });
});
