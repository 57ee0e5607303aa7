/* placeholder: replaced by the clause-tree builder */
#include "model/doc.h"
int tl_doc_finish(tl_document *doc, tl_error *err)
{
	(void)doc;
	(void)err;
	return 0;
}
