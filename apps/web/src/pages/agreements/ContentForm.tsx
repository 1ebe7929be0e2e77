import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import type {
  AgreementContent,
  AgreementSide as Side,
  ProjectIndicator as Indicator,
} from '@pairing/shared';

type ProjectValues = AgreementContent['projects'][number] & {
  checkable: boolean;
  indicatorFields: Indicator;
};
export type ContentValues = Omit<AgreementContent, 'projects'> & { projects: ProjectValues[] };

const emptyIndicator: Indicator = { description: '', quantity: 1, unit: '' };

/** The form keeps the indicator's fields even while unchecked, so toggling does not lose them. */
export function toValues(content: AgreementContent): ContentValues {
  return {
    ...content,
    projects: content.projects.map((p) => ({
      ...p,
      checkable: p.indicator !== null,
      indicatorFields: p.indicator ?? emptyIndicator,
    })),
  };
}

export function fromValues(values: ContentValues): AgreementContent {
  return {
    commitments: values.commitments ?? [],
    projects: (values.projects ?? []).map(({ checkable, indicatorFields, ...p }) => ({
      title: p.title,
      target: p.target,
      budget: p.budget ?? 0,
      year: p.year,
      indicator: checkable ? { ...indicatorFields } : null,
    })),
    yearlyFunds: values.yearlyFunds ?? [],
    visitPlan: values.visitPlan ?? [],
    contacts: values.contacts,
  };
}

export function termYears(termStart: string, termEnd: string): number[] {
  const years: number[] = [];
  for (let y = Number(termStart.slice(0, 4)); y <= Number(termEnd.slice(0, 4)); y++) years.push(y);
  return years;
}

/**
 * The negotiated text: commitments of each side, projects with their checkable indicator
 * (R-PROJECT), yearly funding (R-WEAK-FUNDS), the visit plan and both sides' contacts.
 */
export function ContentForm({
  form,
  years,
  editable,
  weakVillage,
  onChange,
}: {
  form: FormInstance<ContentValues>;
  years: number[];
  editable: boolean;
  /** The yearly minimum (R-WEAK-FUNDS) applies to a weak village's agreement only. */
  weakVillage: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const sideOptions = (['urban', 'rural'] as Side[]).map((side) => ({
    value: side,
    label: t(side === 'urban' ? 'agreements.urbanSide' : 'agreements.ruralSide'),
  }));
  const yearOptions = years.map((y) => ({ value: y, label: `${y}` }));

  return (
    <Form form={form} layout="vertical" disabled={!editable} onValuesChange={onChange}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('agreements.commitments')}>
          <Form.List name="commitments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'side']} style={{ width: 110 }}>
                      <Select options={sideOptions} aria-label={t('a11y.commitmentSide')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      style={{ flex: 1, minWidth: 480 }}
                      rules={[
                        { required: true, whitespace: true, message: t('agreements.textRequired') },
                      ]}
                    >
                      <Input.TextArea
                        autoSize
                        maxLength={500}
                        aria-label={t('a11y.commitmentText')}
                      />
                    </Form.Item>
                    {editable && (
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('a11y.delete')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Space>
                ))}
                {editable && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ side: 'urban', text: '' })}>
                    {t('agreements.addCommitment')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('agreements.projects')} extra={t('agreements.projectsHint')}>
          <Form.List name="projects">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={t('agreements.projectN', { n: index + 1 })}
                    extra={
                      editable && (
                        <Button
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t('a11y.delete')}
                          onClick={() => remove(field.name)}
                        />
                      )
                    }
                    style={{ marginBottom: 12 }}
                    data-testid={`project-${index}`}
                  >
                    <div
                      style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', columnGap: 12 }}
                    >
                      <Form.Item
                        name={[field.name, 'title']}
                        label={t('agreements.projectTitle')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('agreements.textRequired'),
                          },
                        ]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'budget']} label={t('agreements.budget')}>
                        <InputNumber
                          min={0}
                          precision={0}
                          style={{ width: '100%' }}
                          addonAfter="元"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'year']} label={t('agreements.year')}>
                        <Select options={yearOptions} />
                      </Form.Item>
                    </div>
                    <Form.Item
                      name={[field.name, 'target']}
                      label={t('agreements.target')}
                      rules={[
                        { required: true, whitespace: true, message: t('agreements.textRequired') },
                      ]}
                    >
                      <Input.TextArea autoSize maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'checkable']} valuePropName="checked">
                      <Checkbox data-testid={`project-${index}-checkable`}>
                        {t('agreements.checkable')}
                      </Checkbox>
                    </Form.Item>
                    <Form.Item
                      noStyle
                      shouldUpdate={(a, b) =>
                        a.projects?.[field.name]?.checkable !== b.projects?.[field.name]?.checkable
                      }
                    >
                      {({ getFieldValue }) =>
                        getFieldValue(['projects', field.name, 'checkable']) && (
                          <div
                            style={{
                              display: 'grid',
                              gridTemplateColumns: '3fr 1fr 1fr',
                              columnGap: 12,
                            }}
                          >
                            <Form.Item
                              name={[field.name, 'indicatorFields', 'description']}
                              label={t('agreements.indicator')}
                              rules={[
                                {
                                  required: true,
                                  whitespace: true,
                                  message: t('agreements.indicatorRequired'),
                                },
                              ]}
                            >
                              <Input
                                maxLength={200}
                                placeholder={t('agreements.indicatorPlaceholder')}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'indicatorFields', 'quantity']}
                              label={t('agreements.quantity')}
                              rules={[
                                { required: true, message: t('agreements.quantityRequired') },
                              ]}
                            >
                              <InputNumber min={0.01} style={{ width: '100%' }} />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'indicatorFields', 'unit']}
                              label={t('agreements.unit')}
                              rules={[
                                {
                                  required: true,
                                  whitespace: true,
                                  message: t('agreements.unitRequired'),
                                },
                              ]}
                            >
                              <Input maxLength={20} placeholder={t('agreements.unitPlaceholder')} />
                            </Form.Item>
                          </div>
                        )
                      }
                    </Form.Item>
                  </Card>
                ))}
                {editable && (
                  <Button
                    icon={<PlusOutlined />}
                    data-testid="add-project"
                    onClick={() =>
                      add({
                        title: '',
                        target: '',
                        budget: 0,
                        year: years[0],
                        checkable: true,
                        indicatorFields: emptyIndicator,
                      })
                    }
                  >
                    {t('agreements.addProject')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Card>

        <div className="two-columns">
          <Card
            size="small"
            title={t('agreements.yearlyFunds')}
            extra={weakVillage ? t('agreements.fundsHint') : null}
          >
            <Form.List name="yearlyFunds">
              {(fields) => (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  columns={[
                    {
                      title: t('agreements.year'),
                      key: 'year',
                      width: 90,
                      render: (_, field) => form.getFieldValue(['yearlyFunds', field.name, 'year']),
                    },
                    {
                      title: t('agreements.amount'),
                      key: 'amount',
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'amount']} noStyle>
                          <InputNumber
                            min={0}
                            precision={0}
                            style={{ width: '100%' }}
                            addonAfter="元"
                            aria-label={t('a11y.fundsOfYear', {
                              year: form.getFieldValue(['yearlyFunds', field.name, 'year']),
                            })}
                            data-testid={`funds-${form.getFieldValue(['yearlyFunds', field.name, 'year'])}`}
                          />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('agreements.visitPlan')}>
            <Form.List name="visitPlan">
              {(fields) => (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  columns={[
                    {
                      title: t('agreements.year'),
                      key: 'year',
                      width: 70,
                      render: (_, field) => form.getFieldValue(['visitPlan', field.name, 'year']),
                    },
                    {
                      title: t('agreements.leadVisits'),
                      key: 'visits',
                      width: 110,
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'leadVisits']} noStyle>
                          <InputNumber
                            min={0}
                            max={366}
                            precision={0}
                            style={{ width: '100%' }}
                            aria-label={t('a11y.visitsOfYear', {
                              year: form.getFieldValue(['visitPlan', field.name, 'year']),
                            })}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('agreements.visitNote'),
                      key: 'note',
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'note']} noStyle>
                          <Input
                            maxLength={500}
                            aria-label={t('a11y.visitNoteOfYear', {
                              year: form.getFieldValue(['visitPlan', field.name, 'year']),
                            })}
                          />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
            </Form.List>
          </Card>
        </div>

        <Card size="small" title={t('agreements.contacts')}>
          {(['urban', 'rural'] as Side[]).map((side) => (
            <div
              key={side}
              style={{ display: 'grid', gridTemplateColumns: '120px 1fr 1fr 1fr', columnGap: 12 }}
            >
              <Typography.Text strong style={{ lineHeight: '32px' }}>
                {t(side === 'urban' ? 'agreements.urbanSide' : 'agreements.ruralSide')}
              </Typography.Text>
              <Form.Item name={['contacts', side, 'name']}>
                <Input placeholder={t('agreements.contactName')} maxLength={40} />
              </Form.Item>
              <Form.Item name={['contacts', side, 'title']}>
                <Input placeholder={t('agreements.contactTitle')} maxLength={40} />
              </Form.Item>
              <Form.Item name={['contacts', side, 'phone']}>
                <Input placeholder={t('agreements.contactPhone')} maxLength={20} />
              </Form.Item>
            </div>
          ))}
        </Card>
      </Space>
    </Form>
  );
}
