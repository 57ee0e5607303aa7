/* task.h: helper threads kept for the life of the process; the API is
 * public (tl_task_start, tl_task_join in tenderlint.h). */
#ifndef TL_TASK_H
#define TL_TASK_H
#include "tenderlint.h"

/* helpers at most (a check uses three at once: the ruleset load, numbering
 * and the second text part) */
#define TL_TASK_MAX 4u
/* each helper's stack: the address space counts against --memory-limit */
#define TL_TASK_STACK ((size_t)4 << 20)

#endif
