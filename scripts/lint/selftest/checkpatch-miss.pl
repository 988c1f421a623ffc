#!/usr/bin/perl
# lint fixture: a stand-in checkpatch.pl that flags a line the lint does
# not count (a comment in clean.c), to prove a disagreement fails the run.
print "scripts/lint/selftest/clean.c:19: WARNING:DEPRECATED_API: Deprecated use of 'kmap_atomic', prefer 'kmap_local_page' instead\n";
exit 1;
