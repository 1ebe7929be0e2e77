import { Col, Row, Statistic, Tag } from 'antd';
import type { HelpCoverage, HelpPairState, PersonSummary } from '@pairing/shared';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const stateColors: Record<HelpPairState, string> = {
  proposed: 'orange',
  assigned: 'blue',
  concluded: 'green',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: HelpPairState }) {
  const { t } = useI18n();
  return (
    <Tag color={stateColors[state]} data-testid="help-pair-state">
      {t(`helpPairState.${state}`)}
    </Tag>
  );
}

/** A person as the lists show one: the name and the masked number's last characters. */
export const personLabel = (p: PersonSummary) => `${p.name}（${p.idNumberMasked.slice(-4)}）`;

const shown: (keyof HelpCoverage)[] = [
  'cadres',
  'cadresPaired',
  'proposed',
  'plansMade',
  'targetsMet',
  'outOfDifficulty',
];

/** The coverage counts (R-ONE-PLUS-TWO) in a grid that wraps to two columns on a phone. */
export function CoverageStats({ coverage }: { coverage: HelpCoverage }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="help-coverage">
      {shown.map((key) => (
        <Col xs={12} sm={8} md={4} key={key}>
          <Statistic
            title={t(`helpCoverage.${key}` as MessageKey)}
            value={coverage[key]}
            suffix={key === 'targetsMet' ? `/ ${coverage.targets}` : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}
