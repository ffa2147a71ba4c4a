// A credential (namespace key, DO token) that cannot leak by accident: printing, string
// interpolation, JSON.stringify and util.inspect all show '[redacted]'. Only reveal() hands out
// the value, so every place that sends it somewhere is easy to find.
import { inspect } from 'node:util';

const REDACTED = '[redacted]';
/** What `doctor` shows of a secret: enough to tell two keys apart, too little to use one. */
const PREVIEW_LENGTH = 4;
/** Shorter secrets (test keys, typos) show nothing: four characters would be most of them. */
const MIN_PREVIEWED_LENGTH = 16;

export class Secret {
  // A private field is invisible to enumeration, spreading and the inspector.
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /** The first characters and an ellipsis, e.g. `b4d1…`. */
  preview(): string {
    if (this.#value.length < MIN_PREVIEWED_LENGTH) return '…';
    return `${this.#value.slice(0, PREVIEW_LENGTH)}…`;
  }

  /**
   * Every form in which the value could travel: itself, the part after `uuid:` and the base64 of
   * Basic auth. For scrubbing text with api/errors' redact().
   */
  forms(): string[] {
    const value = this.#value;
    const afterColon = value.includes(':') ? [value.slice(value.indexOf(':') + 1)] : [];
    return [value, ...afterColon, Buffer.from(value).toString('base64')];
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
