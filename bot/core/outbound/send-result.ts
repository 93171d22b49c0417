/** The outcome of one outbound request to Teams, classified so callers can retry, back off or give up. */
export type SendResult = SendOk | SendFailure;

export interface SendOk {
  ok: true;
  activityId?: string;
}

export interface SendFailure {
  ok: false;
  status: number;
  /** unreachable: the user removed the bot or the conversation is gone (403/404); never retried. */
  kind: 'unreachable' | 'throttled' | 'retryable' | 'failed';
  retryAfterMs?: number;
  code?: string;
}

/** Reads Retry-After as seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Classifies an HTTP status from the Bot Connector as Teams documents them. */
export function classifyStatus(status: number, retryAfter?: number, code?: string): SendFailure {
  if (status === 403 || status === 404) return { ok: false, status, kind: 'unreachable', code };
  if (status === 429) return { ok: false, status, kind: 'throttled', retryAfterMs: retryAfter, code };
  if (status === 0 || status === 408 || status === 412 || status >= 500) return { ok: false, status, kind: 'retryable', retryAfterMs: retryAfter, code };
  return { ok: false, status, kind: 'failed', code };
}

/** A short, text-free reason for delivery documents and progress figures. */
export function reasonOf(result: SendResult): string | undefined {
  if (result.ok) return undefined;
  return `${result.kind} ${result.status}${result.code ? ` ${result.code}` : ''}`.slice(0, 200);
}
