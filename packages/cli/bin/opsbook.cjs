#!/bin/sh
':' /*-
# POSIX shell part (JavaScript sees a string and a comment): start node from the V8 startup snapshot
# of the bundle (./snapshot.cjs) when this very node binary built it from this very bundle; else, or
# with OPSBOOK_SNAPSHOT=0, run this file as a plain script. (Node does not check a blob: one of
# another build aborts it.) `node` given this file runs the JavaScript below directly.
s=$0
while [ -L "$s" ]; do
  l=$(readlink "$s")
  case $l in /*) s=$l ;; *) s=${s%/*}/$l ;; esac
done
d=${s%/*}/../dist b=opsbook
if [ "${OPSBOOK_SNAPSHOT-}" != 0 ] && [ -f "$d/$b.blob.id" ] && n=$(command -v node) && {
  read -r built_by && read -r built_from
} <"$d/$b.blob.id" && [ "$n" -ef "$built_by" ] && [ "$d/$b.cjs" -ef "$built_from" ] &&
  [ ! "$n" -nt "$d/$b.blob" ] && [ ! "$d/$b.cjs" -nt "$d/$b.blob" ]; then
  exec node --snapshot-blob "$d/$b.blob" "$s" "$@"
fi
exec node "$s" "$@"
*/
'use strict';
// Started from the snapshot: the bundle is initialised already and left its entry point here.
const fromSnapshot = globalThis[Symbol.for('opsbook.snapshot.cli')];
if (typeof fromSnapshot === 'function') fromSnapshot();
else require('./load-bundle.cjs')(require('node:path').join(__dirname, '..', 'dist', 'opsbook.cjs'));
