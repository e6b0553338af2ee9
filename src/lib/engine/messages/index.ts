/** In-world messages: drafts, approval routes, sending, the control cell's replies and the world's reactions. */
export { applyMessage, messageProblem, messageStepText } from './commands';
export { scheduleSilences, silenceDue, silenceText } from './reactions';
export { messagesView, personasForStaff, personasView, type MessageViewer } from './view';
export { approverFor } from './routes';
export { CHANNEL_LABELS, type MessageRecord } from './record';
export { messageFilterText } from './hold-breaches';
