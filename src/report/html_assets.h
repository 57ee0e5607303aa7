/* html_assets.h: the inline CSS and JavaScript of the HTML report (internal).
 * No network: the page loads nothing; a Content-Security-Policy forbids it. */
#ifndef TL_REPORT_HTML_ASSETS_H
#define TL_REPORT_HTML_ASSETS_H
extern const char tl_html_css[];
extern const char tl_html_js[];
#endif
