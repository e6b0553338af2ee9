import { auditDownload } from '../audit-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = auditDownload('json');
