// Worker-thread entry for studies (sensitivity, calibration): the scenario variants arrive once per
// thread; each task plays one chunk of runs at one parameter point.
import { workerData } from "piscina";
import { runStudyChunk, type StudyBase, type StudyChunk, type StudyTask } from "../study.js";
import { announceBoot } from "./boot.js";

export interface StudyWorkerData {
  bases: StudyBase[];
}

const bases = new Map((workerData as StudyWorkerData).bases.map((b) => [b.key, b]));

export default function playStudyChunk(task: StudyTask): StudyChunk {
  return runStudyChunk(bases, task);
}

announceBoot();
