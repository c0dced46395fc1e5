import fc from 'fast-check';

// Property tests explore the same cases on every run, so that CI never meets a new one
// by chance: a flaky run blocks every change from landing. To explore further, run them
// with another seed (FUZZ_SEED=n); a failure it finds becomes a test of its own.
const seed = Number(process.env.FUZZ_SEED ?? 20261123);
if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);
// node:test prints an error's message, not its cause: the failed assertion goes into the message.
fc.configureGlobal({ seed, includeErrorInReport: true });

export default fc;
