// Preloaded (`node -r`) into a node child when GNU time is missing: prints the child's own peak memory
// at exit, in the words `time -v` uses, so that one parser reads both.
'use strict';
process.on('exit', () => {
    process.stderr.write(`\n\tMaximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`);
});
