/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-report.h"

G_BEGIN_DECLS

/* The report as a paginated PDF: A4 or Letter portrait (the journey map on
 * a landscape page), a cover and a table of contents, headers and footers
 * with "Page N of M", tables that break across pages with their header
 * row repeated, vector charts, embedded fonts, bookmarks per section and
 * document metadata.
 *
 * Returns the PDF, and its number of pages in @n_pages (may be NULL). */
GBytes *tp_report_pdf_write (TpReport  *report,
                             guint     *n_pages,
                             GError   **error);

G_END_DECLS
