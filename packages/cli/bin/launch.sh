# Sourced by the POSIX launchers opsbook.sh and opsbook-language-server.sh (README.md, ARCHITECTURE.md
# "Start-up"), which set `s` (the launcher's path, symbolic links resolved), `b` (the bundle's name in
# ../dist) and `j` (the JavaScript bin beside it). Starts node from the V8 startup snapshot of the bundle
# (./snapshot.cjs) when this very node binary built it from this very bundle and NODE_OPTIONS holds
# nothing but `--require` (node refuses a blob under other V8 flags, e.g. --max-old-space-size, and
# exits 14), else (or with OPSBOOK_SNAPSHOT=0) the same as the JavaScript bin. Node does not check whose
# blob it is given: one of another build aborts it. The package's `bin` stays the JavaScript files (npm's
# Windows shims run a bin's shebang program). POSIX sh, plus `test`'s `-ef` and `-nt`, which POSIX leaves
# out but dash, bash and busybox ash have (the tests run /bin/sh: dash on Debian).
# NODE_OPTIONS split at blanks without pathname expansion (a `*` in it must not match file names here).
plain_options=1 argument=
set -f
for o in ${NODE_OPTIONS-}; do
  if [ -n "$argument" ]; then argument=; continue; fi
  case $o in --require | -r) argument=1 ;; --require=*) ;; *) plain_options= ;; esac
done
set +f
d=${s%/*}/../dist
if [ "${OPSBOOK_SNAPSHOT-}" != 0 ] && [ -n "$plain_options" ] && [ -f "$d/$b.blob.id" ] && n=$(command -v node) && {
  read -r built_by && read -r built_from
} <"$d/$b.blob.id" && [ "$n" -ef "$built_by" ] && [ "$d/$b.cjs" -ef "$built_from" ] &&
  [ ! "$n" -nt "$d/$b.blob" ] && [ ! "$d/$b.cjs" -nt "$d/$b.blob" ]; then
  exec node --snapshot-blob "$d/$b.blob" "${s%/*}/$j" "$@"
fi
exec node "${s%/*}/$j" "$@"
