import type { Suite } from './lib/suite.js';
export const startupSuite: Suite = { name: 'startup', title: '4. Start-up', run: async () => ({ markdown: 'todo', targets: [] }) };
