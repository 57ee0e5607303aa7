/* placeholder: replaced by the owner of this command */
#include <stdio.h>
#include "cli/cli.h"
#include "cli/exit.h"
int tl_cmd_rules(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tenderlint: 'rules' is not built yet\n");
	return TL_EXIT_INTERNAL;
}
