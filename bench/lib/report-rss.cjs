// Preloaded (`node -r`) into a node child when GNU time is missing: prints the child's own peak memory
// and CPU time at exit, in the words `time -v` uses, so that one parser reads both.
'use strict';
process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\n\tUser time (seconds): ${usage.userCPUTime / 1e6}\n\tSystem time (seconds): ${usage.systemCPUTime / 1e6}\n`);
    process.stderr.write(`\tMaximum resident set size (kbytes): ${usage.maxRSS}\n`);
});
