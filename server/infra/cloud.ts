// The single place that initialises wx-server-sdk; everything else asks here for the database and openapi.
import * as cloud from 'wx-server-sdk';

let initialised = false;
export function getCloud(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

export type Database = ReturnType<typeof cloud.database>;
export function getDb(): Database {
  return getCloud().database();
}

/** The SDK's typings allow a callback-style void result; awaited queries always carry `data`. */
export function rows<T>(res: unknown): T[] {
  return ((res as { data?: T[] }).data ?? []) as T[];
}
