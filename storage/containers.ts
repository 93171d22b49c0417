/**
 * Every container the bot uses. All but botState are partitioned on `/pk` so each document chooses
 * its partition (usually the partnership id; deliveries use the briefing id) and hot queries stay in one.
 */
export const CONTAINERS = {
  members: '/pk',
  settings: '/pk',
  actions: '/pk',
  meetings: '/pk',
  briefings: '/pk',
  deliveries: '/pk',
  audits: '/pk',
  queries: '/pk',
  notifications: '/pk',
  leases: '/pk',
  auditLog: '/pk',
  content: '/pk',
  numbers: '/pk',
  // CosmosDbPartitionedStorage (dialog and conversation state) requires /id.
  botState: '/id',
} as const;

export type ContainerName = keyof typeof CONTAINERS;

/**
 * Containers whose records expire. On a real Cosmos account their default TTL is set from the
 * retention settings (seconds since last write); the embedded server ignores TTL, so the retention
 * sweep (bot/retention) deletes the same records there.
 */
export const RETAINED_CONTAINERS = ['queries', 'deliveries', 'notifications'] as const satisfies readonly ContainerName[];
