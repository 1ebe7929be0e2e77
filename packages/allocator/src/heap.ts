/** Indexed binary min-heap over node ids with double keys, supporting decrease-key. */
export class NodeHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  /** Position of each node in the heap, -1 when absent. */
  private readonly position: Int32Array;
  size = 0;

  constructor(nodeCount: number) {
    this.nodes = new Int32Array(nodeCount);
    this.keys = new Float64Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  /** Inserts the node or lowers its key. */
  push(node: number, key: number): void {
    let i = this.position[node];
    if (i < 0) i = this.size++;
    else if (key >= this.keys[i]) return;
    this.siftUp(i, node, key);
  }

  pop(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(this.nodes[last], this.keys[last]);
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]] = -1;
    this.size = 0;
  }

  private siftUp(i: number, node: number, key: number): void {
    const { nodes, keys, position } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      nodes[i] = nodes[parent];
      keys[i] = keys[parent];
      position[nodes[i]] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }

  private siftDown(node: number, key: number): void {
    const { nodes, keys, position } = this;
    const size = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      nodes[i] = nodes[child];
      keys[i] = keys[child];
      position[nodes[i]] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }
}
