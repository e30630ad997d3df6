// Worker-thread entry (piscina): plays chunks of runs of the experiment's variants. The variants
// arrive once per thread, already loaded and validated by the main thread, as workerData (cloning
// the parsed scenario costs about 1 ms; re-reading and validating the YAML here, 200-350 ms).
import { workerData } from "piscina";
import { runChunk, type ChunkResult, type ChunkTask, type Variant } from "../experiment.js";

export interface WorkerData {
  variants: Variant[];
}

const { variants } = workerData as WorkerData;

export default function playChunk(task: ChunkTask): ChunkResult {
  return runChunk(variants, task);
}
