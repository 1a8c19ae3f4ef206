// Deploys to a real CloudBase environment: collections (admin-only), indexes, every cloud function with its timers and its
// required variables, and private storage rules. `--check` only reads the environment and prints what differs.
//
//   TCB_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… CARD_QR_SECRET=… WHISTLE_SALT=… npm run deploy
//   npm run deploy -- --dry-run     the plan, touching nothing (no credentials needed)
//   npm run deploy -- --check       compare the deployed environment with the plan, change nothing (exit 1 on a difference)
import CloudBase from '@cloudbase/manager-node';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../server/infra/collections';
import { INDEXES, type IndexSpec } from '../server/infra/indexes';
import { adminCredentials, adminDatabase, type AdminCredentials } from './cloudbaseAdmin';

const ROOT = join(__dirname, '..');
const FN_ROOT = join(ROOT, 'cloudfunctions');
export const RUNTIME = 'Nodejs16.13';
const DEFAULT_TIMEOUT_S = 20;

/** Secrets every function gets; without them the deploy refuses (the functions would answer CONFIG_MISSING). */
export const REQUIRED_SECRETS = ['CARD_QR_SECRET', 'WHISTLE_SALT'] as const;
export const MIN_SECRET_LENGTH = 16;
/** Passed on when set: the subscription-message template ids (the in-app inbox works without them). */
export const OPTIONAL_VARIABLES = [
  'SUBSCRIBE_TEMPLATE_VISITREMINDER',
  'SUBSCRIBE_TEMPLATE_CASENOTICE',
  'SUBSCRIBE_TEMPLATE_WEEKLYCONTACT',
] as const;

/** Database permission of every collection: phones never touch the database, all access goes through the functions. */
export const COLLECTION_ACL = 'ADMINONLY';
/**
 * Storage security rule: nobody reads a file from a phone (photos of hazards and whistle-blowers, QR codes, exports are
 * served only through temporary links a function issues after its own scope check); a phone may write only files it
 * uploaded itself (its own photos). Functions and the console are not bound by storage rules.
 */
export const STORAGE_RULE = { read: false, write: 'resource.openid == auth.openid' } as const;

interface FnConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

export interface PlannedFunction {
  name: string;
  timeout: number;
  triggers: { name: string; config: string }[];
}

export function functionsToDeploy(): PlannedFunction[] {
  return readdirSync(FN_ROOT)
    .filter((n) => existsSync(join(FN_ROOT, n, 'src', 'index.ts')))
    .sort()
    .map((name) => {
      const cfgFile = join(FN_ROOT, name, 'config.json');
      const config = existsSync(cfgFile) ? (JSON.parse(readFileSync(cfgFile, 'utf8')) as FnConfig) : {};
      return {
        name,
        timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
        triggers: (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, config: t.config })),
      };
    });
}

/** The variables to set on every function, or the refusal naming what is missing or too short. */
export function functionVariables(
  env: NodeJS.ProcessEnv,
): { ok: true; variables: Record<string, string> } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const variables: Record<string, string> = {};
  for (const name of REQUIRED_SECRETS) {
    const v = env[name];
    if (!v) problems.push(`缺少 ${name}`);
    else if (v.length < MIN_SECRET_LENGTH) problems.push(`${name} 太短（至少 ${MIN_SECRET_LENGTH} 个字符）`);
    else variables[name] = v;
  }
  for (const name of OPTIONAL_VARIABLES) if (env[name]) variables[name] = env[name]!;
  return problems.length ? { ok: false, problems } : { ok: true, variables };
}

// ---- what a deployed environment looks like, and how it differs from the plan ---------------------------------------

export interface DeployedIndex {
  name: string;
  keys: Record<string, number>;
  unique: boolean;
}
export interface DeployedFunction {
  runtime: string;
  timeout: number;
  triggers: { name: string; config: string }[];
  /** names of the variables set to a non-empty value (values are never printed) */
  variables: string[];
}
/** What the environment answered; a part left undefined could not be read (and is reported as not checked). */
export interface DeployedState {
  collections: Record<string, { exists: boolean; acl?: string | null; indexes?: DeployedIndex[] }>;
  functions?: Record<string, DeployedFunction | null>;
  storage?: { acl: string; rule: { read: unknown; write: unknown } | null };
}

const sameKeys = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));

/** Every difference between the plan and the deployed state, one Chinese line each; [] when they agree. */
export function diffDeployment(functions: PlannedFunction[], actual: DeployedState): string[] {
  const out: string[] = [];
  for (const name of COLLECTIONS) {
    const c = actual.collections[name];
    if (!c?.exists) {
      out.push(`集合 ${name}：不存在`);
      continue;
    }
    if (c.acl !== undefined && c.acl !== COLLECTION_ACL)
      out.push(`集合 ${name}：权限为 ${c.acl ?? '未知'}，应为 ${COLLECTION_ACL}（仅管理端可读写）`);
    if (c.indexes !== undefined) {
      for (const want of INDEXES[name] ?? ([] as IndexSpec[])) {
        const have = c.indexes.find((i) => i.name === want.name);
        if (!have) out.push(`集合 ${name}：缺少索引 ${want.name}`);
        else if (!sameKeys(have.keys, want.keys) || have.unique !== Boolean(want.unique))
          out.push(`集合 ${name}：索引 ${want.name} 的字段或唯一性与计划不同`);
      }
    }
  }
  if (actual.functions) {
    for (const f of functions) {
      const d = actual.functions[f.name];
      if (!d) {
        out.push(`云函数 ${f.name}：未部署`);
        continue;
      }
      if (d.runtime !== RUNTIME) out.push(`云函数 ${f.name}：运行时为 ${d.runtime}，应为 ${RUNTIME}`);
      if (d.timeout !== f.timeout) out.push(`云函数 ${f.name}：超时为 ${d.timeout} 秒，应为 ${f.timeout} 秒`);
      for (const t of f.triggers) {
        const have = d.triggers.find((x) => x.name === t.name);
        if (!have) out.push(`云函数 ${f.name}：缺少定时触发器 ${t.name}（${t.config}）`);
        else if (have.config.trim() !== t.config.trim())
          out.push(`云函数 ${f.name}：定时触发器 ${t.name} 为“${have.config}”，应为“${t.config}”`);
      }
      for (const extra of d.triggers.filter((x) => !f.triggers.some((t) => t.name === x.name)))
        out.push(`云函数 ${f.name}：多出定时触发器 ${extra.name}（${extra.config}）`);
      for (const v of REQUIRED_SECRETS) if (!d.variables.includes(v)) out.push(`云函数 ${f.name}：未设置环境变量 ${v}`);
    }
  }
  if (actual.storage) {
    const r = actual.storage.rule;
    if (actual.storage.acl !== 'CUSTOM' || !r || r.read !== STORAGE_RULE.read || r.write !== STORAGE_RULE.write) {
      out.push(
        `云存储：权限为 ${actual.storage.acl}${r ? ` ${JSON.stringify(r)}` : ''}，应为安全规则 ${JSON.stringify(STORAGE_RULE)}（客户端不可读，文件只经云函数签发的临时链接提供）`,
      );
    }
  }
  return out;
}

/** What a check could not read (e.g. against the local emulator, which answers only the data API). */
export function notChecked(actual: DeployedState): string[] {
  const out: string[] = [];
  if (Object.values(actual.collections).some((c) => c.exists && c.acl === undefined)) out.push('集合权限');
  if (Object.values(actual.collections).some((c) => c.exists && c.indexes === undefined)) out.push('索引');
  if (!actual.functions) out.push('云函数、定时触发器与环境变量');
  if (!actual.storage) out.push('云存储安全规则');
  return out;
}

// ---- reading a deployed environment ---------------------------------------------------------------------------------

/** Collections that exist, through the data API (node-sdk): a count on a missing collection fails. The emulator answers this. */
export async function readCollectionsByData(c: AdminCredentials): Promise<DeployedState['collections']> {
  const db = adminDatabase(c);
  const out: DeployedState['collections'] = {};
  for (const name of COLLECTIONS) {
    const exists = await (db.collection(name).limit(1).get() as Promise<unknown>).then(
      () => true,
      (err: { code?: string; message?: string }) => {
        if (/COLLECTION_NOT_EXIST|not exist/i.test(`${err?.code ?? ''} ${err?.message ?? ''}`)) return false;
        throw err;
      },
    );
    out[name] = { exists };
  }
  return out;
}

/** Everything the plan covers, through the management API (@cloudbase/manager-node); real CloudBase only. */
async function readDeployed(manager: CloudBase, envId: string, functions: PlannedFunction[]): Promise<DeployedState> {
  const collections: DeployedState['collections'] = {};
  for (const name of COLLECTIONS) {
    const exists = (await manager.database.checkCollectionExists(name)).Exists;
    if (!exists) {
      collections[name] = { exists: false };
      continue;
    }
    const acl = (await manager.commonService().call({ Action: 'DescribeDatabaseACL', Param: { CollectionName: name, EnvId: envId } })) as {
      AclTag?: string;
    };
    const info = await manager.database.describeCollection(name);
    const indexes = (info.Indexes ?? []).map((i) => ({
      name: i.Name,
      unique: Boolean(i.Unique),
      keys: Object.fromEntries((i.Keys ?? []).map((k) => [String(k.Name), Number(k.Direction)])),
    }));
    collections[name] = { exists: true, acl: acl.AclTag ?? null, indexes };
  }
  const deployedFunctions: Record<string, DeployedFunction | null> = {};
  for (const f of functions) {
    const detail = await manager.functions.getFunctionDetail(f.name).catch(() => null);
    deployedFunctions[f.name] = detail
      ? {
          runtime: detail.Runtime,
          timeout: detail.Timeout,
          triggers: (detail.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => ({ name: t.TriggerName, config: t.TriggerDesc })),
          variables: (detail.Environment?.Variables ?? []).filter((v) => v.Value).map((v) => v.Key),
        }
      : null;
  }
  const storage = await manager.storage.getStorageAcl({ withRule: true });
  return { collections, functions: deployedFunctions, storage: { acl: storage.acl, rule: storage.rule ?? null } };
}

// ---- the commands ---------------------------------------------------------------------------------------------------

function printPlan(functions: PlannedFunction[]): void {
  console.log(`collections: ${COLLECTIONS.join(', ')} (permission ${COLLECTION_ACL})`);
  console.log(
    `indexes:     ${Object.entries(INDEXES)
      .map(([c, list]) => `${c}(${list!.map((i) => i.name).join(',')})`)
      .join(' ')}`,
  );
  console.log(
    `functions:   ${functions.map((f) => `${f.name}${f.triggers.length ? ` [${f.triggers.map((t) => `${t.name} "${t.config}"`).join('; ')}]` : ''}`).join(', ')}`,
  );
  console.log(`variables:   ${REQUIRED_SECRETS.join(', ')} (required on every function), ${OPTIONAL_VARIABLES.join(', ')} (when set)`);
  console.log(`storage:     security rule ${JSON.stringify(STORAGE_RULE)}`);
}

async function check(functions: PlannedFunction[]): Promise<number> {
  const credentials = adminCredentials();
  if ('missing' in credentials) {
    console.error(`缺少环境变量 ${credentials.missing.join('、')}，无法检查。`);
    return 2;
  }
  let actual: DeployedState;
  if (credentials.serviceUrl) {
    // an explicit data endpoint (the local emulator): only what the data API answers can be checked
    actual = { collections: await readCollectionsByData(credentials) };
  } else {
    const manager = new CloudBase({ envId: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey });
    actual = await readDeployed(manager, credentials.envId, functions);
  }
  const diff = diffDeployment(functions, actual);
  const skipped = notChecked(actual);
  for (const line of diff) console.log(`✗ ${line}`);
  if (skipped.length) console.log(`未检查：${skipped.join('、')}（该端点不提供管理接口）`);
  console.log(diff.length ? `与部署计划不一致：${diff.length} 处。` : '检查通过：已检查的各项与部署计划一致。');
  return diff.length ? 1 : 0;
}

async function deploy(functions: PlannedFunction[]): Promise<void> {
  const vars = functionVariables(process.env);
  if (!vars.ok) {
    console.error(
      `拒绝部署：${vars.problems.join('；')}。请设置 ${REQUIRED_SECRETS.join('、')}（各为至少 ${MIN_SECRET_LENGTH} 个字符的随机文本）后重试。`,
    );
    process.exit(2);
  }
  const credentials = adminCredentials();
  if ('missing' in credentials) {
    console.error(
      `缺少环境变量 ${credentials.missing.join('、')}。请设置 TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY 后重试。`,
    );
    process.exit(2);
  }
  for (const f of functions) {
    if (!existsSync(join(FN_ROOT, f.name, 'index.js')))
      throw new Error(`cloudfunctions/${f.name}/index.js is missing: run npm run build first`);
  }
  const { envId } = credentials;
  const manager = new CloudBase({ envId, secretId: credentials.secretId, secretKey: credentials.secretKey });

  for (const name of COLLECTIONS) {
    await manager.database.createCollectionIfNotExists(name);
    await manager
      .commonService()
      .call({ Action: 'ModifyDatabaseACL', Param: { CollectionName: name, EnvId: envId, AclTag: COLLECTION_ACL } });
    const indexes = INDEXES[name] ?? [];
    if (indexes.length) {
      const existing = await manager.database.describeCollection(name).catch(() => null);
      const have = new Set((existing?.Indexes ?? []).map((i) => i.Name));
      const create = indexes
        .filter((i) => !have.has(i.name))
        .map((i) => ({
          IndexName: i.name,
          MgoKeySchema: {
            MgoIsUnique: Boolean(i.unique),
            MgoIndexKeys: Object.entries(i.keys).map(([Name, Direction]) => ({ Name, Direction: String(Direction) })),
          },
        }));
      if (create.length) await manager.database.updateCollection(name, { CreateIndexes: create } as never);
    }
    console.log(`✓ collection ${name}`);
  }

  for (const f of functions) {
    await manager.functions.createFunction({
      func: {
        name: f.name,
        runtime: RUNTIME,
        timeout: f.timeout,
        envVariables: vars.variables,
        installDependency: true,
        ignore: ['src', 'src/**', 'node_modules', 'node_modules/**'],
        triggers: f.triggers.map((t) => ({ name: t.name, type: 'timer' as const, config: t.config })),
      },
      functionRootPath: FN_ROOT,
      force: true,
    });
    console.log(`✓ function ${f.name} (variables: ${Object.keys(vars.variables).join(', ')})`);
  }

  await manager.storage.setStorageAcl('CUSTOM', { ...STORAGE_RULE });
  console.log(`✓ storage rule ${JSON.stringify(STORAGE_RULE)}`);
  console.log('部署完成。可运行 npm run deploy -- --check 复核。');
}

async function main(): Promise<void> {
  const functions = functionsToDeploy();
  if (process.argv.includes('--check')) process.exit(await check(functions));
  printPlan(functions);
  if (process.argv.includes('--dry-run')) {
    const vars = functionVariables(process.env);
    if (!vars.ok) console.log(`注意：正式部署前须设置：${vars.problems.join('；')}`);
    return;
  }
  await deploy(functions);
}

if ((require as unknown as { main?: unknown }).main === module) {
  main().catch((err) => {
    console.error('部署失败：', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
