import type { offlineZhCN } from './offline.zh-CN.ts';

/** English strings of the offline outbox; merged into en.ts. */
export const offlineEn: Record<keyof typeof offlineZhCN, string> = {
  'outbox.title': 'Outbox',
  'outbox.help':
    'Records and photos submitted without a connection are kept on this device and sent when it returns; sending one twice still saves it once.',
  'outbox.online': 'Online',
  'outbox.offline': 'Offline',
  'outbox.syncing': 'Sending…',
  'outbox.sendNow': 'Send now',
  'outbox.empty': 'Nothing waiting to be sent',
  'outbox.loadFailed': 'Cannot read the records kept on this device: {message}',
  'outbox.status.queued': '{count} records to send',
  'outbox.status.failed': '{count} records failed',
  'outbox.status.view': 'View',
  'outbox.state.queued': 'Waiting',
  'outbox.state.failed': 'Failed',
  'outbox.state.photosPending': 'Record sent, files waiting',
  'outbox.pairing': 'Pairing #{id}',
  'outbox.savedAt': 'Saved {time}',
  'outbox.tried': 'Tried {count} times, last {time}',
  'outbox.files': '{count} files, {sent} uploaded',
  'outbox.noFiles': 'No files',
  'outbox.retry': 'Retry',
  'outbox.discard': 'Discard',
  'outbox.discardConfirm': 'The record will not be sent and cannot be recovered. Discard it?',
  'outbox.discardCreatedConfirm':
    'The record is on the server already; discarding drops only the files not yet uploaded. Discard?',
  'outbox.discarded': 'Discarded',
  'outbox.type.visit': 'Visit',
  'outbox.type.activity': 'Activity',
  'outbox.type.fund': 'Funds',
  'outbox.type.progress': 'Project progress',
  'outbox.type.acceptance': 'Project acceptance',
  'outbox.type.report': 'Quarterly report',
};
