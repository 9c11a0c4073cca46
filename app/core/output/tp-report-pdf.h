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

/* The first @max_pages pages of the same PDF, drawn by the same code onto
 * white ARGB32 image surfaces at @scale pixels per point (for previews).
 * Returns the images (cairo_surface_t, freed with the array) and the
 * report's number of pages in @n_pages (may be NULL). Stops early with
 * G_IO_ERROR_CANCELLED when @cancellable is cancelled. */
GPtrArray *tp_report_render_pages (TpReport      *report,
                                   guint          max_pages,
                                   double         scale,
                                   guint         *n_pages,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
