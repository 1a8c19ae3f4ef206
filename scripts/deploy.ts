// Deploys to a real CloudBase environment: collections (admin-only), indexes, and every cloud function with its timers.
// Usage: TCB_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run deploy   (add --dry-run to only print the plan)
import CloudBase from '@cloudbase/manager-node';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../server/infra/collections';
import { INDEXES } from '../server/infra/indexes';

const ROOT = join(__dirname, '..');
const FN_ROOT = join(ROOT, 'cloudfunctions');
const RUNTIME = 'Nodejs16.13';

interface FnConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) {
    console.error(`缺少环境变量 ${name}。请设置 TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY 后重试。`);
    process.exit(2);
  }
  return v;
}

function functionsToDeploy(): { name: string; config: FnConfig }[] {
  return readdirSync(FN_ROOT)
    .filter((n) => existsSync(join(FN_ROOT, n, 'src', 'index.ts')))
    .map((name) => {
      if (!existsSync(join(FN_ROOT, name, 'index.js'))) throw new Error(`cloudfunctions/${name}/index.js is missing: run npm run build first`);
      const cfgFile = join(FN_ROOT, name, 'config.json');
      return { name, config: existsSync(cfgFile) ? (JSON.parse(readFileSync(cfgFile, 'utf8')) as FnConfig) : {} };
    });
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const functions = functionsToDeploy();
  console.log(`collections: ${COLLECTIONS.join(', ')}`);
  console.log(`indexes:     ${Object.entries(INDEXES).map(([c, list]) => `${c}(${list!.map((i) => i.name).join(',')})`).join(' ')}`);
  console.log(`functions:   ${functions.map((f) => `${f.name}${f.config.triggers?.length ? ` [${f.config.triggers.map((t) => `${t.name} "${t.config}"`).join('; ')}]` : ''}`).join(', ')}`);
  if (dryRun) return;

  const envId = requireEnv('TCB_ENV_ID');
  const manager = new CloudBase({ envId, secretId: requireEnv('TENCENTCLOUD_SECRETID'), secretKey: requireEnv('TENCENTCLOUD_SECRETKEY') });

  for (const name of COLLECTIONS) {
    await manager.database.createCollectionIfNotExists(name);
    // Every collection is admin-only: phones never touch the database, all access goes through the functions.
    await manager.commonService().call({ Action: 'ModifyDatabaseACL', Param: { CollectionName: name, EnvId: envId, AclTag: 'ADMINONLY' } });
    const indexes = INDEXES[name] ?? [];
    if (indexes.length) {
      const existing = await manager.database.describeCollection(name).catch(() => null);
      const have = new Set(((existing as { Indexes?: { Name: string }[] } | null)?.Indexes ?? []).map((i) => i.Name));
      const create = indexes
        .filter((i) => !have.has(i.name))
        .map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: Boolean(i.unique), MgoIndexKeys: Object.entries(i.keys).map(([Name, Direction]) => ({ Name, Direction: String(Direction) })) },
        }));
      if (create.length) await manager.database.updateCollection(name, { CreateIndexes: create } as never);
    }
    console.log(`✓ collection ${name}`);
  }

  for (const { name, config } of functions) {
    await manager.functions.createFunction({
      func: {
        name,
        runtime: RUNTIME,
        timeout: config.timeout ?? 20,
        installDependency: true,
        ignore: ['src', 'src/**', 'node_modules', 'node_modules/**'],
        triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: 'timer' as const, config: t.config })),
      },
      functionRootPath: FN_ROOT,
      force: true,
    });
    console.log(`✓ function ${name}`);
  }
  console.log('部署完成。');
}

main().catch((err) => {
  console.error('部署失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
