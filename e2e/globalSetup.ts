import { recordReferenceSpeed } from './machineLoad';

/**
 * Before any test: the machine's reference speed, against which the timing checks later tell a machine that has slowed
 * down from one that has not (e2e/machineLoad.ts). Playwright hands the environment set here to its workers.
 */
export default function globalSetup(): void {
  recordReferenceSpeed();
}
