// Deployment security (issue 9, finding 8): the deploy refuses without its secrets and sets private storage rules;
// `--check` reports every difference from the plan; scripts acting from outside a function use @cloudbase/node-sdk,
// run here against the emulator (TCB_SERVICE_URL). The management API (permissions, indexes, functions, storage rules)
// is real CloudBase only: its reading is type-checked, and the comparison is tested on the states it produces.
import { spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator, type Emulator } from '../../emulator';
import { COLLECTIONS } from '../../server/infra/collections';
import { INDEXES } from '../../server/infra/indexes';
import {
  COLLECTION_ACL,
  diffDeployment,
  functionsToDeploy,
  functionVariables,
  notChecked,
  REQUIRED_SECRETS,
  RUNTIME,
  STORAGE_RULE,
  type DeployedState,
} from '../../scripts/deploy';

const ROOT = join(__dirname, '../..');

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(TCB_|TENCENTCLOUD|CARD_QR_SECRET|WHISTLE_SALT|WX_|SCF_)/.test(k)),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...clean, ...env } as NodeJS.ProcessEnv,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const CREDS = { TCB_ENV_ID: 'local-dev', TENCENTCLOUD_SECRETID: 'local-id', TENCENTCLOUD_SECRETKEY: 'local-key' };

describe('npm run deploy', () => {
  it('refuses to deploy without CARD_QR_SECRET and WHISTLE_SALT, before touching the environment', async () => {
    const none = await run('deploy.ts', [], CREDS);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/拒绝部署/);
    for (const name of REQUIRED_SECRETS) expect(none.out).toContain(`缺少 ${name}`);
    const short = await run('deploy.ts', [], { ...CREDS, CARD_QR_SECRET: 'short', WHISTLE_SALT: 'a-long-random-whistle-salt-001' });
    expect(short.code).toBe(2);
    expect(short.out).toMatch(/CARD_QR_SECRET 太短/);
    expect(
      functionVariables({
        CARD_QR_SECRET: 'a-long-random-card-secret-0001',
        WHISTLE_SALT: 'a-long-random-whistle-salt-001',
        SUBSCRIBE_TEMPLATE_CASENOTICE: 'tpl-1',
      }),
    ).toEqual({
      ok: true,
      variables: {
        CARD_QR_SECRET: 'a-long-random-card-secret-0001',
        WHISTLE_SALT: 'a-long-random-whistle-salt-001',
        SUBSCRIBE_TEMPLATE_CASENOTICE: 'tpl-1',
      },
    });
  }, 60_000);

  it('--dry-run prints the plan: admin-only collections, required variables, private storage rule', async () => {
    const plan = await run('deploy.ts', ['--dry-run'], {});
    expect(plan.code).toBe(0);
    expect(plan.out).toContain(`permission ${COLLECTION_ACL}`);
    expect(plan.out).toContain(JSON.stringify(STORAGE_RULE));
    expect(plan.out).toMatch(/CARD_QR_SECRET, WHISTLE_SALT \(required on every function\)/);
    expect(plan.out).toMatch(/正式部署前须设置/);
  }, 60_000);

  it('the storage rule lets no phone read a file, and a phone write only its own uploads', () => {
    expect(STORAGE_RULE).toEqual({ read: false, write: 'resource.openid == auth.openid' });
  });
});

describe('npm run deploy -- --check', () => {
  const functions = functionsToDeploy();
  const deployed = (): DeployedState => ({
    collections: Object.fromEntries(
      COLLECTIONS.map((c) => [
        c,
        {
          exists: true,
          acl: COLLECTION_ACL,
          indexes: (INDEXES[c] ?? []).map((i) => ({ name: i.name, keys: { ...i.keys }, unique: Boolean(i.unique) })),
        },
      ]),
    ),
    functions: Object.fromEntries(
      functions.map((f) => [
        f.name,
        {
          runtime: RUNTIME,
          timeout: f.timeout,
          triggers: f.triggers.map((t) => ({ ...t })),
          variables: ['CARD_QR_SECRET', 'WHISTLE_SALT'],
        },
      ]),
    ),
    storage: { acl: 'CUSTOM', rule: { ...STORAGE_RULE } },
  });

  it('a deployment as planned has no difference', () => {
    expect(diffDeployment(functions, deployed())).toEqual([]);
    expect(notChecked(deployed())).toEqual([]);
    expect(functions.find((f) => f.name === 'escalation')?.triggers).toEqual([{ name: 'ladder', config: '0 5 * * * * *' }]);
  });

  it('reports each kind of difference: collection, permission, index, function, timer, variable, storage rule', () => {
    const s = deployed();
    s.collections.audit = { exists: false };
    s.collections.persons.acl = 'READONLY';
    s.collections.invites.indexes = s.collections.invites.indexes!.filter((i) => i.name !== 'code');
    s.functions!.report = null;
    s.functions!.escalation!.triggers = [];
    s.functions!.org!.triggers = [{ name: 'expireInvites', config: '0 0 4 * * * *' }];
    s.functions!.resident!.variables = ['CARD_QR_SECRET'];
    s.storage = { acl: 'READONLY', rule: null };
    expect(diffDeployment(functions, s).sort()).toEqual(
      [
        '集合 persons：权限为 READONLY，应为 ADMINONLY（仅管理端可读写）',
        '集合 invites：缺少索引 code',
        '集合 audit：不存在',
        '云函数 escalation：缺少定时触发器 ladder（0 5 * * * * *）',
        '云函数 org：定时触发器 expireInvites 为“0 0 4 * * * *”，应为“0 0 3 * * * *”',
        '云函数 report：未部署',
        '云函数 resident：未设置环境变量 WHISTLE_SALT',
        `云存储：权限为 READONLY，应为安全规则 ${JSON.stringify(STORAGE_RULE)}（客户端不可读，文件只经云函数签发的临时链接提供）`,
      ].sort(),
    );
  });

  describe('against the emulator (data API only, through @cloudbase/node-sdk)', () => {
    let emulator: Emulator;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'nw-deploy-'));
      emulator = await startEmulator({ dataDir, collections: COLLECTIONS.filter((c) => c !== 'audit') });
    });
    afterAll(async () => {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('prints the missing collection, says what it could not check, and changes nothing', async () => {
      const before = emulator.store.collectionNames();
      const r = await run('deploy.ts', ['--check'], { ...CREDS, TCB_SERVICE_URL: `${emulator.url}/admin` });
      expect(r.out).toContain('✗ 集合 audit：不存在');
      expect(r.out).toMatch(/未检查：集合权限、索引、云函数、定时触发器与环境变量、云存储安全规则/);
      expect(r.code).toBe(1);
      expect(emulator.store.collectionNames()).toEqual(before);
      emulator.store.createCollection('audit');
      const again = await run('deploy.ts', ['--check'], { ...CREDS, TCB_SERVICE_URL: `${emulator.url}/admin` });
      expect(again.out).toMatch(/检查通过/);
      expect(again.code).toBe(0);
    }, 60_000);

    it('bootstrap-office creates the first office account through @cloudbase/node-sdk', async () => {
      const args = ['--township', '部署测试镇', '--openid', 'office-openid-deploy', '--name', '部署测试员'];
      const r = await run('bootstrap-office.ts', args, { ...CREDS, TCB_SERVICE_URL: `${emulator.url}/admin` });
      expect(r.out).toMatch(/完成：乡镇 [0-9a-f]{32}（新建），镇办公室人员 [0-9a-f]{32}（新建）/);
      expect(r.code).toBe(0);
      const person = emulator.store.docs('persons').find((p) => p.openid === 'office-openid-deploy')!;
      const township = emulator.store.docs('townships').find((t) => t.name === '部署测试镇')!;
      expect(person).toMatchObject({
        name: '部署测试员',
        active: true,
        townshipId: township._id,
        grants: [{ role: 'office', scopeType: 'township', scopeId: township._id }],
      });
      const second = await run('bootstrap-office.ts', args, { ...CREDS, TCB_SERVICE_URL: `${emulator.url}/admin` });
      expect(second.code).toBe(1);
      expect(second.out).toMatch(/已拒绝/);
      const missing = await run('bootstrap-office.ts', args, {});
      expect(missing.code).toBe(2);
      expect(missing.out).toMatch(/缺少环境变量 TCB_ENV_ID/);
    }, 60_000);
  });
});
