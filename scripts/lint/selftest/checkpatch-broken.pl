#!/usr/bin/perl
# lint fixture: a stand-in checkpatch.pl that dies, as one missing a module
# would: the cross-check must fail, not pass on no findings.
print STDERR "Can't locate Term/ANSIColor.pm in \@INC\n";
exit 2;
