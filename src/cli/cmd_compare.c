/* placeholder: replaced by the owner of this command */
#include <stdio.h>
#include "cli/cli.h"
#include "cli/exit.h"
int tl_cmd_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tenderlint: 'compare' is not built yet\n");
	return TL_EXIT_INTERNAL;
}
