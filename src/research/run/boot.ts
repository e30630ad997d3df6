// The worker side of threads.ts: a worker module announces that it has booted. Apart from threads.ts
// so that a worker does not load piscina's pool (the main thread's side) to say so.
//
// The announcement leaves in a microtask, because piscina loads the module with a synchronous
// require that still instantiates module facades after the module has run, and microtasks wait for
// the synchronous code to return. (Not setImmediate: an idle piscina thread blocks in Atomics.wait,
// and its event loop would not turn until a task came.)
import { parentPort } from "node:worker_threads";

export const BOOTED = "presidium:worker-booted";

/** Called by a worker module, last: tells the pool once the module's loading has returned. */
export function announceBoot(): void {
  queueMicrotask(() => parentPort?.postMessage(BOOTED));
}
