// Property tests run on a fixed seed so that `npm test` gives the same answer on every machine;
// `npm run fuzz` runs them on fresh random seeds to look for new counterexamples (add each one
// found as a plain test next to the behaviour, then fix it).
import fc from 'fast-check';

const FIXED_SEED = 20261204;

if (process.env.FNMON_FUZZ === undefined) fc.configureGlobal({ seed: FIXED_SEED });
