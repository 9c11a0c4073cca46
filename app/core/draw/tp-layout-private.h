/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* TpLayout spans several files: tp-layout.c computes the geometry (with
 * tp-layout-curve.c for the emotion curves), tp-layout-hit.c answers what
 * is where, and tp-renderer.c reads it all directly, without an accessor
 * per field. */

#include <math.h>

#include "tp-layout.h"

G_BEGIN_DECLS

/* Inside a card. The layout sizes cards with these and the renderer
 * places their content with the same numbers. */
#define TP_CARD_PADDING      10.0
#define TP_CARD_RADIUS        8.0
/* Touchpoint cards: a row with the channel chip, channel name, moment-of-
 * truth star and score badge, then the title. */
#define TP_CARD_HEADER_HEIGHT 20.0
#define TP_CARD_HEADER_GAP     6.0
/* Action and thought cards: the title with the badge beside it. */
#define TP_CARD_BADGE_RESERVE 34.0
#define TP_CARD_STAR_RESERVE  20.0
#define TP_CARD_ACTION_BAR     6.0
#define TP_CARD_THOUGHT_TAIL   8.0
/* Employee-note and opportunity cards: header, text, caption. */
#define TP_CARD_NOTE_HEADER   18.0
#define TP_CARD_NOTE_GAP       4.0
#define TP_CARD_CAPTION       14.0
/* The cut corner of a blocker's card. */
#define TP_CARD_NOTCH          9.0
/* The employee lane's legend: margins around it, a line per entry at
 * least, labels wrapped at this width. */
#define TP_LAYOUT_LEGEND_TOP 12.0
#define TP_LAYOUT_LEGEND_GAP 10.0
#define TP_LAYOUT_LEGEND_BOTTOM 6.0
#define TP_LAYOUT_LEGEND_LINE 17.0
#define TP_LAYOUT_LEGEND_LABEL_WIDTH (TP_LAYOUT_LANE_HEADER_WIDTH - 14 - 22 - 8)
/* The most characters of one text that are laid out: more than 60 lines
 * of the narrowest card hold. */
#define TP_LAYOUT_MAX_TEXT_CHARS 4000
/* Where whole card texts stop: no page holds a card taller than this. */
#define TP_LAYOUT_MAX_WHOLE_LINES 60
/* The evidence mark: a glyph (an eye, a speech bubble, a question mark)
 * and, for reported evidence, the number of respondents beside it. */
#define TP_CARD_EVIDENCE_GLYPH 11.0
#define TP_CARD_EVIDENCE_GAP    4.0
/* The severity bars of a blocker and the strength dots of an enabler. */
#define TP_CARD_METER_WIDTH    14.0
#define TP_CARD_METER_GAP       4.0
/* Score badges. */
#define TP_BADGE_WIDTH        28.0
#define TP_BADGE_HEIGHT       18.0
/* The plot of an emotion-curve lane, inside TP_LAYOUT_CURVE_HEIGHT. */
#define TP_CURVE_PAD_TOP      32.0
#define TP_CURVE_PAD_BOTTOM   18.0

typedef enum {
  TP_TEXT_TITLE,          /* card titles: 10 pt, up to 3 lines */
  TP_TEXT_TITLE_ITALIC,   /* thoughts and feelings */
  TP_TEXT_BODY,           /* note and opportunity text: 9 pt, up to 3 lines */
  TP_TEXT_CAPTION,        /* 8 pt, one line */
  TP_TEXT_CAPTION_BOLD,
  TP_TEXT_BADGE,          /* numbers in badges and dots: bold 8 pt */
  TP_TEXT_STAGE,          /* stage names: bold 11 pt, one line */
  TP_TEXT_LANE,           /* lane names: bold 10 pt, up to 3 lines */
  TP_TEXT_HEADING,        /* journey title in the corner: bold 10 pt, 2 lines */
  TP_N_TEXT_STYLES
} TpTextStyle;

/* A measured piece of text. Shared by every card showing the same text in
 * the same style and width; kept across updates while something uses it,
 * and drawn with the very PangoLayout it was measured with. */
typedef struct {
  /* key */
  TpTextStyle  style;
  int          width;       /* Pango units; -1: no wrapping */
  char        *text;
  gboolean     whole;       /* every line, none elided (cards on paper) */
  PangoLanguage *language;  /* the journey's, for its line breaking; interned */
  /* measurement */
  PangoLayout *layout;
  double       text_width;
  double       height;
  int          n_lines;
  guint        generation;  /* of the last update that used it; G_MAXUINT: kept for good */
} TpLayoutText;

typedef enum {
  TP_CARD_TOUCHPOINT,
  TP_CARD_ACTION,
  TP_CARD_THOUGHT,
  TP_CARD_NOTE,
  TP_CARD_OPPORTUNITY,
} TpCardStyle;

typedef struct {
  TpElement    *element;  /* owned */
  TpCardStyle   style;
  guint         stage;
  guint         lane;
  TpRect        rect;
  TpLayoutText *text;     /* title, or the note's or opportunity's text */
  TpLayoutText *caption;  /* role and department, owner; or NULL */
  TpLayoutText *caption2; /* the causing department; status, priority and due date; or NULL */
  TpLayoutText *evidence; /* the number of respondents, or NULL */
  TpLayoutText *due;      /* an opportunity's due date, in its header row; or NULL */
  guint8        evidence_kind; /* TpEvidence; always none on opportunities */
  /* Employee notes on this touchpoint, for the overlay. */
  guint16       n_blockers;
  guint16       n_enablers;
} TpLayoutItem;

typedef struct {
  TpStage      *stage;    /* owned */
  double        x;
  double        width;
  TpLayoutText *name;
  TpLayoutText *meta;     /* "Average 7.6", or NULL when nothing is scored */
  double        average;  /* 0 when nothing is scored */
} TpLayoutColumn;

typedef struct {
  TpLane       *lane;     /* owned */
  TpLaneKind    kind;
  double        y;
  double        height;
  TpRect        plot;     /* curve lanes: the plot area; empty otherwise */
  GArray       *curve;    /* of TpCurvePoint, curve lanes only */
  GArray       *employee_curve;
  TpLayoutText *name;
} TpLayoutRow;

/* Key of a pre-drawn sprite; see tp-renderer.c. */
typedef struct {
  guint kind;
  guint params;
  guint palette;
  guint scale;  /* pixels per unit × 256 */
  guint width;  /* units × 16 */
} TpLayoutSpriteKey;

struct _TpLayout
{
  GObject parent_instance;

  TpJourney            *journey;
  /* Ids of the lanes left out (a set), or NULL when none are. */
  GHashTable           *hidden_lanes;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[TP_N_TEXT_STYLES];
  /* Cards hold their whole text (paper), not a few lines (screen). */
  gboolean              full_text;
  /* The journey's language (or the user's): texts break by its rules. */
  PangoLanguage        *language;
  /* The stage headers' height: TP_LAYOUT_STAGE_HEADER_HEIGHT on screen;
   * on paper as tall as the longest stage name or title needs. */
  double                header_height;

  /* TpLayoutText -> itself */
  GHashTable           *texts;
  guint                 generation;

  double                width;
  double                height;
  int                   good_enough;
  int                   moment_target;

  GArray               *columns;    /* of TpLayoutColumn */
  GArray               *rows;       /* of TpLayoutRow */
  /* Items grouped by cell (cell = lane * n_stages + stage), then in order. */
  GArray               *items;      /* of TpLayoutItem */
  guint                *cell_start; /* n_cells + 1 offsets into items */
  /* TpElement -> item index + 1 */
  GHashTable           *item_index;

  /* TpLayoutSpriteKey -> cairo_surface_t, for the renderer */
  GHashTable           *sprites;

  TpLayoutText         *heading;    /* journey title */
  TpLayoutText         *subheading; /* persona */

  /* While collecting new texts to measure together, or NULL. */
  GPtrArray            *deferred;
  /* The second measuring thread's context (its own font map), or NULL. */
  PangoContext         *worker_context;
};

#define tp_layout_column(self, i) (&g_array_index ((self)->columns, TpLayoutColumn, (i)))
#define tp_layout_row(self, i)    (&g_array_index ((self)->rows, TpLayoutRow, (i)))
#define tp_layout_item(self, i)   (&g_array_index ((self)->items, TpLayoutItem, (i)))

static inline guint
tp_layout_cell (TpLayout *self,
                guint     stage,
                guint     lane)
{
  return lane * self->columns->len + stage;
}

/* The y of @score in a curve lane's plot. */
static inline double
tp_layout_plot_y (const TpRect *plot,
                  double        score)
{
  score = CLAMP (score, TP_SCORE_MIN, TP_SCORE_MAX);
  return plot->y + plot->height * (TP_SCORE_MAX - score) / (TP_SCORE_MAX - TP_SCORE_MIN);
}

/* Cards are centred in their stage's column. */
static inline double
tp_layout_card_x (const TpLayoutColumn *column)
{
  return column->x + floor ((column->width - TP_LAYOUT_CARD_WIDTH) / 2);
}

/* The touchpoint @id names, if the layout shows it: NULL for none, for
 * an empty @id, and for a touchpoint in a hidden lane. */
static inline TpTouchpoint *
tp_layout_lookup_touchpoint (TpLayout   *self,
                             const char *id)
{
  TpTouchpoint *tp = *id != '\0' ? tp_journey_lookup_touchpoint (self->journey, id) : NULL;

  if (tp != NULL && self->hidden_lanes != NULL
      && g_hash_table_contains (self->hidden_lanes, tp_touchpoint_get_lane_id (tp)))
    return NULL;
  return tp;
}

/* The departments of all employee notes, as tp_journey_list_departments()
 * lists them: the legend's entries and the colours' order. */
GPtrArray    *tp_layout_list_departments (TpLayout    *self);

/* The index stored for @id in @ids (id -> index); G_MAXUINT when none. */
guint         tp_layout_lookup_index     (GHashTable  *ids,
                                          const char  *id);
/* The curve lanes' points and the columns' averages, once the cards are
 * placed; @stage_ids maps stage ids to column indexes. */
void          tp_layout_place_curves     (TpLayout    *self,
                                          GHashTable  *stage_ids);

/* The badge rect of an item; see tp_layout_get_badge_rect(). */
gboolean      tp_layout_item_get_badge_rect (TpLayoutItem *item,
                                             TpRect       *rect);
/* Where the parts of a card go (tp-layout-card.c): the renderer draws
 * there and the layout measured them so, so nothing overlaps. */
/* The evidence mark; FALSE when the card states none. */
gboolean      tp_layout_item_get_evidence_rect (TpLayoutItem *item,
                                                TpRect       *rect);
/* Its width: the glyph, and the count beside it. 0 when none. */
double        tp_layout_item_get_evidence_width (const TpLayoutItem *item);
/* An opportunity's due date, at the right of its header row. */
gboolean      tp_layout_item_get_due_rect   (TpLayoutItem *item,
                                             TpRect       *rect);
/* The label in a header row: a touchpoint's channel name, a note's kind;
 * FALSE for cards without one. */
gboolean      tp_layout_item_get_header_label_rect (TpLayoutItem *item,
                                                    TpRect       *rect);
/* The title, or a note's or opportunity's text, as measured. */
void          tp_layout_item_get_text_rect  (TpLayoutItem *item,
                                             TpRect       *rect);
/* The caption lines at the bottom; FALSE when absent. */
/* How far down from its top a lane's header has text: its name, and the
 * employee lane's legend. */
double        tp_layout_get_row_header_height (TpLayout *self,
                                               guint     lane);
/* A legend entry's label (whole on paper) and the room its line takes. */
TpLayoutText *tp_layout_get_legend_label (TpLayout           *self,
                                          const char         *text);
double        tp_layout_legend_step      (const TpLayoutText *label);
/* What lines after the first add to a text's height (0 for one line). */
static inline double
tp_layout_text_extra_lines_height (const TpLayoutText *text)
{
  return text->n_lines > 1 ? text->height * (text->n_lines - 1) / text->n_lines : 0;
}

/* A caption's height on its card: a line at least, all its lines on paper. */
double        tp_layout_caption_height  (const TpLayoutText *caption);
gboolean      tp_layout_item_get_caption_rect (TpLayoutItem *item,
                                               guint         line,
                                               TpRect       *rect);
/* A blocker's severity bars or an enabler's strength dots (0: none). */
int           tp_layout_item_get_meter      (const TpLayoutItem *item);

/* A short label in @style, measured once and kept for the life of the
 * layout (badge numbers, channel names, guide labels). @width <= 0: no
 * wrapping or ellipsizing. */
/* Below this many new card texts, measuring stays on one thread (tests
 * set it to compare). */
void          tp_layout_set_parallel_min_texts (guint n);

TpLayoutText *tp_layout_get_label        (TpLayout    *self,
                                          TpTextStyle  style,
                                          double       width,
                                          const char  *text);
/* The stages and lanes whose column / row intersect [@from, @to), as a
 * half-open index range; @first == @last when none. */
void          tp_layout_get_column_range (TpLayout    *self,
                                          double       from,
                                          double       to,
                                          guint       *first,
                                          guint       *last);
void          tp_layout_get_row_range    (TpLayout    *self,
                                          double       from,
                                          double       to,
                                          guint       *first,
                                          guint       *last);
/* The items of a cell whose vertical extent intersects [@from, @to). */
void          tp_layout_get_cell_range   (TpLayout    *self,
                                          guint        cell,
                                          double       from,
                                          double       to,
                                          guint       *first,
                                          guint       *last);
/* Index range of curve points whose x is within [@from, @to]. */
void          tp_layout_get_curve_range  (GArray      *curve,
                                          double       from,
                                          double       to,
                                          guint       *first,
                                          guint       *last);

G_END_DECLS
