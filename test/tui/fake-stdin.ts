// A terminal's input side in raw mode, as Ink reads it ('readable', then read()): `type()` hands
// Ink one chunk of keys. Shared by the in-process monitor tests and the render benchmark.
import { EventEmitter } from 'node:events';

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  private pending: string | null = null;
  setRawMode(raw: boolean): this {
    this.isRaw = raw;
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  read(): string | null {
    const data = this.pending;
    this.pending = null;
    return data;
  }
  type(data: string): void {
    this.pending = data;
    this.emit('readable');
  }
}
