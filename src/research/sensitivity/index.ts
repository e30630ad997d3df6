// Global sensitivity analysis (Morris screening, Sobol indices) and history-matching calibration:
// pure functions from a problem and a caller's random generator to designs, from model outputs to
// analyses, and from analyses to JSON, CSV and HTML.
export { scale, scalePoints, toUnit, validateProblem, type Factor, type Problem } from "./problem.js";
export { latinHypercube, latinHypercubeUnit } from "./latin-hypercube.js";
export { analyseMorris, groupsByName, morrisDesign, type MorrisAnalysisOptions, type MorrisDesign, type MorrisDesignOptions, type MorrisGroups, type MorrisRow, type MorrisTrajectory } from "./morris.js";
export { analyseSobol, saltelliDesign, type SaltelliDesign, type SaltelliLayout, type SaltelliOptions, type SobolAnalysisOptions, type SobolRow } from "./sobol.js";
export {
  assessPoint,
  historyMatch,
  implausibility,
  MIN_SE,
  mostConstrained,
  targetShifts,
  type HistoryMatchOptions,
  type HistoryMatchResult,
  type ImplausibilityOptions,
  type MatchedPoint,
  type MatchOptions,
  type PointAssessment,
  type Target,
  type TargetEstimate,
  type TargetShift,
  type TargetSummary,
} from "./history-matching.js";
export type { FactorSummary, FactorTargetProfile, ProfileBin, ProfilePattern } from "./factor-profiles.js";
export { rateEstimate, rateSe } from "./rates.js";
export { formatNumber } from "./format.js";
export { csvField, historyMatchCsv, morrisCsv, sobolCsv, type Labelled } from "./report-csv.js";
export { morrisChart, morrisReportHtml, rankedMorris, morrisSection, morrisTable, type MorrisOutput, type MorrisReportInput } from "./report-morris.js";
export { rankedSobol, sobolChart, sobolReportHtml, sobolSection, sobolTable, type SobolOutput, type SobolReportInput } from "./report-sobol.js";
export { bandText, calibrationReportHtml, factorTable, keptSetChart, referenceSentence, targetTable, type CalibrationReportInput } from "./report-calibration.js";
