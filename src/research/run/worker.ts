// Worker-thread entry (piscina): plays chunks of runs of an experiment's variants. The variants come
// already loaded and validated by the main thread, serialized once into shared memory that each task
// points at; a thread decodes them on its first task of an experiment (about 1 ms; re-reading and
// validating the YAML here would cost 200-350 ms) and keeps them for the rest.
import { deserialize } from "node:v8";
import { runChunk, type ChunkResult, type ChunkTask, type Variant } from "../experiment.js";
import { announceBoot } from "./boot.js";

export interface PoolTask extends ChunkTask {
  /** Which experiment the task belongs to (a pool can play several, one after another). */
  experiment: number;
  /** The experiment's variants as a V8 serialization. */
  variants: SharedArrayBuffer;
}

let current: { experiment: number; variants: Variant[] } | undefined;

export default function playChunk(task: PoolTask): ChunkResult {
  if (current?.experiment !== task.experiment) current = { experiment: task.experiment, variants: deserialize(new Uint8Array(task.variants)) as Variant[] };
  return runChunk(current.variants, task);
}

announceBoot();
