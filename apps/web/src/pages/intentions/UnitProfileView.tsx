import { Descriptions } from 'antd';
import type { UnitProfile } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';
import { ItemList } from '../directory/ItemList.tsx';

/** What a village deciding reads of the unit that chose it (S2 §2.2): kind, budget, committee, resources. */
export function UnitProfileView({ unit, testId }: { unit: UnitProfile; testId: string }) {
  const { t } = useI18n();
  const notGiven = t('choose.notGiven');
  return (
    <Descriptions
      size="small"
      column={1}
      colon
      data-testid={testId}
      items={[
        { key: 'type', label: t('choose.unitType'), children: unit.unitType ?? notGiven },
        {
          key: 'budget',
          label: t('choose.budget'),
          children:
            unit.yearlyBudget == null
              ? notGiven
              : t('choose.amount', { amount: unit.yearlyBudget.toLocaleString('zh-CN') }),
        },
        {
          key: 'parent',
          label: t(unit.parentKind === 'district' ? 'choose.parentDistrict' : 'choose.committee'),
          children: unit.parentName ?? notGiven,
        },
        { key: 'capacity', label: t('choose.capacity'), children: unit.capacity ?? notGiven },
        {
          key: 'resources',
          label: t('choose.resources'),
          children: <ItemList items={unit.resources} empty={t('choose.noResources')} />,
        },
      ]}
    />
  );
}
