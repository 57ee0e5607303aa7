#!/bin/sh
# memcheck.sh CODES CMD [ARGS...]: runs CMD under valgrind memcheck and fails
# on any memory error or leak (definite, indirect or possible), or when CMD's
# own exit status is not one of CODES (comma-separated, e.g. "0,1"): the tool
# must still behave, not only stay clean.  Valgrind's own status is 99 so it
# cannot be mistaken for the tool's.
set -u
codes=$1
shift
valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
  --track-origins=yes --quiet "$@" >/dev/null
rc=$?
if [ "$rc" -eq 99 ]; then
  echo "memcheck: valgrind reported errors or leaks (see above)" >&2
  exit 1
fi
case ",$codes," in
  *",$rc,"*) echo "memcheck: clean, exit $rc"; exit 0 ;;
esac
echo "memcheck: unexpected exit $rc (expected one of $codes)" >&2
exit 1
