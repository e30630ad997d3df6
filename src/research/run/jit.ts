// Makes a fresh thread's first games cheaper. V8 hands a function
// to its optimizing compiler (TurboFan) once it has run an "interrupt budget" of bytecode; at Node
// 20's default (66 KB) a thread's first game gets about 300 of the engine's functions compiled, and
// compiling them costs more than playing: measured in fresh processes (october-1964, 2 shared
// cores, 6 repetitions) the first game took a median 1,050 ms of CPU, 440 ms with TurboFan turned
// off, and later games a fifth of that. With four times the budget only the truly hot functions
// are compiled early: the first game took 570 ms, and later games cost what they did. The flag
// changes when code is compiled, never what it computes: results are the same bytes.
//
// V8's flags belong to the process, so the command (and the bench, measuring what a command does)
// sets this before any worker thread starts; each thread's isolate reads it when created.
import { setFlagsFromString } from "node:v8";

/** Four times Node 20's default budget (67,584 bytes of bytecode); later V8s keep the flag, with larger defaults. */
const BUDGET = 4 * 67_584;

export function delayOptimization(): void {
  setFlagsFromString(`--interrupt-budget=${BUDGET}`);
}
