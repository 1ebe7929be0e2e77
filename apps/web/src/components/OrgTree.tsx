import { useEffect, useState, type Key } from 'react';
import { Alert, Empty, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { orgsApi, type OrgTreeNode } from '@pairing/shared';
import { call } from '../api/client.ts';
import { enumLabel, useI18n } from '../i18n/index.tsx';

type Node = TreeDataNode & { org: OrgTreeNode; children?: Node[] };

function toNodes(items: OrgTreeNode[]): Node[] {
  return items.map((org) => ({
    key: String(org.id),
    org,
    title: org.name,
    isLeaf: !org.hasChildren,
  }));
}

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

/** The org hierarchy in the caller's scope, one level fetched at a time as nodes open. */
export function OrgTree({
  selectedId,
  onSelect,
}: {
  selectedId: number | null;
  onSelect: (org: OrgTreeNode | null) => void;
}) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);

  useEffect(() => {
    call(orgsApi.tree)
      .then(({ items }) => {
        setNodes(toNodes(items));
        // A single root (the user's own org) opens straight away.
        if (items.length === 1 && items[0].hasChildren) setExpanded([String(items[0].id)]);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, []);

  const loadData = async (node: Node) => {
    if (node.children) return;
    const { items } = await call(orgsApi.tree, { query: { parentId: node.org.id } });
    setNodes((current) => withChildren(current, String(node.key), toNodes(items)));
  };

  if (loading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!nodes.length) return <Empty description={t('directory.treeEmpty')} />;

  return (
    <Tree<Node>
      blockNode
      showLine
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={setExpanded}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      onSelect={(_, info) => onSelect(info.selected ? info.node.org : null)}
      titleRender={(node) => (
        <span title={`${enumLabel(t, 'kind', node.org.kind)} ${node.org.code ?? ''}`}>
          {node.org.name}
          {node.org.childCount > 0 && (
            <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
              ({node.org.childCount})
            </Typography.Text>
          )}
          {node.org.weakVillage && (
            <Tag color="red" bordered={false} style={{ marginLeft: 6 }}>
              {t('org.weakShort')}
            </Tag>
          )}
        </span>
      )}
      style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}
    />
  );
}
