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
  // CosmosDbPartitionedStorage (dialog and conversation state) requires /id.
  botState: '/id',
} as const;

export type ContainerName = keyof typeof CONTAINERS;

/** Cosmos TTL (seconds) for containers whose records expire; -1 = on, per-item ttl decides. */
export const CONTAINER_TTL: Partial<Record<ContainerName, number>> = {
  queries: -1,
  deliveries: -1,
  notifications: -1,
};
