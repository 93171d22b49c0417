import type { Services } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import { deterministicId } from '../../storage/ids';
import { DEFAULT_REFLECTION } from './form-fields';

/**
 * Sample briefings for the local Playground chat: one published, one draft. Written for the demo
 * from the themes of the partnership's published learning (neglect, information sharing); they
 * describe no real child or family.
 */
export async function seedDemo(services: Services, demo: { memberId: string }): Promise<void> {
  const repo = services.repos.briefings;
  const at = services.clock.now().toISOString();
  const website = services.content.partnership.links.website ?? { title: 'Partnership website', url: services.content.partnership.website };
  const common = {
    type: 'briefing' as const,
    pk: services.partnershipId,
    authorId: demo.memberId,
    authorName: 'Business unit',
    audience: { kind: 'everyone' as const, conversations: [], roles: [], agencies: [] },
    version: 1,
    syncedVersion: 1,
    createdAt: at,
    updatedAt: at,
  };
  const published: Briefing = {
    ...common,
    id: deterministicId('demo-briefing', services.partnershipId, 'published'),
    code: 'DEMO7N',
    status: 'sent',
    sentAt: at,
    title: 'Seeing neglect sooner: learning from a rapid review',
    source: 'Rapid review, child safeguarding practice review group (demo summary)',
    background:
      'A rapid review looked at how agencies responded to a family where worries about a child\'s care built up slowly over several years. Several services were involved at different times, and each saw only part of the picture.',
    whyItMatters:
      'Neglect is one of the partnership\'s four priorities. It is rarely a single incident: it shows up as a pattern, and the pattern is easy to miss when each agency holds a small piece of it and no one puts the pieces together.',
    keyPoints: [
      'Use the multi-agency neglect screening tool early, share the result, and repeat it: one score is a snapshot, a trend tells you what is happening.',
      'Write down what you see in plain words (for example, "no food in the cupboards on three visits") rather than labels, so colleagues in other agencies understand the concern the same way.',
      'When a planned meeting slips past its timescale, or your concern is not being acted on, use the escalation policy: professional disagreement is part of keeping children safe.',
    ],
    remember: 'Small, repeated signs matter more than any one visit. Ask yourself who else might be seeing part of this picture, and talk to them.',
    actions:
      'Check your team knows where the neglect screening tool is and when to use it. Add a chronology to cases where concerns are long-standing. Make sure everyone knows how to escalate.',
    reflection: DEFAULT_REFLECTION,
    links: [website, ...(services.content.partnership.links.escalation ? [services.content.partnership.links.escalation] : [])],
    priorities: ['neglect'],
  };
  const draft: Briefing = {
    ...common,
    id: deterministicId('demo-briefing', services.partnershipId, 'draft'),
    code: 'DEMO2D',
    status: 'draft',
    title: 'Information sharing across borders (draft)',
    source: 'Multi-agency audit (demo)',
    background: 'An audit found that information about children who move between neighbouring areas did not always follow them quickly.',
    whyItMatters: '',
    keyPoints: ['Share information early when a family moves, and confirm it was received.'],
    remember: '',
    actions: '',
    reflection: DEFAULT_REFLECTION,
    links: [],
    priorities: ['contextual-safeguarding'],
  };
  await repo.briefings.upsert(published);
  await repo.briefings.upsert(draft);
}
