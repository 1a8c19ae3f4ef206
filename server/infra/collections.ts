// The one list of database collections: the local start and the deploy script both create exactly these.
export const COLLECTIONS = [
  'townships',
  'villages',
  'grids',
  'households',
  'persons',
  'invites',
  'assignments',
  'audit',
  'idempotency',
  'inbox',
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];
