/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tp-compare.h"
#include "tp-rect.h"

G_BEGIN_DECLS

/* The comparison of an as-is with its to-be on one page: key figures,
 * both emotion curves on one chart (the as-is dashed and grey, the to-be
 * solid, the change at each matched touchpoint as a small +2 or −1), the
 * score of every touchpoint before and after (added and removed ones
 * marked) with the stages' averages, and the moments of truth that reach
 * their target, the blockers removed and added and the findings that
 * disappear.
 *
 * The page is TP_COMPARE_PAGE_WIDTH points wide and as tall as its
 * content: every text wraps in its box and none is cut. The window's
 * comparison view, the PDF and the PNG draw it with the same code. */

#define TP_COMPARE_PAGE_WIDTH 1000.0

/* What the page drew where, in page units, for tests: every text (its
 * logical extents in @rect, the room it was given in @box) and every
 * panel (the chart's plot, table rows). */
typedef enum {
  TP_COMPARE_ITEM_TEXT,
  TP_COMPARE_ITEM_PANEL,
  /* A change drawn at a point of the to-be curve: "+5". */
  TP_COMPARE_ITEM_DELTA,
} TpCompareItemKind;

typedef struct {
  TpCompareItemKind kind;
  TpRect            rect;
  TpRect            box;
  char             *text;  /* texts and deltas; NULL for panels */
} TpCompareItem;

/* An array for tp_compare_page_draw()'s @items: it frees the texts. */
GArray        *tp_compare_items_new          (void);

typedef enum {
  TP_COMPARE_FORMAT_PDF,
  TP_COMPARE_FORMAT_PNG,
} TpCompareFormat;

typedef struct _TpComparePage TpComparePage;

/* Compares @before (the as-is) with @after (the to-be), as they are now,
 * and lays the page out. Keeps no reference to either journey. */
TpComparePage      *tp_compare_page_new            (TpJourney     *before,
                                                    TpJourney     *after);
TpComparePage      *tp_compare_page_ref            (TpComparePage *self);
void                tp_compare_page_unref          (TpComparePage *self);
const TpComparison *tp_compare_page_get_comparison (TpComparePage *self);
/* In points (page units). */
void                tp_compare_page_get_size       (TpComparePage *self,
                                                    double        *width,
                                                    double        *height);
/* Paints the page at (0, 0) in @cr's user space, in page units, with its
 * white background. @items (from tp_compare_items_new(), may be NULL)
 * receives what was drawn where. */
void                tp_compare_page_draw           (TpComparePage *self,
                                                    cairo_t       *cr,
                                                    GArray        *items);

/* The page as a one-page PDF (Touchpoint's writer, or cairo's with
 * @use_cairo_pdf or when it must) or as a PNG at @scale pixels per point
 * (1 to 4; less when the page would exceed 32,767 pixels). @creation_date
 * may be NULL (now). */
GBytes             *tp_compare_page_write          (TpComparePage   *self,
                                                    TpCompareFormat  format,
                                                    double           scale,
                                                    GDateTime       *creation_date,
                                                    gboolean         use_cairo_pdf,
                                                    GError         **error);
/* The same, written to @file atomically. */
gboolean            tp_compare_page_export_to_file (TpComparePage   *self,
                                                    GFile           *file,
                                                    TpCompareFormat  format,
                                                    double           scale,
                                                    GDateTime       *creation_date,
                                                    gboolean         use_cairo_pdf,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* ".pdf" or ".png" at the end of @filename (any case). */
gboolean            tp_compare_format_from_filename (const char      *filename,
                                                     TpCompareFormat *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpComparePage, tp_compare_page_unref)

G_END_DECLS
