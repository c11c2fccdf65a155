import { purgeThrottlesJob } from '../modules/auth/purge-throttles.ts';
import { eraseExpiredCasesJob } from '../modules/cases/erase-expired-cases.ts';
import { sendDeadlineRemindersJob } from '../modules/cases/deadline-reminders.ts';
import { purgeExpiredPreviewsJob } from '../modules/network-import/purge-expired-previews.ts';
import { purgeExpiredDraftsJob } from '../modules/report-form/purge-expired-drafts.ts';
import { releasePublicStatsJob } from '../modules/public-site/open-data/public-releases.ts';
import { buildStatsReportJob, purgeStatsReportsJob } from '../modules/stats/staff-reports.ts';
import { rebuildStatsRollupJob } from '../modules/stats/stats-rollup.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Every background job of the platform. A feature adds its job here (one entry, defined beside
 * the feature's code); `startJobs` creates its queue, starts its worker and keeps its schedule.
 */
export const jobDefinitions: readonly JobDefinition[] = [
  purgeExpiredPreviewsJob,
  eraseExpiredCasesJob,
  sendDeadlineRemindersJob,
  purgeThrottlesJob,
  purgeExpiredDraftsJob,
  rebuildStatsRollupJob,
  releasePublicStatsJob,
  buildStatsReportJob,
  purgeStatsReportsJob,
];
