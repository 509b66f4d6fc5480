#!/bin/sh
# `opsbook-language-server` (./opsbook-language-server.cjs) started from its V8 startup snapshot where it
# can be: see ./launch.sh.
b=language-server j=opsbook-language-server.cjs s=$0
case $s in */*) ;; *) s=./$s ;; esac
while [ -L "$s" ]; do l=$(readlink "$s"); case $l in /*) s=$l ;; *) s=${s%/*}/$l ;; esac; done
. "${s%/*}/launch.sh"
