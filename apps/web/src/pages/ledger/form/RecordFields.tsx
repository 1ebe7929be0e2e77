import { Alert, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import {
  fundChannels,
  fundForms,
  fundSources,
  recordCategories,
  type PairingView,
  type RecordType,
} from '@pairing/shared';
import { useI18n } from '../../../i18n/index.tsx';
import { DateField } from './DateField.tsx';
import { PeopleField } from './PeopleField.tsx';
import { ReportFields } from './ReportFields.tsx';

/**
 * The fields of one record type, named as the contract (`recordInput`) names them so its
 * messages land on the right field. `lastDay` is the last day a record may carry (today, or the
 * term's end).
 */
export function RecordFields({
  type,
  pairing,
  lastDay,
}: {
  type: RecordType;
  pairing: PairingView;
  lastDay: string;
}) {
  const { t } = useI18n();
  const date = Form.useWatch('date') as string | null | undefined;
  const category = Form.useWatch('category') as string | undefined;
  const form = Form.useWatch('form') as string | undefined;

  const dateField = (label = t('record.date')) => (
    <Form.Item name="date" label={label} required>
      <DateField min={pairing.termStart} max={lastDay} />
    </Form.Item>
  );
  const place = (
    <Form.Item name="place" label={t('record.place')}>
      <Input maxLength={100} placeholder={t('record.placePlaceholder')} />
    </Form.Item>
  );
  const narrative = (required: boolean) => (
    <Form.Item name="narrative" label={t('record.narrative')} required={required}>
      <Input.TextArea
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={5000}
        placeholder={t(`record.narrativePlaceholder.${type}`)}
      />
    </Form.Item>
  );
  const people = <PeopleField roster={pairing.roster} date={date ?? null} />;
  const projects = pairing.projects.map((p) => ({
    value: p.index,
    label: `${p.title}（${p.year}）`,
  }));
  const projectField = (required: boolean) => (
    <Form.Item name="projectIndex" label={t('record.project')} required={required}>
      <Select
        allowClear={!required}
        options={projects}
        placeholder={required ? t('record.projectPlaceholder') : t('record.noProject')}
        data-testid="project-select"
      />
    </Form.Item>
  );
  const noProjects = pairing.projects.length === 0 && (
    <Alert type="warning" showIcon title={t('record.noProjects')} style={{ marginBottom: 16 }} />
  );

  switch (type) {
    case 'visit':
      return (
        <>
          {dateField()}
          {place}
          {people}
          <Form.Item
            name="department"
            label={t('record.department')}
            valuePropName="checked"
            extra={
              pairing.responsibleDepartment
                ? t('record.departmentHelp', { name: pairing.responsibleDepartment })
                : undefined
            }
          >
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
          {narrative(false)}
        </>
      );
    case 'activity':
      return (
        <>
          <Form.Item name="category" label={t('record.category')} required>
            <Select
              options={recordCategories.map((value) => ({
                value,
                label: t(`recordCategory.${value}`),
              }))}
              placeholder={t('record.categoryPlaceholder')}
              data-testid="category-select"
            />
          </Form.Item>
          {category === 'other' && (
            <Form.Item name="categoryLabel" label={t('record.categoryLabel')} required>
              <Input maxLength={40} />
            </Form.Item>
          )}
          {dateField()}
          {place}
          {people}
          {narrative(false)}
        </>
      );
    case 'fund':
      return (
        <>
          <Form.Item name="form" label={t('record.fundForm')} required>
            <Radio.Group
              optionType="button"
              options={fundForms.map((value) => ({ value, label: t(`fundForm.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={form === 'in_kind' ? t('record.valueInKind') : t('record.amount')}
            required
          >
            <InputNumber
              min={0}
              precision={0}
              suffix={t('record.yuan')}
              inputMode="numeric"
              style={{ width: '100%' }}
              data-testid="amount"
            />
          </Form.Item>
          <Form.Item name="purpose" label={t('record.purpose')} required>
            <Input maxLength={200} placeholder={t('record.purposePlaceholder')} />
          </Form.Item>
          <Form.Item name="source" label={t('record.fundSource')} required>
            <Radio.Group
              options={fundSources.map((value) => ({ value, label: t(`fundSource.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('record.channel')} required>
            <Radio.Group
              options={fundChannels.map((value) => ({ value, label: t(`fundChannel.${value}`) }))}
            />
          </Form.Item>
          {projectField(false)}
          <Form.Item name="receiptNo" label={t('record.receiptNo')}>
            <Input maxLength={60} />
          </Form.Item>
          {dateField()}
          {narrative(false)}
        </>
      );
    case 'progress':
    case 'acceptance':
      return (
        <>
          {noProjects}
          {projectField(true)}
          {type === 'progress' ? (
            <>
              <Form.Item name="milestone" label={t('record.milestone')} required>
                <Input maxLength={100} placeholder={t('record.milestonePlaceholder')} />
              </Form.Item>
              <Form.Item name="percent" label={t('record.percent')} required>
                <InputNumber min={0} max={100} precision={0} suffix="%" inputMode="numeric" />
              </Form.Item>
              <IndicatorField pairing={pairing} label={t('record.indicatorValue')} />
            </>
          ) : (
            <>
              <IndicatorField pairing={pairing} label={t('record.finalValue')} required />
              <Form.Item name="passed" label={t('record.passedLabel')} required>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t('record.passed') },
                    { value: false, label: t('record.notPassed') },
                  ]}
                />
              </Form.Item>
            </>
          )}
          {dateField()}
          {place}
          {narrative(true)}
        </>
      );
    case 'report':
      return (
        <>
          <ReportFields pairing={pairing} lastDay={lastDay} />
          {dateField(t('record.submittedOn'))}
        </>
      );
  }
}

/** The project's indicator value, in the unit the agreement gives it. */
function IndicatorField({
  pairing,
  label,
  required = false,
}: {
  pairing: PairingView;
  label: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const index = Form.useWatch('projectIndex') as number | null | undefined;
  const indicator = pairing.projects.find((p) => p.index === index)?.indicator;
  return (
    <Form.Item
      name="indicatorValue"
      label={label}
      required={required}
      extra={
        indicator
          ? t('record.indicatorTarget', {
              description: indicator.description,
              quantity: indicator.quantity,
              unit: indicator.unit,
            })
          : undefined
      }
    >
      <InputNumber min={0} suffix={indicator?.unit} style={{ width: '100%' }} inputMode="decimal" />
    </Form.Item>
  );
}
