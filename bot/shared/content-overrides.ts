import type { Stored } from '../../storage/repository';
import type { ContentRepository } from '../../storage/content/repository';
import type { ContentOverride, OverrideKind } from '../../storage/content/schema';
import type { AuditLog } from '../../storage/system/repository';
import { newId } from '../../storage/ids';
import { StorageUnavailableError } from '../../storage/errors';
import type { ContentPack } from '../../content/load';
import { applyOverrides } from '../../content/facts';
import type { Logger } from '../core/logger';

export interface OverrideInput {
  kind: OverrideKind;
  target: string;
  action: ContentOverride['action'];
  value?: string;
  note?: string;
}

export interface Actor {
  id: string;
  name: string;
}

/** The active overrides at one version, as every feature reads them. */
export interface OverrideSnapshot {
  version: number;
  active: readonly Stored<ContentOverride>[];
}

/**
 * The business unit's changes to the content pack, made in Teams: stored in Cosmos with who and
 * when, recorded in the audit log, revertible, and seen by every instance without a restart. Each
 * read costs one point read of the version counter; the overrides themselves are re-read only when
 * it has moved (the copy is per bot, in this object, never module state).
 *
 * `refresh()` runs at the start of every turn and scheduler tick, and `effective()` is then the pack
 * with every active override applied: what `services.content` returns, so every feature shows the
 * facts as the business unit has confirmed or changed them.
 */
export class ContentOverrides {
  private snapshot: OverrideSnapshot = { version: -1, active: [] };
  private applied: { version: number; pack: ContentPack };

  constructor(
    private readonly repo: ContentRepository,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    /** The pack as shipped; overrides are applied to a copy of it. */
    readonly base: ContentPack,
    private readonly log?: Logger,
  ) {
    this.applied = { version: 0, pack: base };
  }

  /** The pack with the active overrides as of the last refresh (the shipped pack before the first). */
  effective(): ContentPack {
    return this.applied.pack;
  }

  /**
   * Brings the effective pack up to date: one point read when nothing changed. Storage being down
   * fails the turn like any other read (the edge apologises and changes nothing); any other problem
   * with the overrides keeps the last known pack in use, so answers keep working.
   */
  async refresh(): Promise<ContentPack> {
    try {
      const snap = await this.current();
      if (snap.version !== this.applied.version) this.applied = { version: snap.version, pack: applyOverrides(this.base, snap.active) };
    } catch (e) {
      if (e instanceof StorageUnavailableError) throw e;
      this.log?.warn({ event: 'content-refresh-failed', err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'content overrides could not be applied; using the last known pack');
    }
    return this.applied.pack;
  }

  /** The active overrides now. */
  async current(): Promise<OverrideSnapshot> {
    const version = await this.repo.version();
    if (version !== this.snapshot.version) {
      const all = await this.repo.all();
      this.snapshot = { version, active: all.filter((o) => o.status === 'active') };
    }
    return this.snapshot;
  }

  /** Every override, active or reverted, newest last (for the report and the `content` card). */
  history(): Promise<Stored<ContentOverride>[]> {
    return this.repo.all();
  }

  async add(input: OverrideInput, actor: Actor): Promise<Stored<ContentOverride>> {
    const at = this.now().toISOString();
    const doc = await this.repo.overrides.create({
      type: 'contentOverride',
      id: newId(),
      pk: this.repo.pk,
      kind: input.kind,
      target: input.target,
      action: input.action,
      value: input.value,
      note: input.note,
      status: 'active',
      createdBy: actor.id,
      createdByName: actor.name,
      createdAt: at,
      updatedAt: at,
    });
    await this.repo.bump();
    await this.audit.record({ actorId: actor.id, feature: 'content', action: `override-${input.action}`, entityType: input.kind, entityId: doc.id, afterEtag: doc._etag, detail: { target: input.target.slice(0, 200) } });
    return doc;
  }

  /** Reverts an override: the pack's own wording (or the matcher without the phrasing) applies again. */
  async revert(id: string, actor: Actor): Promise<Stored<ContentOverride> | undefined> {
    const existing = await this.repo.get(id);
    if (!existing || existing.status === 'reverted') return undefined;
    const at = this.now().toISOString();
    const { doc, changed } = await this.repo.overrides.mutate(id, this.repo.pk, (o) => (o.status === 'reverted' ? undefined : { ...o, status: 'reverted', revertedBy: actor.id, revertedAt: at, updatedAt: at }));
    if (!changed) return undefined;
    await this.repo.bump();
    await this.audit.record({ actorId: actor.id, feature: 'content', action: 'override-revert', entityType: doc.kind, entityId: doc.id, beforeEtag: existing._etag, afterEtag: doc._etag, detail: { target: doc.target.slice(0, 200) } });
    return doc;
  }
}
