/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "tp-slides.h"

G_BEGIN_DECLS

/* What tp-slides.c (the deck: which slide shows what) and
 * tp-slides-draw.c (placing and painting) share. */

#define SLIDE_MARGIN 64.0
#define SLIDE_GAP 24.0
/* The header of a stage slide ends here, the curve band starts there. */
#define SLIDE_BAND_HEIGHT 226.0

typedef struct {
  TpSlideKind kind;
  guint       stage;       /* stage slides */
  guint       part;        /* 0-based continuation of a long stage */
  guint       n_parts;
  GPtrArray  *cards;       /* TpTouchpoint: touchpoints proper */
  GPtrArray  *side;        /* TpTouchpoint (actions, thoughts) and TpEmployeeNote */
  double      title_size;  /* of the cards' titles */
  double      side_width;  /* the right column */
} TpSlide;

/* A point of the emotion curve: a scored card of any kind, as the map
 * draws the curve. */
typedef struct {
  guint         stage;
  guint         slot;      /* among the stage's points */
  TpTouchpoint *card;
} TpSlidePoint;

struct _TpSlides {
  gint             ref_count;
  TpJourney       *journey;
  gboolean         show_employee_layer;
  gboolean         dark;
  GHashTable      *hidden_departments; /* owned copy, or NULL */
  PangoContext    *context;
  GPtrArray       *stages;         /* TpStage, in order */
  GPtrArray       *slides;         /* TpSlide */
  GArray          *points;         /* TpSlidePoint */
  guint           *stage_points;   /* points per stage */
  GPtrArray       *findings;       /* TpFinding: critical and warnings */
  GPtrArray       *opportunities;  /* TpOpportunity: open, by priority */
  GPtrArray       *departments;    /* of the notes, for their colours */
  gboolean         stage_labels_numbers;
};

/* Measuring and drawing are one pass: with @cr NULL nothing is painted. */
typedef struct {
  TpSlides *deck;
  cairo_t  *cr;
  GArray   *items;
  gboolean  overflow;      /* measuring: something did not fit */
} TpSlideCanvas;

/* Heights, for the deck to decide what fits on a slide. */
double tp_slides_measure_cards (TpSlides  *deck,
                                GPtrArray *cards,
                                double     title_size,
                                double     width);
double tp_slides_measure_side  (TpSlides  *deck,
                                GPtrArray *side,
                                double     width);
/* The room stage slides give their cards and their side column. */
void   tp_slides_stage_areas   (TpSlides  *deck,
                                TpSlide   *slide,
                                TpRect    *cards,
                                TpRect    *side);
void   tp_slides_paint         (TpSlideCanvas *canvas,
                                guint          index);
void   tp_slides_paint_background (TpSlides   *deck,
                                   cairo_t    *cr);
gboolean tp_slides_stage_names_fit (TpSlides  *deck);

G_END_DECLS
