// Typed reading of a YAML document with errors a person can find: every problem becomes one line
// `file:line:col: key.path: what is wrong`, located through the yaml package's node ranges.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';

export class ConfigError extends Error {}

/** A mapping entry: its key (for locating problems) and its value node. */
export interface Entry {
  path: string;
  keyNode: Node;
  value: Node | null;
}

export class YamlReader {
  readonly document: Document;
  private readonly lines = new LineCounter();

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const [syntaxError] = this.document.errors;
    if (syntaxError) {
      const offset = syntaxError.pos[0];
      const message = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // A duplicate key error points at the key itself; other errors point past the last good key.
      throw this.errorAt(offset, this.keyPathBefore(offset, syntaxError.code === 'DUPLICATE_KEY'), message);
    }
  }

  /** Throws the one-line error for the entry (or the document, without one). */
  fail(entry: Entry | undefined, problem: string): never {
    throw this.errorAt(entry?.keyNode.range?.[0] ?? 0, entry?.path, problem);
  }

  /** The entries of a mapping node; `owner` is the entry the mapping is the value of. */
  entries(node: Node | null, owner: Entry | undefined): Entry[] {
    if (node === null && owner) return [];
    if (!isMap(node))
      this.fail(owner, owner ? 'must be a mapping (key: value lines)' : 'the file must be a mapping of keys to values');
    return node.items.map((pair: Pair) => {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.fail(owner, 'has a key that is not a plain name');
      }
      const path = owner ? `${owner.path}.${keyNode.value}` : keyNode.value;
      return { path, keyNode, value: emptyAsNull(pair.value as Node | null) };
    });
  }

  /** Fails on the first key that is not in `known`. */
  onlyKnownKeys(entries: Entry[], known: readonly string[]): void {
    for (const entry of entries) {
      const name = entry.path.slice(entry.path.lastIndexOf('.') + 1);
      if (!known.includes(name)) this.fail(entry, `unknown key (expected one of: ${known.join(', ')})`);
    }
  }

  string(entry: Entry): string {
    if (!isScalar(entry.value) || typeof entry.value.value !== 'string' || entry.value.value === '') {
      this.fail(entry, 'must be a non-empty string');
    }
    return entry.value.value;
  }

  boolean(entry: Entry): boolean {
    if (!isScalar(entry.value) || typeof entry.value.value !== 'boolean') this.fail(entry, 'must be true or false');
    return entry.value.value;
  }

  oneOf<T extends string>(entry: Entry, choices: readonly T[]): T {
    const value = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(entry, `must be one of: ${choices.join(', ')}`);
    }
    return value as T;
  }

  /** A list of strings; a single string is accepted as a list of one. */
  strings(entry: Entry): string[] {
    if (isScalar(entry.value) && typeof entry.value.value === 'string') return [entry.value.value];
    const items = isSeq(entry.value) ? entry.value.items : undefined;
    if (!items || items.length === 0 || !items.every((item) => isScalar(item) && typeof item.value === 'string')) {
      this.fail(entry, 'must be a list of strings, e.g. [q, ctrl+c]');
    }
    return items.map((item) => (item as { value: string }).value);
  }

  private errorAt(offset: number, path: string | undefined, problem: string): ConfigError {
    const { line, col } = this.lines.linePos(offset);
    return new ConfigError(`${this.file}:${line}:${col}: ${path ? `${path}: ` : ''}${problem}`);
  }

  /** The path of the last key that starts before `offset` (or at it): the key a syntax error is nearest to. */
  private keyPathBefore(offset: number, inclusive: boolean): string | undefined {
    let found: string | undefined;
    const visit = (node: unknown, prefix: string) => {
      if (!isMap(node)) return;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const start = key?.range?.[0];
        if (!isScalar(key) || start === undefined || start > offset || (start === offset && !inclusive)) continue;
        const path = `${prefix}${String(key.value)}`;
        found = path;
        visit(pair.value, `${path}.`);
      }
    };
    visit(this.document.contents, '');
    return found;
  }
}

/** `key:` with nothing after it parses as a null scalar: treat it like no value at all. */
function emptyAsNull(node: Node | null): Node | null {
  return node === null || (isScalar(node) && node.value === null) ? null : node;
}
