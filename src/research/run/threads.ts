// Worker pools that are stopped only after their threads have booted. Node 20 aborts the whole
// process (a V8 fatal error, "IsGraphAsync must be used on an instantiated module") when a thread is
// terminated while it is still instantiating its ES modules. That happens when a command fails or is
// interrupted right after starting its workers (they boot while the scenario loads), so a bad
// --set value could crash instead of printing its error. Each worker module calls announceBoot
// (boot.ts) as its last top-level statement; closePool waits for every announcement (or for
// BOOT_WAIT_MS, if a thread never manages to boot) before terminating the threads.
import { Piscina } from "piscina";
import { BOOTED } from "./boot.js";

const BOOT_WAIT_MS = 10_000;

const boots = new WeakMap<object, Promise<void>>();

/** A piscina pool of exactly `threads` threads, watched for its threads' boot announcements. */
export function openPool<Task, Result>(filename: string, threads: number, workerData?: unknown): Piscina<Task, Result> {
  const pool = new Piscina<Task, Result>({ filename, workerData, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  boots.set(
    pool,
    new Promise<void>((resolve) => {
      let booted = 0;
      const onMessage = (message: unknown) => {
        if (message !== BOOTED || ++booted < threads) return;
        pool.off("message", onMessage);
        resolve();
      };
      pool.on("message", onMessage);
    }),
  );
  return pool;
}

/** Terminates the pool's threads once they have all booted (see the header). */
export async function closePool<Task, Result>(pool: Piscina<Task, Result>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, BOOT_WAIT_MS);
  });
  await Promise.race([boots.get(pool) ?? Promise.resolve(), waited]);
  clearTimeout(timer);
  await pool.destroy();
}
