import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { idFromExternal } from '../../storage/ids';
import { NotFoundError, StaleError, translate } from '../../storage/errors';

/**
 * botbuilder Storage (dialog and conversation state) on the process's one Cosmos client.
 * It behaves like CosmosDbPartitionedStorage (/id partition, eTag concurrency) but shares our
 * client and connection pool instead of opening a second one.
 */
export class CosmosBotStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  private id(key: string) {
    return idFromExternal('state', key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const { resource } = await this.container.item(this.id(key), this.id(key)).read();
          if (resource) out[key] = { ...(resource.document as object), eTag: resource._etag };
        } catch (e) {
          const err = translate(e);
          if (!(err instanceof NotFoundError)) throw err;
        }
      }),
    );
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag, ...document } = (value ?? {}) as { eTag?: string };
        const body = { id: this.id(key), realId: key, document };
        try {
          if (eTag && eTag !== '*') {
            await this.container.item(body.id, body.id).replace(body, { accessCondition: { type: 'IfMatch', condition: eTag } });
          } else {
            await this.container.items.upsert(body);
          }
        } catch (e) {
          const err = translate(e);
          if (err instanceof StaleError) throw new StaleError(`state ${key} was changed by another turn`);
          throw err;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.container.item(this.id(key), this.id(key)).delete();
        } catch (e) {
          const err = translate(e);
          if (!(err instanceof NotFoundError)) throw err;
        }
      }),
    );
  }
}
