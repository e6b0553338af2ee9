/** The engine's public API: pure functions over scenarios, inputs and exercise states. */
export * from './types';
export { parseScenario } from './scenario';
export { createExercise, configProblem, type ExerciseState } from './state';
export { authorize } from './authorize';
export { applyInput, type ApplyResult } from './apply';
export { replay, serializeState, deserializeState, ENGINE_VERSION } from './replay';
export { viewFor } from './views';
export { scoresOf, teamScore, ratingFor, RATING_THRESHOLDS, modelAnswer, type ModelAnswer } from './scoring';
export { presentedOrder, optionOrderFor } from './option-order';
export { rankingScore, kendallTau } from './scoring/ranking-credit';
export { fillScenario, scenarioTexts } from './scenario-texts';
export { nextDueAt, scenarioTimeAt } from './scenario-clock';
export { inWorldAt, inWorldLabel, deadlineAt, deadlineLabel, formatDuration } from './calendar';
export { exerciseMachine } from './exercise.machine';
export { parseAnswerScript, type AnswerScript } from './answer-script';
export { runSimulation, formatSimulation, type SimulationResult } from './simulate';
