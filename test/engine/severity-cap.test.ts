import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cappedSeverity } from '../../server/engine/run-rules';

test('severity cap: a problem is shown at the lower of the configured severity and its cap', () => {
  assert.equal(cappedSeverity('error', undefined), 'error', 'no cap: as configured');
  assert.equal(cappedSeverity('warning', undefined), 'warning');
  assert.equal(cappedSeverity('error', 'warning'), 'warning', 'capped down');
  assert.equal(cappedSeverity('warning', 'warning'), 'warning');
  assert.equal(cappedSeverity('warning', 'error'), 'warning', 'a cap never raises a severity');
  assert.equal(cappedSeverity('error', 'error'), 'error');
});
