/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tp-journey.h"
#include "tp-rect.h"

G_BEGIN_DECLS

/* A journey as a slide deck, for presenting it to a meeting room: a title
 * slide (title, persona, scope), one slide per stage (its touchpoints as
 * large cards, its customer actions and thoughts, its employee notes when
 * the employee layer is shown, and the emotion curve of the journey up to
 * that stage, later stages greyed), and a last slide with the worst
 * findings and the top open opportunities.
 *
 * Slides are laid out once in units of a 1920 × 1080 slide, where no text
 * is smaller than TP_SLIDES_MIN_TEXT: readable from the back of a room on
 * a 1920 × 1080 projector. Text wraps and shrinks no further than that;
 * a stage with more than fits continues on a second slide. The screen
 * (widgets/tp-presentation.c) and the PDF deck draw with the same code. */

#define TP_SLIDES_WIDTH 1920.0
#define TP_SLIDES_HEIGHT 1080.0
/* The smallest text on a slide, in slide units (pixels at 1920 × 1080). */
#define TP_SLIDES_MIN_TEXT 28.0

typedef enum {
  TP_SLIDE_TITLE,
  TP_SLIDE_STAGE,
  TP_SLIDE_SUMMARY,
} TpSlideKind;

/* What a slide drew where, in slide units, for tests: every text (in
 * @box, which it must not leave, at @size) and every panel (cards, the
 * chart). */
typedef enum {
  TP_SLIDE_ITEM_TEXT,
  TP_SLIDE_ITEM_PANEL,
} TpSlideItemKind;

typedef struct {
  TpSlideItemKind kind;
  TpRect          rect;  /* the text's logical extents, or the panel */
  TpRect          box;   /* the room it was given */
  double          size;  /* the text's size; 0 for panels */
  gboolean        elided; /* only text too long for a whole slide */
} TpSlideItem;

typedef struct {
  /* Blockers and enablers, as the window shows the employee layer. */
  gboolean    show_employee_layer;
  /* Departments (keys from tp_department_key()) whose notes are left out,
   * as the window's filter; NULL for none. Not owned. */
  GHashTable *hidden_departments;
  /* Light text on a dark background, for dark rooms. */
  gboolean    dark;
} TpSlidesOptions;

void tp_slides_options_init (TpSlidesOptions *options);

typedef struct _TpSlides TpSlides;

/* Lays the deck out for @journey (read now; take a snapshot to go on
 * editing). */
TpSlides    *tp_slides_new            (TpJourney             *journey,
                                       const TpSlidesOptions *options);
TpSlides    *tp_slides_ref            (TpSlides   *self);
void         tp_slides_unref          (TpSlides   *self);
guint        tp_slides_get_n_slides   (TpSlides   *self);
TpSlideKind  tp_slides_get_kind       (TpSlides   *self,
                                       guint       index);
/* The stage (index in the journey) a stage slide shows, else -1. */
int          tp_slides_get_stage      (TpSlides   *self,
                                       guint       index);
/* Slide @index fitted into @width × @height (user units of @cr) and
 * centred, with its background over the whole area. @items (may be NULL)
 * receives a TpSlideItem for everything drawn. */
void         tp_slides_draw_slide     (TpSlides   *self,
                                       cairo_t    *cr,
                                       guint       index,
                                       double      width,
                                       double      height,
                                       GArray     *items);

/* The same for one-off callers. */
guint        tp_slides_count          (TpJourney             *journey,
                                       const TpSlidesOptions *options);
void         tp_slides_draw           (cairo_t               *cr,
                                       TpJourney             *journey,
                                       guint                  index,
                                       double                 width,
                                       double                 height,
                                       const TpSlidesOptions *options);

/* The deck as PDF: one 16:9 page (960 × 540 pt) per slide, with the
 * journey's title as the document's. @creation_date may be NULL (now);
 * @use_cairo_pdf writes with cairo's PDF surface instead of Touchpoint's
 * writer (which falls back to cairo by itself when it must). */
GBytes      *tp_slides_write_pdf      (TpSlides   *self,
                                       GDateTime  *creation_date,
                                       gboolean    use_cairo_pdf,
                                       GError    **error);
/* The PDF deck written to @file atomically; @n_pages may be NULL. */
gboolean     tp_slides_export_to_file (TpSlides      *self,
                                       GFile         *file,
                                       GDateTime     *creation_date,
                                       gboolean       use_cairo_pdf,
                                       guint         *n_pages,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpSlides, tp_slides_unref)

G_END_DECLS
