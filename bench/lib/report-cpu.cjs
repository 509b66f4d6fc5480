// Preloaded (`node -r`) into a node child: prints its own CPU time (user + system, from process start)
// at exit, to a tenth of a millisecond (GNU time rounds to 10 ms). Not a V8 flag: the code cache still fits.
'use strict';
process.on('exit', () => {
    const usage = process.cpuUsage();
    require('node:fs').writeSync(2, `\nOPSBOOK_BENCH_CPU_MS ${((usage.user + usage.system) / 1000).toFixed(1)}\n`);
});
