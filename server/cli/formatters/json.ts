import type { FileReport } from '../report';
import { safeJson } from './escape';

/** ESLint's `json` formatter: the result array, nothing else; parsed, the text is as the posts wrote it. */
export function formatJson(reports: FileReport[]): string {
  return safeJson(reports);
}
