/* run_limited: runs a command with a wall-time limit and reports its own
 * peak RSS.  The hostile checker is a Python process; a child forked from it
 * would inherit its resident-set high-water mark, so the command is forked
 * from this small process instead.
 *
 *   run_limited SECONDS OUT ERR -- CMD [ARG...]
 *
 * Prints "<exit status or -signal> <seconds> <peak RSS KiB> <timed out 0|1>"
 * on stdout; the command's stdout/stderr go to the files OUT and ERR. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fprintf(stderr, "usage: run_limited SECONDS OUT ERR -- CMD [ARG...]\n");
		return 2;
	}
	double limit = atof(argv[1]);
	double t0 = S_now();
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		int o = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int n = open("/dev/null", O_RDONLY);
		if (o < 0 || e < 0 || n < 0)
			_exit(127);
		dup2(n, 0), dup2(o, 1), dup2(e, 2);
		close(n), close(o), close(e);
		execv(argv[5], argv + 5);
		_exit(127);
	}
	int status = 0, timed_out = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	for (;;) {
		pid_t r = wait4(pid, &status, WNOHANG, &ru);
		if (r == pid)
			break;
		if (r < 0)
			return 2;
		if (S_now() - t0 > limit) {
			kill(pid, SIGKILL);
			wait4(pid, &status, 0, &ru);
			timed_out = 1;
			break;
		}
		usleep(2000);
	}
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
	printf("%d %.3f %ld %d\n", rc, S_now() - t0, ru.ru_maxrss, timed_out);
	return 0;
}
