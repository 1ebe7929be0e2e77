import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { peopleApi, type PersonKind, type PersonSummary, type PersonTag } from '@pairing/shared';
import { call } from '../api/client.ts';

/**
 * Search the people registry of the caller's scope by name (numbers shown masked), optionally
 * only those of a kind or with a tag; a form field (`value`/`onChange`) that also hands over the
 * chosen person.
 */
export function PersonSelect({
  id,
  value,
  onChange,
  onPerson,
  placeholder,
  kind,
  tag,
  testId = 'person-select',
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  onPerson?: (person: PersonSummary | undefined) => void;
  placeholder?: string;
  kind?: PersonKind;
  tag?: PersonTag;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const page = await call(peopleApi.list, {
          query: { q: q || undefined, kind, tag, page: 1, pageSize: 20 },
        });
        if (live) setPeople(page.items);
      } catch {
        if (live) setPeople([]);
      } finally {
        if (live) setLoading(false);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, kind, tag]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      placeholder={placeholder}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onChange={(v?: number) => {
        onChange?.(v);
        onPerson?.(people.find((p) => p.id === v));
      }}
      options={people.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.orgName} · ${p.idNumberMasked}）`,
      }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
