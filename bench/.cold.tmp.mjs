import { coldStart } from './protocol.mjs';
for (let i = 0; i < 3; i++) console.log(await coldStart('/tmp/obgen/single-1k', '/tmp/obgen/single-1k/playbook.ops'));
