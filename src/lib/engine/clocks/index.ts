/** Regulatory clocks: their lifecycle (start, stop, breach, extend, deadline), guards and per-viewer visibility. */
export { clockDeadline, clockEvent, startClock, stopClock } from './lifecycle';
export { clockHasStopped, type ClockEvent } from './guards';
export { clocksView } from './view';
