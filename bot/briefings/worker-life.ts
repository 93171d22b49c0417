import type { RequestOptions } from '../core/outbound/messenger';

/** Thrown inside a worker that was killed (tests and the benchmark simulate a crash with it). */
export class WorkerKilled extends Error {}

/**
 * The life of one broadcast worker: a kill switch that simulates the process dying (nothing more is
 * written or sent; requests already out still land), and a count of the requests on the wire, which
 * is exactly how many messages a crash could cause to be sent twice.
 */
export class WorkerLife {
  private dead = false;
  onWire = 0;
  maxOnWire = 0;

  readonly alive = () => {
    if (this.dead) throw new WorkerKilled('worker killed');
  };

  get killed() {
    return this.dead;
  }

  kill() {
    this.dead = true;
  }

  /**
   * Options for one messenger call: abandon it if the worker was killed while it waited for a token,
   * and count it on the wire from its first request until `settled()` after its outcome is recorded.
   */
  track(): { options: RequestOptions; settled(): void } {
    let started = false;
    return {
      options: {
        beforeRequest: () => {
          this.alive();
          if (!started) {
            started = true;
            this.onWire++;
            this.maxOnWire = Math.max(this.maxOnWire, this.onWire);
          }
        },
      },
      settled: () => {
        if (started) this.onWire--;
        started = false;
      },
    };
  }
}
