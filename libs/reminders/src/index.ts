export * from './reminder.config';
export * from './reminder.planner';
export * from './reminder.processor';
export * from './reminder.reconciler';
export * from './reminders.module';
export * from './scheduler/reminder-scheduler.port';
export { reminderJobId, deterministicUuid } from './scheduler/reminder-job.ids';
export { InProcessScheduler } from './scheduler/in-process.scheduler';
export { BullMqScheduler } from './scheduler/bullmq.scheduler';
export { createChannels, routesFor, addresseeOf } from './channels/reminder.routing';
export * from './channels/reminder-channel.port';
export {
  webhookSignature,
  webhookMessageId,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_ID_HEADER,
  IDEMPOTENCY_KEY_HEADER,
} from './channels/webhook.channel';
export { applyHolidayFile, HolidayFileError } from './holiday-calendar.setup';
