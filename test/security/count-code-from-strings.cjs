// Loaded with `node --require` by bundle-scan.test.ts: counts every call of eval and of the
// Function constructor in this thread (worker threads load it too), and reports the count
// on stderr when the thread ends.
'use strict';

let calls = 0;
const counted = (original) =>
  new Proxy(original, {
    apply(target, self, args) {
      calls++;
      return Reflect.apply(target, self, args);
    },
    construct(target, args, newTarget) {
      calls++;
      return Reflect.construct(target, args, newTarget);
    },
  });

globalThis.eval = counted(globalThis.eval);
globalThis.Function = counted(globalThis.Function);
process.on('exit', () => process.stderr.write(`code made from strings: ${calls}\n`));
