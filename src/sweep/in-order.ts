/**
 * Results that arrive in any order (workers finish when they finish) handed on in the order of
 * their positions 0, 1, 2...: a result that arrives early waits until those before it have
 * come, so only the out-of-order window is held, never the whole run.
 */
export class InOrder<T> {
  private readonly early = new Map<number, T>();
  private nextPos = 0;

  constructor(private readonly emit: (value: T, pos: number) => void) {}

  /** The result at `pos`; emits it, and any that waited for it, when every earlier one has come. */
  put(pos: number, value: T): void {
    if (pos < this.nextPos || this.early.has(pos)) throw new Error(`result ${pos} was given twice`);
    if (pos !== this.nextPos) {
      this.early.set(pos, value);
      return;
    }
    this.emit(value, this.nextPos++);
    for (
      let v = this.early.get(this.nextPos);
      v !== undefined || this.early.has(this.nextPos);
      v = this.early.get(this.nextPos)
    ) {
      this.early.delete(this.nextPos);
      this.emit(v as T, this.nextPos++);
    }
  }

  /** Results waiting for an earlier one. */
  get waiting(): number {
    return this.early.size;
  }

  /** Results emitted so far. */
  get emitted(): number {
    return this.nextPos;
  }
}
