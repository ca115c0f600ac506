// Pulls exact byte counts out of a stream of chunks of any size: the age header line by line, the
// 16-byte nonce, tar's 512-byte blocks and the entries' bytes. Holds at most one incoming chunk (and
// one partial record) at a time, so memory stays flat whatever the file's size.
import { BriefcaseError } from '../errors';

const EMPTY = new Uint8Array(0);

export class ByteReader {
  private readonly source: AsyncIterator<Uint8Array>;
  private buffer: Uint8Array = EMPTY;
  private ended = false;
  /** Bytes handed out so far (by exact, some, line): where the next read starts in the stream. */
  consumed = 0;

  /** `onEnd` is what a stream that ends too early means (EXPORT_DAMAGED by default). */
  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly truncated: () => Error = () => new BriefcaseError('EXPORT_DAMAGED'),
  ) {
    this.source = source[Symbol.asyncIterator]();
  }

  /** Reads one more chunk into the buffer; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      if (next.value.length === 0) continue;
      this.buffer = this.buffer.length === 0 ? next.value : concat(this.buffer, next.value);
      return true;
    }
    return false;
  }

  /** Exactly `n` bytes; the stream ending first is `truncated`. */
  async exact(n: number): Promise<Uint8Array> {
    while (this.buffer.length < n) if (!(await this.fill())) throw this.truncated();
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.consumed += n;
    return out;
  }

  /** Up to `max` bytes (at least one), as they are buffered: for streaming an entry's bytes. */
  async some(max: number): Promise<Uint8Array> {
    if (this.buffer.length === 0 && !(await this.fill())) throw this.truncated();
    const out = this.buffer.subarray(0, Math.min(max, this.buffer.length));
    this.buffer = this.buffer.subarray(out.length);
    this.consumed += out.length;
    return out;
  }

  /** One line including its "\n"; a line longer than `max` or an end without "\n" is `truncated`. */
  async line(max: number): Promise<Uint8Array> {
    for (let searched = 0; ; ) {
      const at = this.buffer.indexOf(0x0a, searched);
      if (at >= 0 && at < max) return this.exact(at + 1);
      if (at >= max || this.buffer.length >= max) throw this.truncated();
      searched = this.buffer.length;
      if (!(await this.fill())) throw this.truncated();
    }
  }

  /** True when nothing is left. */
  async atEnd(): Promise<boolean> {
    return this.buffer.length === 0 && !(await this.fill());
  }

  /** Everything not yet read, chunk by chunk. */
  async *rest(): AsyncGenerator<Uint8Array> {
    if (this.buffer.length > 0) yield this.buffer;
    this.buffer = EMPTY;
    while (await this.fill()) {
      const chunk = this.buffer;
      this.buffer = EMPTY;
      yield chunk;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
