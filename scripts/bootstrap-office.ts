// The documented way to create a township and its first township-office account in a real deployment (no backdoor in
// any function): run once by the township's IT contact with the CloudBase credentials; every later account comes by invitation.
//
//   TCB_ENV_ID=<env id> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… \
//     node --import tsx scripts/bootstrap-office.ts --township "溆浦县三江镇" --openid <OPENID> --name "张三" [--phone 13800000000] [--discipline] [--force]
//
// With --discipline it creates the township's first discipline-office account instead: the office never grants that role
// (SPEC §4 "the first discipline and office accounts come from the documented bootstrap script").
//
// It runs outside any cloud function, so it uses @cloudbase/node-sdk (scripts/cloudbaseAdmin.ts), the server SDK made for
// that; add TCB_SERVICE_URL=http://127.0.0.1:8787/admin to run it against the local emulator.
//
// The OPENID is the office person's own: opened once by them, the mini program's `org` → `me` call answers
// { bound: false, openid } for a WeChat user not yet bound, so it can be read from there.
import type { RoleGrant } from '../typings/roles';
import type { PersonRecord, TownshipRecord } from '../server/domain/org/records';
import type { Database } from '../server/infra/cloud';
import type { AuditRecord } from '../server/infra/audit';
import { findAll, findOne } from '../server/infra/store';
import { adminCredentials, adminDatabase } from './cloudbaseAdmin';

export interface BootstrapOptions {
  townshipName: string;
  openid: string;
  name: string;
  phone?: string | null;
  /** add another account of the role although the township already has one */
  force?: boolean;
  /** the role to create: the township office (default) or the discipline office */
  role?: 'office' | 'discipline';
}

export interface BootstrapResult {
  townshipId: string;
  townshipCreated: boolean;
  personId: string;
  personCreated: boolean;
}

export class BootstrapRefused extends Error {}

const ROLE_NAME = { office: '镇办公室', discipline: '镇纪委' } as const;

function audit(
  action: string,
  collection: string,
  docId: string,
  before: unknown,
  after: unknown,
  now: Date,
  role: 'office' | 'discipline' = 'office',
): AuditRecord {
  return {
    at: now,
    actorPersonId: null,
    actorOpenid: null,
    actorName: 'scripts/bootstrap-office',
    action,
    collection,
    docId,
    before,
    after,
    reason: `部署初始化：创建乡镇与首个${ROLE_NAME[role]}账号`,
  };
}

export async function bootstrapOffice(db: Database, opts: BootstrapOptions, now: Date = new Date()): Promise<BootstrapResult> {
  const townshipName = opts.townshipName.trim();
  const openid = opts.openid.trim();
  const name = opts.name.trim();
  if (!townshipName || !openid || !name) throw new BootstrapRefused('乡镇名称、OPENID 和姓名都不能为空');
  if (!/^[0-9A-Za-z_-]{6,64}$/.test(openid)) throw new BootstrapRefused(`OPENID 格式不正确：${openid}`);

  let township = await findOne<TownshipRecord>(db, 'townships', { name: townshipName });
  let townshipCreated = false;
  if (!township) {
    const record = { name: townshipName, createdAt: now };
    const added = (await db.collection('townships').add({ data: record })) as { _id: string };
    township = { _id: String(added._id), ...record };
    townshipCreated = true;
    await db.collection('audit').add({ data: { ...audit('bootstrapOffice', 'townships', township._id, null, township, now, opts.role) } });
  }

  const role = opts.role ?? 'office';
  const holders = await findAll<PersonRecord>(db, 'persons', { townshipId: township._id, active: true, 'grants.role': role });
  if (holders.length && !opts.force) {
    throw new BootstrapRefused(
      `“${townshipName}”已有${ROLE_NAME[role]}账号（${holders.map((p) => p.name).join('、')}），其他人员请通过邀请加入；确需再建请加 --force`,
    );
  }

  const grant: RoleGrant = { role, scopeType: 'township', scopeId: township._id, townshipId: township._id };
  const bound = await findOne<PersonRecord>(db, 'persons', { openid, active: true });
  if (bound && bound.townshipId !== township._id) throw new BootstrapRefused(`该 OPENID 已绑定其他乡镇的人员“${bound.name}”`);
  if (bound) {
    if (bound.grants.some((g) => g.role === role && g.scopeId === township!._id)) {
      return { townshipId: township._id, townshipCreated, personId: bound._id, personCreated: false };
    }
    const after = { ...bound, grants: [...bound.grants, grant], updatedAt: now };
    await db
      .collection('persons')
      .doc(bound._id)
      .update({ data: { grants: after.grants, updatedAt: now } });
    await db.collection('audit').add({ data: { ...audit('bootstrapOffice', 'persons', bound._id, bound, after, now, role) } });
    return { townshipId: township._id, townshipCreated, personId: bound._id, personCreated: false };
  }

  const record = {
    townshipId: township._id,
    name,
    phone: opts.phone ?? null,
    openid,
    active: true,
    grants: [grant],
    createdAt: now,
    updatedAt: now,
  };
  const added = (await db.collection('persons').add({ data: record })) as { _id: string };
  const personId = String(added._id);
  await db
    .collection('audit')
    .add({ data: { ...audit('bootstrapOffice', 'persons', personId, null, { _id: personId, ...record }, now, role) } });
  return { townshipId: township._id, townshipCreated, personId, personCreated: true };
}

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const townshipName = argValue(args, '--township');
  const openid = argValue(args, '--openid');
  const name = argValue(args, '--name');
  if (!townshipName || !openid || !name) {
    console.error(
      '用法：node --import tsx scripts/bootstrap-office.ts --township <乡镇名称> --openid <OPENID> --name <姓名> [--phone <电话>] [--discipline] [--force]',
    );
    process.exit(2);
  }
  const credentials = adminCredentials();
  if ('missing' in credentials) {
    console.error(`缺少环境变量 ${credentials.missing.join('、')}：请设置云开发环境 ID 与腾讯云 API 密钥后重试。`);
    process.exit(2);
  }
  try {
    const role = args.includes('--discipline') ? 'discipline' : 'office';
    const result = await bootstrapOffice(adminDatabase(credentials), {
      townshipName,
      openid,
      name,
      phone: argValue(args, '--phone'),
      force: args.includes('--force'),
      role,
    });
    console.log(
      `完成：乡镇 ${result.townshipId}${result.townshipCreated ? '（新建）' : ''}，${ROLE_NAME[role]}人员 ${result.personId}${result.personCreated ? '（新建）' : '（已有人员，已授予角色）'}`,
    );
  } catch (err) {
    if (err instanceof BootstrapRefused) {
      console.error(`已拒绝：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

if ((require as unknown as { main?: unknown }).main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
