/* cli.h: the subcommands; each lives in its own cmd_*.c and uses only tenderlint.h. */
#ifndef TL_CLI_H
#define TL_CLI_H
int tl_cmd_extract(int argc, char **argv);
int tl_cmd_check(int argc, char **argv);
int tl_cmd_rules(int argc, char **argv);
int tl_cmd_compare(int argc, char **argv);
int tl_cmd_merge(int argc, char **argv);
int tl_cmd_render(int argc, char **argv);
#endif
