// The engine's public surface. Everything outside src/engine imports from here.
export { createWorld, type WorldOptions } from "./setup.js";
export { advance, decisionsFor, playScripted, replay, simulate, step, legalActions, IllegalAction } from "./engine.js";
export { optionId } from "./ai/choice.js";
export { viewFor, type SeatView, type PrincipalView, type RowView } from "./view.js";
export { firstOn, summarize, type RunSummary, type ContestSummary } from "./summary.js";
export { mixSeed } from "./rng.js";
export type { Scenario, ScenarioFile, ScenarioInput } from "./scenario/schema.js";
export type { World, LogEntry, Decision, Awaiting, Fate, Reason, ContestRecord, OptionView } from "./state.js";
export { fateLadder } from "./state.js";
export { weekPhases } from "./turn.js";
export { presentWorld } from "./present.js";
export { canKnow } from "./log.js";
export { seatEstimates, publicOutcome, type SeatEstimates, type BoardRow, type Read, type CcRowEstimate, type MoveEstimate, type PlenumTally, type PublicOutcome } from "./player.js";
export { epilogue, type Epilogue, type EpilogueLine } from "./epilogue.js";
export { TREND_STEP, type TrendPoint, type Trends } from "./trends.js";
export { parseSettingValue } from "./scenario/what-if.js";
export { differingParameters, overrideModel, parametersSetBy, resolveParameters, type ModelParameters, type ParameterCatalog, type ParameterEntry, type ParameterOverride } from "./model/parameters.js";
