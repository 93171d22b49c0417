import type { Services } from '../../core/contract';

/** The user the Agents Playground chats as (its built-in mock tenant: no real person). */
export const PLAYGROUND_USER = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  tenantId: '00000000-0000-0000-0000-0000000000001',
};

/** Gives the Playground user the business-unit and chair roles and an agency, so every command can be tried. */
export async function seedPlaygroundUser(services: Services): Promise<void> {
  const { members } = services;
  const existing = await members.get(PLAYGROUND_USER.aadObjectId);
  if (!existing) {
    await members.members.createIfAbsent({
      type: 'member',
      id: PLAYGROUND_USER.aadObjectId,
      pk: services.partnershipId,
      userId: PLAYGROUND_USER.id,
      name: PLAYGROUND_USER.name,
      tenantId: PLAYGROUND_USER.tenantId,
      roles: [],
      teams: [],
      reachable: true,
      prefs: {},
      createdAt: services.clock.now().toISOString(),
      updatedAt: services.clock.now().toISOString(),
    });
  }
  await members.setRoles(PLAYGROUND_USER.aadObjectId, (r) => [...r, 'businessUnit', 'chair'], services.content.partnership.agencies[0]?.id);
}
