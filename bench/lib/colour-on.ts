// Imported first by run.ts: the render suite must draw the colours a terminal user sees, but chalk
// (through Ink) decides once, when it loads, and a benchmark's output is usually piped, which turns
// colour off. Frames with colour codes are the ones the budgets are about.
process.env.FORCE_COLOR ??= '1';
