// Copy through the terminal: OSC 52 asks the terminal (and ssh/tmux-aware ones through the
// connection) to put text on the system clipboard. The payload is base64, so whatever the text
// holds, the sequence itself carries no control characters.
const OSC = '\x1b]';
const BEL = '\x07';

export function osc52(text: string): string {
  return `${OSC}52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
}
