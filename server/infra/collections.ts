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
  'campaigns',
  'checklistTemplates',
  'visits',
  'visitTallies',
  'hazards',
  'weeklyContacts',
  'weeklyReports',
  'exemptions',
  'cases',
  'notices',
  'reminders',
  'jobState',
  'subscriptions',
  'escalationScans',
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];
