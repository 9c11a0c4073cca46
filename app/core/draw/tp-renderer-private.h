/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "tp-analysis.h"
#include "tp-layout-private.h"
#include "tp-render-backend.h"
#include "tp-render-glyphs.h"
#include "tp-renderer.h"

G_BEGIN_DECLS

/* The renderer's insides, shared by its files: tp-renderer.c (colours,
 * sprites, the body and the entry points), tp-renderer-cards.c (cards,
 * badges, markers), tp-renderer-curve.c (emotion curves) and
 * tp-renderer-headers.c (lane and stage headers, legends, the corner). */

/* Colours */

typedef struct {
  double r, g, b, a;
} Rgba;

typedef struct {
  Rgba background;
  Rgba header;            /* lane header column, stage header row */
  Rgba band[2];           /* stage chevrons, alternating */
  Rgba lane_tint;         /* every other lane */
  Rgba grid;
  Rgba text;
  Rgba text_dim;
  Rgba card;
  Rgba card_border;
  Rgba shadow;
  Rgba action_bar;
  Rgba thought;
  Rgba thought_border;
  Rgba chip_online;
  Rgba chip_online_fg;
  Rgba chip_offline;
  Rgba chip_offline_fg;
  Rgba blocker;
  Rgba blocker_border;
  Rgba blocker_accent;
  Rgba enabler;
  Rgba enabler_border;
  Rgba enabler_accent;
  Rgba opportunity;
  Rgba opportunity_border;
  Rgba opportunity_accent;
  Rgba badge_none;
  Rgba accent;
  Rgba curve;
  Rgba curve_fill;
  Rgba employee;
  Rgba guide_good;
  Rgba guide_target;
  Rgba zone_target;
  Rgba zone_low;
  Rgba gold;
  Rgba gold_dark;
  Rgba on_dark;           /* text on saturated fills */
  Rgba on_light;
} Palette;

/* Rendering state for one call */

typedef struct {
  cairo_t               *cr;
  /* Paints what cr holds: every painting call goes through it. */
  TpRenderBackend       *backend;
  TpLayout              *layout;
  const TpRenderOptions *options;
  const Palette         *pal;
  TpPalette              palette;
  TpRect                 visible;
  double                 zoom;
  gboolean               simplified;
  gboolean               interactive;  /* hover, selection, drop: not on paper */
  gboolean               draw_text;    /* headers: text large enough to read */
  /* Raster targets reuse pre-drawn sprites; vector ones (PDF, SVG) get
   * every shape as paths. */
  gboolean               raster;
  /* tp_renderer_draw_cards() has filled every card's back and border already. */
  gboolean               backs_drawn;
  /* Text wholly outside the visible rectangle is left out (tp_render_journey()). */
  gboolean               cull_text;
  /* The backend keeps groups (SVG): lanes, stages and cards each get one,
   * and cards are drawn one by one. */
  gboolean               groups;
  double                 device_scale; /* the target's, for HiDPI */
  double                 pixel_scale;  /* device pixels per document unit */
  /* The employee notes' departments: key -> GUINT_TO_POINTER (index + 1),
   * and their display names in legend order. */
  GHashTable            *departments;
  GPtrArray             *department_names;
  /* With the overlay on: TpTouchpoint -> NoteMarks packed in a pointer,
   * from the notes of the departments shown. */
  GHashTable            *note_marks;
} Ctx;

/* A touchpoint's markers: how many blockers and enablers of the shown
 * departments, and the department (index + 1, 0 for none) of the first
 * of each. */
typedef union {
  struct {
    guint8 n_blockers;
    guint8 n_enablers;
    guint8 blocker_department;
    guint8 enabler_department;
  } m;
  guint32 packed;
} NoteMarks;

static inline void
set_source (cairo_t    *cr,
            const Rgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

/* The department index + 1 of an employee note, or 0. */
static inline guint
note_department (Ctx            *ctx,
                 TpEmployeeNote *note)
{
  g_autofree char *key = tp_department_key (tp_employee_note_get_department (note));

  if (key == NULL || ctx->departments == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->departments, key));
}

static inline gboolean
note_hidden (Ctx            *ctx,
             TpEmployeeNote *note)
{
  g_autofree char *key = NULL;

  if (ctx->options->hidden_departments == NULL || g_hash_table_size (ctx->options->hidden_departments) == 0)
    return FALSE;
  key = tp_department_key (tp_employee_note_get_department (note));
  return key != NULL && g_hash_table_contains (ctx->options->hidden_departments, key);
}

static inline void
set_department_source (Ctx   *ctx,
                       guint  index)
{
  double rgb[3];

  tp_department_color (index, ctx->palette, rgb);
  cairo_set_source_rgb (ctx->cr, rgb[0], rgb[1], rgb[2]);
}

static inline void
set_score_source (Ctx *ctx,
                  int  score)
{
  double rgb[3];

  tp_score_color (score, ctx->palette, rgb);
  cairo_set_source_rgb (ctx->cr, rgb[0], rgb[1], rgb[2]);
}

/* White or dark text, whichever reads on the score's colour. */
static inline const Rgba *
on_score (Ctx *ctx,
          int  score)
{
  double rgb[3];

  tp_score_color (score, ctx->palette, rgb);
  return tp_color_wants_dark_text (rgb) ? &ctx->pal->on_light : &ctx->pal->on_dark;
}

static inline void
show_text (Ctx                *ctx,
           const TpLayoutText *text,
           double              x,
           double              y,
           const Rgba         *color)
{
  if (ctx->cull_text)
    {
      /* Text outside the clip leaves no mark, but a PDF writer may still
       * write it (cairo's leaves out what its glyphs' ink puts outside the
       * clip; ours would write it), and text tools would find it on a page
       * that does not show it. So it is left out here, for every target
       * alike: by its lines' box (its wrap width when centred or aligned
       * right) when that is well inside or outside, else by its ink. */
      const double slack = 4;
      double width = MAX (text->text_width, text->width > 0 ? text->width / (double) PANGO_SCALE : 0);
      TpRect box = TP_RECT_INIT (x - slack, y - slack, width + 2 * slack, text->height + 2 * slack);
      TpRect inner = tp_rect_inset (&ctx->visible, slack, slack);

      if (!tp_rect_intersects (&box, &ctx->visible))
        return;
      if (!tp_rect_contains_rect (&inner, &box))
        {
          PangoRectangle ink;
          TpRect ink_box;

          pango_layout_get_extents (text->layout, &ink, NULL);
          ink_box = TP_RECT_INIT (x + ink.x / (double) PANGO_SCALE, y + ink.y / (double) PANGO_SCALE,
                                  ink.width / (double) PANGO_SCALE, ink.height / (double) PANGO_SCALE);
          if (!tp_rect_intersects (&ink_box, &ctx->visible))
            return;
        }
    }
  set_source (ctx->cr, color);
  cairo_move_to (ctx->cr, x, y);
  tp_render_backend_show_layout (ctx->backend, ctx->cr, text->layout);
}

static inline const char *
score_label (int score)
{
  static const char *labels[] = { "–", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" };

  return labels[CLAMP (score, 0, TP_SCORE_MAX)];
}

static inline gboolean
is_selected (Ctx       *ctx,
             TpElement *element)
{
  return ctx->interactive && ctx->options->selection != NULL
         && g_hash_table_contains (ctx->options->selection, element);
}

static inline double
clamp_line (Ctx    *ctx,
            double  width)
{
  /* Hairlines stay visible when zoomed out: at least ~0.8 device pixels. */
  return MAX (width, 0.8 / ctx->zoom);
}

static inline void
set_dash (Ctx    *ctx,
          double  on,
          double  off,
          double  from_x)
{
  double dashes[2] = { on, off };

  /* Phase from x = 0 so dashes do not crawl while scrolling. */
  cairo_set_dash (ctx->cr, dashes, 2, fmod (from_x, on + off));
}

/* Sprites: small pieces that repeat on every card (channel chip and name,
 * score badge, star, employee markers). On raster targets each is drawn
 * once per look and scale, then copied at whole pixels: a stroked
 * pictogram costs cairo more than a hundred copies of it. Vector targets
 * get the same drawing functions directly, so both look the same. */

typedef enum {
  SPRITE_HEADER,
  SPRITE_BADGE,
  SPRITE_STAR,
  SPRITE_MARKER,
} SpriteKind;

/* Draws sprite @kind with @params into @bounds, in document units. */
typedef void (*SpriteFunc) (Ctx          *ctx,
                            const TpRect *bounds,
                            guint         params);

/* A score below the journey's good enough: drawn square (badges) and as
 * squares (curve dots), not round, so grey print tells it apart. */
static inline gboolean
tp_renderer_score_is_low (Ctx *ctx,
                          int  score)
{
  return score > 0 && score < ctx->layout->good_enough;
}

/* A group named @prefix and @element's id, when the backend keeps them. */
static inline void
tp_renderer_begin_group (Ctx        *ctx,
                         const char *prefix,
                         TpElement  *element,
                         const char *class_name)
{
  g_autofree char *id = NULL;

  if (!ctx->groups)
    return;
  id = g_strconcat (prefix, tp_element_get_id (element), NULL);
  tp_render_backend_begin_group (ctx->backend, ctx->cr, id, class_name);
}

static inline void
tp_renderer_end_group (Ctx *ctx)
{
  if (ctx->groups)
    tp_render_backend_end_group (ctx->backend, ctx->cr);
}

/* tp-renderer.c */
/* The lowest contrast of any text colour of @palette on what it is drawn
 * on, and (when @which is not NULL) which pair that is; for tests. */
double tp_renderer_worst_text_contrast (TpPalette    palette,
                                        const char **which);
void tp_renderer_draw_sprite          (Ctx                *ctx,
                                       SpriteKind          kind,
                                       guint               params,
                                       const TpRect       *bounds,
                                       SpriteFunc          func);

/* tp-renderer-cards.c */
/* An employee-note marker: @params is 1 for a blocker (else an enabler)
 * plus the department's index + 1 shifted left by one. */
void tp_renderer_marker_sprite        (Ctx                *ctx,
                                       const TpRect       *bounds,
                                       guint               params);
void tp_renderer_draw_card            (Ctx                *ctx,
                                       const TpLayoutItem *item,
                                       double              dx,
                                       double              dy,
                                       gboolean            lifted);
void tp_renderer_draw_cards           (Ctx                *ctx);
/* With groups: the cards of lane @lane, each in its group. */
void tp_renderer_draw_lane_cards      (Ctx                *ctx,
                                       guint               lane);

/* tp-renderer-curve.c */
void tp_renderer_draw_curve_lane      (Ctx                *ctx,
                                       TpLayoutRow        *row);

/* tp-renderer-headers.c */
void tp_renderer_draw_lane_headers    (Ctx                *ctx);
/* The lane header column without names; FALSE when it is not visible. */
gboolean tp_renderer_draw_lane_header_column (Ctx             *ctx);
/* A lane's name, legend and curve guide labels. */
void tp_renderer_draw_lane_header     (Ctx                *ctx,
                                       TpLayoutRow        *row);
void tp_renderer_draw_stage_headers   (Ctx                *ctx);
void tp_renderer_draw_corner          (Ctx                *ctx);

G_END_DECLS
