import type { FileReport } from '../report';

/** ESLint's `json` formatter: the result array, nothing else. */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(reports);
}
