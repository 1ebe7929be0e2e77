import type { DisclosedFund } from '@pairing/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** A fund's form, channel and source as the UI names them. */
export const fundFormLabel = (t: Translate, form: DisclosedFund['form']) =>
  t(`fund.form.${form}` as MessageKey);
export const fundChannelLabel = (t: Translate, channel: DisclosedFund['channel']) =>
  t(`fund.channel.${channel}` as MessageKey);
