import type { SendResult } from '../edge/proactive';
import type { TokenBucket } from '../core/outbound/token-bucket';
import { sleep } from '../core/outbound/token-bucket';
import { retryDelayMs } from './backoff';
import { MAX_SEND_RETRIES } from './consts';

export type Outcome = { result: SendResult; attempts: number };

/**
 * Makes one Bot Connector request under the shared bucket, retrying what Teams says is worth
 * retrying. 429 pauses every worker (the limit is per tenant); 412/5xx/timeouts wait only this
 * message. 403/404 are final (unreachable) and so is anything else (failed).
 */
export async function withRetries(bucket: TokenBucket, request: () => Promise<SendResult>, alive: () => void = () => undefined): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    await bucket.take();
    alive();
    const result = await request();
    if (result.ok || result.kind === 'unreachable' || result.kind === 'failed') return { result, attempts: attempt + 1 };
    if (attempt >= MAX_SEND_RETRIES) return { result, attempts: attempt + 1 };
    const wait = retryDelayMs(attempt, result.retryAfterMs);
    if (result.kind === 'throttled') bucket.pause(wait);
    else await sleep(wait);
  }
}

/** A short, text-free reason for the delivery document and the progress figures. */
export function reasonOf(result: SendResult): string | undefined {
  if (result.ok) return undefined;
  return `${result.kind} ${result.status}${result.code ? ` ${result.code}` : ''}`.slice(0, 200);
}
