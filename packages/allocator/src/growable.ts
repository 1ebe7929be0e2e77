/** Append-only typed arrays, so that millions of entries never become JS objects. */
export class GrowableInt32 {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableFloat64 {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Writes at any index, filling the gap with zeros. */
  setAt(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    this.data[index] = value;
    if (index >= this.length) this.length = index + 1;
  }

  private grow(minimum: number): void {
    let size = this.data.length * 2;
    while (size < minimum) size *= 2;
    const next = new Float64Array(size);
    next.set(this.data);
    this.data = next;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
