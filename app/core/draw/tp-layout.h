/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "tp-journey.h"
#include "tp-rect.h"

G_BEGIN_DECLS

/* The geometry of a journey map, in document units: 1 unit is 1 px at
 * 100 % zoom and 1 pt in a PDF. The canvas, the exporters and printing
 * all draw from one TpLayout with tp_render_journey(), so what is on
 * screen is what prints.
 *
 * The map is a grid: a column of lane headers on the left, a row of
 * stage headers on top, and one cell per stage × lane. Cells stack
 * their cards (touchpoints; employee notes in the first employee lane;
 * opportunities in the first opportunities lane) top to bottom in list
 * order. An emotion-curve lane plots the scored touchpoints.
 *
 * The layout does not watch the journey: call tp_layout_update() after a
 * change (the canvas does so on TpJourney::changed, once per frame). Until
 * then it keeps references to the elements it placed, so queries never
 * return freed pointers. */

#define TP_LAYOUT_LANE_HEADER_WIDTH   160.0
#define TP_LAYOUT_STAGE_HEADER_HEIGHT  48.0
#define TP_LAYOUT_CARD_WIDTH          200.0
/* A stage column widens for a long name up to this. */
#define TP_LAYOUT_MAX_COLUMN_WIDTH    360.0
/* Room either side of the cards in a stage column. */
#define TP_LAYOUT_COLUMN_PADDING       12.0
/* Room above the first and below the last card of a cell. */
#define TP_LAYOUT_CELL_PADDING         12.0
/* Vertical space between two cards of a cell. */
#define TP_LAYOUT_CARD_GAP             10.0
#define TP_LAYOUT_MIN_LANE_HEIGHT      88.0
/* Height of the plot in an emotion-curve lane. */
#define TP_LAYOUT_CURVE_HEIGHT        180.0
/* Radius of a curve dot when there is room for its number, and when not. */
#define TP_LAYOUT_DOT_RADIUS            9.0
#define TP_LAYOUT_SMALL_DOT_RADIUS      3.5
/* Titles wrap to at most this many lines, then ellipsize. */
#define TP_LAYOUT_MAX_TITLE_LINES       3

typedef enum {
  TP_LAYOUT_HIT_NONE,
  TP_LAYOUT_HIT_STAGE_HEADER,
  TP_LAYOUT_HIT_LANE_HEADER,
  TP_LAYOUT_HIT_CELL,
  TP_LAYOUT_HIT_TOUCHPOINT,
  TP_LAYOUT_HIT_CURVE_DOT,
  TP_LAYOUT_HIT_EMPLOYEE_NOTE,
  TP_LAYOUT_HIT_OPPORTUNITY,
} TpLayoutHitKind;

/* What is under a point. Pointers are borrowed from the layout and stay
 * valid until its next tp_layout_update(). */
typedef struct {
  TpLayoutHitKind kind;
  /* The card's element, the dot's touchpoint, the header's stage or lane;
   * NULL for a cell or nothing. */
  TpElement *element;
  /* The stage and lane of the cell, dot or card, or of the header
   * (a stage header has no lane, a lane header no stage). */
  TpStage   *stage;
  TpLane    *lane;
  guint      stage_index; /* G_MAXUINT when there is no stage */
  guint      lane_index;  /* G_MAXUINT when there is no lane */
} TpLayoutHit;

/* Where a touchpoint dropped at a point would go. */
typedef struct {
  TpStage      *stage;
  TpLane       *lane;
  guint         stage_index;
  guint         lane_index;
  /* Position among the touchpoint cards of the cell: insert before the
   * card at @index; the number of cards means "at the end". */
  guint         index;
  /* That card, or NULL at the end of the cell. */
  TpTouchpoint *before;
  /* A thin rectangle between two cards, where feedback goes. */
  TpRect        indicator;
} TpLayoutDrop;

/* One point of an emotion curve, in journey order. */
typedef struct {
  TpElement *element;   /* a TpTouchpoint, or a TpEmployeeNote on the employee line */
  int        score;
  double     x;
  double     y;
  double     radius;    /* as drawn; big enough for the number, or small when crowded */
} TpCurvePoint;

#define TP_TYPE_LAYOUT (tp_layout_get_type ())
G_DECLARE_FINAL_TYPE (TpLayout, tp_layout, TP, LAYOUT, GObject)

/* Lays out @journey, measuring text with @font_map (NULL: the default
 * PangoCairo font map; works without a display). Text metrics are
 * unhinted so that the geometry does not depend on the zoom or on the
 * output (screen, PNG, PDF). */
TpLayout   *tp_layout_new                 (TpJourney    *journey,
                                           PangoFontMap *font_map);
/* Like tp_layout_new(), leaving out the lanes whose ids are in
 * @hidden_lanes (NULL-terminated; NULL or empty: none): their rows and the
 * cards placed in them. Layers hide cards, not data: the emotion curve,
 * the stages' averages, the employee line and legend, and the notes and
 * opportunities about a hidden card (in its stage's column) stay as with
 * every lane shown. For outputs (layers); the canvas shows every lane. */
TpLayout   *tp_layout_new_full            (TpJourney          *journey,
                                           PangoFontMap       *font_map,
                                           const char * const *hidden_lanes);
/* A context whose metrics are unhinted (NULL: the default font map): text
 * breaks into the same lines at every scale and on every output. */
PangoContext *tp_pango_context_new_unhinted (PangoFontMap *font_map);

/* For paper (exports, printing): cards grow to hold their whole texts, so
 * no word is elided; the screen's layout keeps compact cards. */
TpLayout   *tp_layout_new_for_paper       (TpJourney          *journey,
                                           PangoFontMap       *font_map,
                                           const char * const *hidden_lanes);
/* Recomputes the geometry after the journey changed. Text that did not
 * change keeps its measurement, so this is cheap after an edit. */
void        tp_layout_update              (TpLayout     *self);

TpJourney  *tp_layout_get_journey         (TpLayout     *self);
/* The context text is measured (and drawn) with. */
PangoContext *tp_layout_get_context       (TpLayout     *self);
void        tp_layout_get_size            (TpLayout     *self,
                                           double       *width,
                                           double       *height);

/* The height of the stage headers at the top: TP_LAYOUT_STAGE_HEADER_HEIGHT,
 * or more on paper, where stage names and the title wrap whole. */
double      tp_layout_get_header_height   (TpLayout     *self);
guint       tp_layout_get_n_stages        (TpLayout     *self);
guint       tp_layout_get_n_lanes         (TpLayout     *self);
/* The whole column of a stage, its header included. */
gboolean    tp_layout_get_stage_rect      (TpLayout     *self,
                                           guint         stage_index,
                                           TpRect       *rect);
/* The top of the column, tp_layout_get_header_height() high. */
gboolean    tp_layout_get_stage_header_rect (TpLayout   *self,
                                           guint         stage_index,
                                           TpRect       *rect);
/* The whole row of a lane, its header included. */
gboolean    tp_layout_get_lane_rect       (TpLayout     *self,
                                           guint         lane_index,
                                           TpRect       *rect);
/* The left TP_LAYOUT_LANE_HEADER_WIDTH of the row. */
gboolean    tp_layout_get_lane_header_rect (TpLayout    *self,
                                           guint         lane_index,
                                           TpRect       *rect);
gboolean    tp_layout_get_cell_rect       (TpLayout     *self,
                                           guint         stage_index,
                                           guint         lane_index,
                                           TpRect       *rect);

/* The card of a touchpoint, employee note or opportunity. FALSE when the
 * element has no card: notes when there is no employee lane, opportunities
 * when there is no opportunities lane. (Touchpoints placed in an
 * emotion-curve lane get cards above its plot.) */
gboolean    tp_layout_get_card_rect       (TpLayout     *self,
                                           TpElement    *element,
                                           TpRect       *rect);
/* The score badge on a card, for drawing and for clicking to edit the
 * score. FALSE when the card shows none: touchpoint cards always have one
 * (a dash when unscored); action, thought and note cards only when scored;
 * opportunity cards never. */
gboolean    tp_layout_get_badge_rect      (TpLayout     *self,
                                           TpElement    *element,
                                           TpRect       *rect);
/* The evidence mark on a card (an eye for observed, a speech bubble with
 * the number of respondents for reported, a question mark for assumed);
 * FALSE when the card states no evidence. It sits in the card's header
 * row, clear of its text. */
gboolean    tp_layout_get_evidence_rect   (TpLayout     *self,
                                           TpElement    *element,
                                           TpRect       *rect);
/* The cards of one cell, in order (borrowed elements). */
guint       tp_layout_get_cell_n_cards    (TpLayout     *self,
                                           guint         stage_index,
                                           guint         lane_index);
TpElement  *tp_layout_get_cell_card       (TpLayout     *self,
                                           guint         stage_index,
                                           guint         lane_index,
                                           guint         card_index,
                                           TpRect       *rect);

/* The plot area of an emotion-curve lane; FALSE for other lanes. */
gboolean    tp_layout_get_curve_rect      (TpLayout     *self,
                                           guint         lane_index,
                                           TpRect       *rect);
/* The y of @score (1..10, fractions allowed) in the plot of a curve lane. */
double      tp_layout_score_to_y          (TpLayout     *self,
                                           guint         lane_index,
                                           double        score);
/* The customer's curve in a curve lane: one point per scored touchpoint,
 * in journey order (stage order, then list order). NULL for other lanes. */
const TpCurvePoint *tp_layout_get_curve   (TpLayout     *self,
                                           guint         lane_index,
                                           guint        *n_points);
/* The employee's line: one point per scored employee note, by x. */
const TpCurvePoint *tp_layout_get_employee_curve (TpLayout *self,
                                           guint         lane_index,
                                           guint        *n_points);

/* What is at (@x, @y) in document units. A curve dot counts within its
 * radius plus @tolerance, which the caller gives in document units so
 * that it stays the same on screen at any zoom (8 px / zoom). */
TpLayoutHit tp_layout_hit_test            (TpLayout     *self,
                                           double        x,
                                           double        y,
                                           double        tolerance);
/* Elements whose card intersects @rect, in drawing order (new refs):
 * touchpoints, employee notes and opportunities. For rubber-band
 * selection. */
GPtrArray  *tp_layout_items_in_rect       (TpLayout     *self,
                                           const TpRect *rect);
/* Where a touchpoint dragged to (@x, @y) would be dropped; FALSE when the
 * point is not in a cell. */
gboolean    tp_layout_get_drop_position   (TpLayout     *self,
                                           double        x,
                                           double        y,
                                           TpLayoutDrop *drop);

G_END_DECLS
