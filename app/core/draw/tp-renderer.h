/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tp-colors.h"
#include "tp-department.h"
#include "tp-layout.h"

G_BEGIN_DECLS

/* The one drawing path. The canvas, PNG/SVG/PDF export and printing all
 * call tp_render_journey() on a cairo_t whose user space is document
 * units; the caller sets the scale and translation for zoom, scrolling,
 * page placement or export resolution. Text goes through Pango, so it
 * stays text (selectable, searchable) in PDF and SVG. */

/* Which parts to draw, so a canvas can keep headers pinned while the
 * body scrolls: draw the body scrolled, then the headers on top. */
typedef enum {
  TP_RENDER_BODY          = 1 << 0, /* background, grid, cells, cards, curves */
  TP_RENDER_STAGE_HEADERS = 1 << 1,
  TP_RENDER_LANE_HEADERS  = 1 << 2,
  TP_RENDER_CORNER        = 1 << 3, /* journey title and persona */
  TP_RENDER_ALL           = 0xf,
} TpRenderParts;

/* Below this zoom cards are drawn as plain coloured blocks without text:
 * nobody can read 4 px text, and thousands of blocks draw fast. */
#define TP_RENDER_SIMPLIFY_ZOOM 0.4

typedef struct {
  TpPalette      palette;
  TpRenderParts  parts;
  /* Document units to draw; items outside it are skipped. An empty rect
   * means "the cairo clip", which is the whole target when unclipped. */
  TpRect         visible;
  /* Device pixels per document unit; decides simplified drawing and
   * keeps hairlines visible. 0: the scale of the cairo matrix (and the
   * target's device scale), which is right unless the caller draws into
   * something that will be scaled again later. */
  double         zoom;
  /* TpElement set (keys) of selected cards, stages and lanes (their
   * headers); NULL for none. Screen only: never in the print palette. */
  GHashTable    *selection;
  TpElement     *hover;          /* screen only */
  /* A card being dragged: left out, the canvas draws it on top with
   * tp_render_card(). */
  TpElement     *hidden;
  /* Employee notes' markers on their touchpoints' cards and the employee
   * line in emotion-curve lanes. */
  gboolean       show_employee_overlay;
  /* Findings on cards: TpElement (key) -> GINT_TO_POINTER (TpSeverity)
   * of the most urgent finding about it; warning and critical ones get a
   * dot in the card's top right corner. Screen only; NULL for none. */
  GHashTable    *finding_marks;
  /* Departments (keys from tp_department_key()) whose employee notes are
   * dimmed; NULL or empty for none. */
  GHashTable    *hidden_departments;
  /* Drag feedback: an accent line at drop.indicator. Screen only. */
  gboolean       show_drop;
  TpLayoutDrop   drop;
  /* Leave the page undrawn: no background behind the grid and the stage
   * and corner headers, no lane stripes; cards, headers' own panels,
   * lines and text as always. For transparent images. */
  gboolean       skip_background;
} TpRenderOptions;

/* Defaults: light palette, all parts, zoom from the cairo matrix,
 * employee overlay on, nothing selected, hovered, hidden or dropped. */
void tp_render_options_init    (TpRenderOptions       *options);

void tp_render_journey         (cairo_t               *cr,
                                TpLayout              *layout,
                                const TpRenderOptions *options);

/* Draws one card at its layout position moved by (@dx, @dy), as lifted
 * (with a raised shadow): drag feedback over a cached scene. */
void tp_render_card            (cairo_t               *cr,
                                TpLayout              *layout,
                                TpElement             *element,
                                const TpRenderOptions *options,
                                double                 dx,
                                double                 dy);

/* The drop indicator alone, for the same cached-scene drawing. */
void tp_render_drop_indicator  (cairo_t               *cr,
                                const TpLayoutDrop    *drop,
                                const TpRenderOptions *options);

G_END_DECLS
