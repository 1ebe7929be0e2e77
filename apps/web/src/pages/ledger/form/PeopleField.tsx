import { Checkbox, Form, Select, Typography } from 'antd';
import type { RosterEntry } from '@pairing/shared';
import { useI18n } from '../../../i18n/index.tsx';

/**
 * Who took part: roster members serving on the record's date, ticked, and anyone else by name
 * (typed, separated by commas or Enter).
 */
export function PeopleField({ roster, date }: { roster: RosterEntry[]; date: string | null }) {
  const { t } = useI18n();
  const chosen = (Form.useWatch(['people', 'rosterIds']) as number[] | undefined) ?? [];
  const serving = roster.filter(
    (r) => chosen.includes(r.id) || !date || (r.from <= date && (r.to === null || r.to >= date)),
  );
  return (
    <>
      <Form.Item
        name={['people', 'rosterIds']}
        label={t('record.rosterPeople')}
        extra={serving.length === 0 ? t('record.noRoster') : undefined}
      >
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={serving.map((r) => ({
            value: r.id,
            label: (
              <span>
                {r.name}{' '}
                <Typography.Text type="secondary">
                  {r.post} · {t(`rosterRole.${r.role}`)}
                </Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        name={['people', 'others']}
        label={t('record.otherPeople')}
        extra={t('record.otherPeopleHelp')}
      >
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[',', '，', '、', ';', '；']}
          suffixIcon={null}
          placeholder={t('record.otherPeoplePlaceholder')}
          data-testid="others"
        />
      </Form.Item>
    </>
  );
}
