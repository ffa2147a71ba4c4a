// The numbered prompt for picking one of a DigitalOcean account's namespaces, on stderr so that
// stdout stays clean for the command's own output.
import { createInterface } from 'node:readline';
import type { NamespaceSummary } from '../config/do-token.js';
import { matchNamespace, type NamespaceAsker } from '../config/namespace-pick.js';
import { sanitize } from '../core/sanitize.js';

export function namespacePrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): NamespaceAsker {
  return async (namespaces) => {
    output.write('This DigitalOcean account has several functions namespaces:\n');
    namespaces.forEach((namespace, index) => output.write(`  ${index + 1}) ${describe(namespace)}\n`));
    const lines = createInterface({ input, terminal: false });
    const answers = lines[Symbol.asyncIterator]();
    try {
      for (;;) {
        output.write(`Use which one? [1-${namespaces.length}] `);
        const answer = await answers.next();
        // End of input (ctrl-d): no choice.
        if (answer.done) return undefined;
        const picked = pick(namespaces, String(answer.value).trim());
        if (picked) return picked;
        output.write(`Type a number from 1 to ${namespaces.length}, or a label.\n`);
      }
    } finally {
      lines.close();
    }
  };
}

function pick(namespaces: readonly NamespaceSummary[], answer: string): NamespaceSummary | undefined {
  const index = /^\d+$/.test(answer) ? Number(answer) - 1 : -1;
  return namespaces[index] ?? (answer ? matchNamespace(namespaces, answer) : undefined);
}

/** Labels come from the DO API: sanitised before they reach the terminal. */
function describe(namespace: NamespaceSummary): string {
  return sanitize(`${namespace.label}  ${namespace.region}  ${namespace.namespace}`);
}
