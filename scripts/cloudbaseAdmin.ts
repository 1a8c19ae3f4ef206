// The server SDK made for acting on a deployed environment from outside a cloud function (@cloudbase/node-sdk, pinned):
// scripts/bootstrap-office.ts and `npm run deploy -- --check` use it. TCB_SERVICE_URL points it at another endpoint,
// e.g. the local emulator's http://127.0.0.1:8787/admin, which speaks the same protocol.
import * as tcb from '@cloudbase/node-sdk';
import type { Database } from '../server/infra/cloud';

export interface AdminCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
  serviceUrl?: string;
}

/** The credentials from the environment, or the names of the variables that are missing. */
export function adminCredentials(env: NodeJS.ProcessEnv = process.env): AdminCredentials | { missing: string[] } {
  const need = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];
  const missing = need.filter((k) => !env[k]);
  if (missing.length) return { missing };
  return {
    envId: env.TCB_ENV_ID!,
    secretId: env.TENCENTCLOUD_SECRETID!,
    secretKey: env.TENCENTCLOUD_SECRETKEY!,
    serviceUrl: env.TCB_SERVICE_URL || undefined,
  };
}

export function adminApp(c: AdminCredentials): tcb.CloudBase {
  return tcb.init({ env: c.envId, secretId: c.secretId, secretKey: c.secretKey, ...(c.serviceUrl ? { serviceUrl: c.serviceUrl } : {}) });
}

/**
 * node-sdk's database is @cloudbase/database itself; wx-server-sdk (which server/infra is typed against) wraps writes
 * as add({ data }) → { _id } and doc().update({ data }) / set({ data }). This view gives scripts the wx-server-sdk shape.
 */
export function adminDatabase(c: AdminCredentials): Database {
  return wxShaped(adminApp(c).database());
}

type Method = (...args: unknown[]) => unknown;
const method = (target: object, prop: string | symbol): unknown => {
  const v = Reflect.get(target, prop) as unknown;
  return typeof v === 'function' ? (v as Method).bind(target) : v;
};

function wxShaped(db: object): Database {
  return new Proxy(db, {
    get: (target, prop) =>
      prop === 'collection'
        ? (name: string) => wxCollection((target as { collection: (n: string) => object }).collection(name))
        : method(target, prop),
  }) as unknown as Database;
}

function wxCollection(coll: object): object {
  const c = coll as { add: (d: unknown) => Promise<{ id?: string }>; doc: (id: string) => object };
  return new Proxy(coll, {
    get(target, prop) {
      if (prop === 'add') return async (o: { data: unknown }) => ({ _id: (await c.add(o.data)).id });
      if (prop === 'doc') return (id: string) => wxDoc(c.doc(id));
      return method(target, prop);
    },
  });
}

function wxDoc(doc: object): object {
  const d = doc as { update: (x: unknown) => Promise<unknown>; set: (x: unknown) => Promise<unknown> };
  return new Proxy(doc, {
    get(target, prop) {
      if (prop === 'update') return (o: { data: unknown }) => d.update(o.data);
      if (prop === 'set') return (o: { data: unknown }) => d.set(o.data);
      return method(target, prop);
    },
  });
}
