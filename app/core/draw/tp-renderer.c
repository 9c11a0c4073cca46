/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-analysis.h"
#include "tp-layout-private.h"
#include "tp-pdf.h"
#include "tp-render-glyphs.h"
#include "tp-renderer.h"

/* Colours */

typedef struct {
  double r, g, b, a;
} Rgba;

#define HEX(h, alpha) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0, (alpha) }

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

/* Adwaita's named colours: blue 3 #3584e4, red 3 #e01b24, yellow 5
 * #e5a50a, green 5 #26a269, purple 3 #9141ac, and the dark greys. */
static const Palette palettes[] = {
  [TP_PALETTE_LIGHT] = {
    .background = HEX (0xf6f5f4, 1), .header = HEX (0xebeaea, 1),
    .band = { HEX (0xdde8f7, 1), HEX (0xcfdff4, 1) },
    .lane_tint = HEX (0x000000, 0.025), .grid = HEX (0x000000, 0.10),
    .text = HEX (0x1e1e1e, 1), .text_dim = HEX (0x000000, 0.55),
    .card = HEX (0xffffff, 1), .card_border = HEX (0x000000, 0.14), .shadow = HEX (0x000000, 0.07),
    .action_bar = HEX (0x3584e4, 1),
    .thought = HEX (0xf6f0fa, 1), .thought_border = HEX (0x9141ac, 0.35),
    .chip_online = HEX (0x3584e4, 0.15), .chip_online_fg = HEX (0x1a5fb4, 1),
    .chip_offline = HEX (0x000000, 0.07), .chip_offline_fg = HEX (0x5e5c64, 1),
    .blocker = HEX (0xfdeced, 1), .blocker_border = HEX (0xe01b24, 0.45), .blocker_accent = HEX (0xc01c28, 1),
    .enabler = HEX (0xe8f6ed, 1), .enabler_border = HEX (0x26a269, 0.45), .enabler_accent = HEX (0x1e8553, 1),
    .opportunity = HEX (0xfff6d0, 1), .opportunity_border = HEX (0xe5a50a, 0.6),
    .opportunity_accent = HEX (0x946300, 1),
    .badge_none = HEX (0x000000, 0.08),
    .accent = HEX (0x3584e4, 1), .curve = HEX (0x1c71d8, 1), .curve_fill = HEX (0x3584e4, 0.08),
    .employee = HEX (0x9141ac, 1),
    .guide_good = HEX (0x5e5c64, 0.9), .guide_target = HEX (0x26a269, 1),
    .zone_target = HEX (0x26a269, 0.06), .zone_low = HEX (0xe01b24, 0.035),
    .gold = HEX (0xf5c211, 1), .gold_dark = HEX (0xb57c00, 1),
    .on_dark = HEX (0xffffff, 1), .on_light = HEX (0x1e1e1e, 1),
  },
  [TP_PALETTE_DARK] = {
    .background = HEX (0x242424, 1), .header = HEX (0x2e2e2e, 1),
    .band = { HEX (0x27405f, 1), HEX (0x2d4a6e, 1) },
    .lane_tint = HEX (0xffffff, 0.025), .grid = HEX (0xffffff, 0.09),
    .text = HEX (0xffffff, 0.92), .text_dim = HEX (0xffffff, 0.55),
    .card = HEX (0x383838, 1), .card_border = HEX (0xffffff, 0.10), .shadow = HEX (0x000000, 0.35),
    .action_bar = HEX (0x62a0ea, 1),
    .thought = HEX (0x3b3341, 1), .thought_border = HEX (0xc061cb, 0.45),
    .chip_online = HEX (0x3584e4, 0.30), .chip_online_fg = HEX (0x99c1f1, 1),
    .chip_offline = HEX (0xffffff, 0.08), .chip_offline_fg = HEX (0xc0bfbc, 1),
    .blocker = HEX (0x4a2a2d, 1), .blocker_border = HEX (0xf66151, 0.5), .blocker_accent = HEX (0xf66151, 1),
    .enabler = HEX (0x25402f, 1), .enabler_border = HEX (0x57e389, 0.4), .enabler_accent = HEX (0x57e389, 1),
    .opportunity = HEX (0x463c17, 1), .opportunity_border = HEX (0xf8e45c, 0.45),
    .opportunity_accent = HEX (0xf8e45c, 1),
    .badge_none = HEX (0xffffff, 0.10),
    .accent = HEX (0x3584e4, 1), .curve = HEX (0x62a0ea, 1), .curve_fill = HEX (0x62a0ea, 0.12),
    .employee = HEX (0xdc8add, 1),
    .guide_good = HEX (0xc0bfbc, 0.9), .guide_target = HEX (0x57e389, 1),
    .zone_target = HEX (0x57e389, 0.06), .zone_low = HEX (0xf66151, 0.05),
    .gold = HEX (0xf8e45c, 1), .gold_dark = HEX (0xe5a50a, 1),
    .on_dark = HEX (0xffffff, 1), .on_light = HEX (0x1e1e1e, 1),
  },
  [TP_PALETTE_PRINT] = {
    .background = HEX (0xffffff, 1), .header = HEX (0xf2f2f2, 1),
    .band = { HEX (0xdde8f7, 1), HEX (0xcfdff4, 1) },
    .lane_tint = HEX (0x000000, 0.025), .grid = HEX (0x000000, 0.14),
    .text = HEX (0x000000, 0.9), .text_dim = HEX (0x000000, 0.6),
    .card = HEX (0xffffff, 1), .card_border = HEX (0x000000, 0.22), .shadow = HEX (0x000000, 0.06),
    .action_bar = HEX (0x3584e4, 1),
    .thought = HEX (0xf6f0fa, 1), .thought_border = HEX (0x9141ac, 0.45),
    .chip_online = HEX (0x3584e4, 0.15), .chip_online_fg = HEX (0x1a5fb4, 1),
    .chip_offline = HEX (0x000000, 0.07), .chip_offline_fg = HEX (0x5e5c64, 1),
    .blocker = HEX (0xfdeced, 1), .blocker_border = HEX (0xe01b24, 0.55), .blocker_accent = HEX (0xc01c28, 1),
    .enabler = HEX (0xe8f6ed, 1), .enabler_border = HEX (0x26a269, 0.55), .enabler_accent = HEX (0x1e8553, 1),
    .opportunity = HEX (0xfff6d0, 1), .opportunity_border = HEX (0xe5a50a, 0.7),
    .opportunity_accent = HEX (0x946300, 1),
    .badge_none = HEX (0x000000, 0.08),
    .accent = HEX (0x3584e4, 1), .curve = HEX (0x1c71d8, 1), .curve_fill = HEX (0x3584e4, 0.08),
    .employee = HEX (0x9141ac, 1),
    .guide_good = HEX (0x5e5c64, 0.9), .guide_target = HEX (0x26a269, 1),
    .zone_target = HEX (0x26a269, 0.06), .zone_low = HEX (0xe01b24, 0.035),
    .gold = HEX (0xf5c211, 1), .gold_dark = HEX (0xb57c00, 1),
    .on_dark = HEX (0xffffff, 1), .on_light = HEX (0x1e1e1e, 1),
  },
};

/* Rendering state for one call */

typedef struct {
  cairo_t               *cr;
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
  /* draw_cards() has filled every card's back and border already. */
  gboolean               backs_drawn;
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
static guint
note_department (Ctx            *ctx,
                 TpEmployeeNote *note)
{
  g_autofree char *key = tp_department_key (tp_employee_note_get_department (note));

  if (key == NULL || ctx->departments == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->departments, key));
}

static gboolean
note_hidden (Ctx            *ctx,
             TpEmployeeNote *note)
{
  g_autofree char *key = NULL;

  if (ctx->options->hidden_departments == NULL || g_hash_table_size (ctx->options->hidden_departments) == 0)
    return FALSE;
  key = tp_department_key (tp_employee_note_get_department (note));
  return key != NULL && g_hash_table_contains (ctx->options->hidden_departments, key);
}

static void
set_department_source (Ctx   *ctx,
                       guint  index)
{
  double rgb[3];

  tp_department_color (index, ctx->palette, rgb);
  cairo_set_source_rgb (ctx->cr, rgb[0], rgb[1], rgb[2]);
}

static void
set_score_source (Ctx *ctx,
                  int  score)
{
  double rgb[3];

  tp_score_color (score, ctx->palette, rgb);
  cairo_set_source_rgb (ctx->cr, rgb[0], rgb[1], rgb[2]);
}

/* White or dark text, whichever reads on the score's colour. */
static const Rgba *
on_score (Ctx *ctx,
          int  score)
{
  double rgb[3];

  tp_score_color (score, ctx->palette, rgb);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 0.62 ? &ctx->pal->on_light : &ctx->pal->on_dark;
}

static void
show_text (Ctx                *ctx,
           const TpLayoutText *text,
           double              x,
           double              y,
           const Rgba         *color)
{
  set_source (ctx->cr, color);
  cairo_move_to (ctx->cr, x, y);
  tp_gfx_show_layout (ctx->cr, text->layout);
}

static const char *
score_label (int score)
{
  static const char *labels[] = { "–", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" };

  return labels[CLAMP (score, 0, TP_SCORE_MAX)];
}

static gboolean
is_selected (Ctx       *ctx,
             TpElement *element)
{
  return ctx->interactive && ctx->options->selection != NULL
         && g_hash_table_contains (ctx->options->selection, element);
}

static double
clamp_line (Ctx    *ctx,
            double  width)
{
  /* Hairlines stay visible when zoomed out: at least ~0.8 device pixels. */
  return MAX (width, 0.8 / ctx->zoom);
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

#define SPRITE_PAD 2     /* pixels around the bounds for antialiasing */
#define SPRITE_MAX 512   /* pixels; larger ones are drawn directly */
#define SPRITE_CACHE_MAX 1024

static void
draw_sprite (Ctx          *ctx,
             SpriteKind    kind,
             guint         params,
             const TpRect *bounds,
             SpriteFunc    func)
{
  cairo_t *cr = ctx->cr;
  double ps = ctx->pixel_scale;
  double ds = ctx->device_scale;
  TpLayoutSpriteKey key;
  cairo_surface_t *sprite;
  double x, y;
  int w, h;

  if (!ctx->raster || bounds->width * ps > SPRITE_MAX || bounds->height * ps > SPRITE_MAX)
    {
      func (ctx, bounds, params);
      return;
    }

  key.kind = kind;
  key.params = params;
  key.palette = ctx->palette;
  /* Scales that differ by less than 1/256 share sprites. */
  key.scale = (guint) round (ps * 256);
  /* Sprites are drawn at the same offset from the pixel grid, so they
   * only depend on the size of @bounds, which is fixed per kind. */
  key.width = (guint) round (bounds->width * 16);

  sprite = g_hash_table_lookup (ctx->layout->sprites, &key);
  if (sprite == NULL)
    {
      Ctx sub = *ctx;
      cairo_t *scr;

      w = (int) ceil (bounds->width * ps) + 2 * SPRITE_PAD;
      h = (int) ceil (bounds->height * ps) + 2 * SPRITE_PAD;
      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      scr = cairo_create (sprite);
      cairo_translate (scr, SPRITE_PAD, SPRITE_PAD);
      cairo_scale (scr, ps, ps);
      cairo_translate (scr, -bounds->x, -bounds->y);
      sub.cr = scr;
      sub.raster = FALSE;
      func (&sub, bounds, params);
      cairo_destroy (scr);
      cairo_surface_set_device_scale (sprite, ds, ds);

      if (g_hash_table_size (ctx->layout->sprites) >= SPRITE_CACHE_MAX)
        g_hash_table_remove_all (ctx->layout->sprites);
      g_hash_table_insert (ctx->layout->sprites, g_memdup2 (&key, sizeof key), sprite);
    }

  w = cairo_image_surface_get_width (sprite);
  h = cairo_image_surface_get_height (sprite);

  /* Copy at whole device pixels: no resampling, no blur. */
  x = bounds->x;
  y = bounds->y;
  cairo_user_to_device (cr, &x, &y);
  x = (round (x * ds) - SPRITE_PAD) / ds;
  y = (round (y * ds) - SPRITE_PAD) / ds;

  tp_gfx_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, sprite, x, y);
  cairo_rectangle (cr, x, y, w / ds, h / ds);
  tp_gfx_fill (cr);
  tp_gfx_restore (cr);
}

/* Badges, stars, markers */

static void
set_badge_source (Ctx  *ctx,
                  guint score)
{
  if (score > 0)
    set_score_source (ctx, score);
  else
    set_source (ctx->cr, &ctx->pal->badge_none);
}

/* The score its badge shows; -1 for a card without one. */
static int
item_badge_score (const TpLayoutItem *item,
                  TpRect             *badge)
{
  if (!tp_layout_item_get_badge_rect ((TpLayoutItem *) item, badge))
    return -1;
  if (item->style == TP_CARD_NOTE)
    return CLAMP (tp_employee_note_get_score (TP_EMPLOYEE_NOTE (item->element)), 0, TP_SCORE_MAX);
  if (TP_IS_TOUCHPOINT (item->element))
    return CLAMP (tp_touchpoint_get_score (TP_TOUCHPOINT (item->element)), 0, TP_SCORE_MAX);
  return -1;
}

static void
badge_sprite (Ctx          *ctx,
              const TpRect *badge,
              guint         score)
{
  cairo_t *cr = ctx->cr;
  TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_BADGE, -1, score_label (score));

  if (!ctx->backs_drawn)
    {
      tp_path_rounded_rect (cr, badge->x, badge->y, badge->width, badge->height, badge->height / 2);
      set_badge_source (ctx, score);
      tp_gfx_fill (cr);
    }

  show_text (ctx, label,
             badge->x + (badge->width - label->text_width) / 2,
             badge->y + (badge->height - label->height) / 2,
             score > 0 ? on_score (ctx, score) : &ctx->pal->text_dim);
}

static void
draw_badge (Ctx          *ctx,
            const TpRect *badge,
            int           score)
{
  draw_sprite (ctx, SPRITE_BADGE, CLAMP (score, 0, TP_SCORE_MAX), badge, badge_sprite);
}

static void
star_sprite (Ctx          *ctx,
             const TpRect *bounds,
             guint         params)
{
  cairo_t *cr = ctx->cr;

  tp_path_star (cr, bounds->x + bounds->width / 2, bounds->y + bounds->height / 2, bounds->width / 2 - 1);
  set_source (cr, &ctx->pal->gold);
  tp_gfx_fill_preserve (cr);
  set_source (cr, &ctx->pal->gold_dark);
  cairo_set_line_width (cr, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_gfx_stroke (cr);
}

static void
draw_star (Ctx    *ctx,
           double  cx,
           double  cy,
           double  radius)
{
  TpRect bounds = TP_RECT_INIT (cx - radius - 1, cy - radius - 1, 2 * radius + 2, 2 * radius + 2);

  draw_sprite (ctx, SPRITE_STAR, 0, &bounds, star_sprite);
}

static void
marker_sprite (Ctx          *ctx,
               const TpRect *bounds,
               guint         params)
{
  cairo_t *cr = ctx->cr;
  double cx = bounds->x + bounds->width / 2;
  double cy = bounds->y + bounds->height / 2;
  double radius = bounds->width / 2 - 1.5;
  /* Bit 0: a blocker (else an enabler); above it the department's index
   * + 1 for the ring, 0 for a plain one. */
  guint department = params >> 1;
  gboolean blocker = params & 1;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  if (department > 0)
    {
      /* A thicker ring in the department's colour. */
      set_department_source (ctx, department - 1);
      radius -= 1;
    }
  else
    set_source (cr, &ctx->pal->card);
  tp_gfx_fill (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  set_source (cr, blocker ? &ctx->pal->blocker_accent : &ctx->pal->enabler_accent);
  tp_gfx_fill (cr);

  set_source (cr, &ctx->pal->on_dark);
  cairo_rectangle (cr, cx - 4, cy - 1.1, 8, 2.2);
  if (!blocker)
    cairo_rectangle (cr, cx - 1.1, cy - 4, 2.2, 8);
  tp_gfx_fill (cr);
}

/* Marks a card with its employee notes when the overlay is on: a red
 * no-entry sign for blockers and a green plus for enablers, sitting on
 * the card's bottom edge. */
static void
draw_overlay_markers (Ctx                *ctx,
                      const TpLayoutItem *item,
                      const TpRect       *r)
{
  const double radius = 7;
  double cx = r->x + r->width - 16;
  NoteMarks marks;

  marks.packed = ctx->note_marks != NULL
                 ? GPOINTER_TO_UINT (g_hash_table_lookup (ctx->note_marks, item->element)) : 0;

  for (int i = 0; i < 2; i++)
    {
      guint blocker = i == 0;
      guint department = blocker ? marks.m.blocker_department : marks.m.enabler_department;
      TpRect bounds = TP_RECT_INIT (cx - radius - 1.5, r->y + r->height - radius - 1.5,
                                    2 * radius + 3, 2 * radius + 3);

      if ((blocker ? marks.m.n_blockers : marks.m.n_enablers) == 0)
        continue;

      /* The sprite's parameter: the kind, and the department's ring. */
      draw_sprite (ctx, SPRITE_MARKER, blocker | department << 1, &bounds, marker_sprite);
      cx -= 2 * radius + 4;
    }
}

/* A dot on the card's top right corner for the most urgent finding about
 * it: red with "!" for critical, amber for a warning. */
static void
draw_finding_mark (Ctx                *ctx,
                   const TpLayoutItem *item,
                   const TpRect       *r)
{
  cairo_t *cr = ctx->cr;
  int severity = GPOINTER_TO_INT (g_hash_table_lookup (ctx->options->finding_marks, item->element));
  double cx = r->x + r->width - 3;
  double cy = r->y + 3;
  const double radius = 7.5;

  if (severity != TP_SEVERITY_CRITICAL && severity != TP_SEVERITY_WARNING)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  set_source (cr, &ctx->pal->card);
  tp_gfx_fill (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  if (severity == TP_SEVERITY_CRITICAL)
    cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0);
  tp_gfx_fill (cr);

  /* "!" as two shapes, so it needs no font. */
  cairo_rectangle (cr, cx - 1.1, cy - 4.5, 2.2, 5.5);
  cairo_arc (cr, cx, cy + 3.4, 1.2, 0, 2 * G_PI);
  set_source (cr, severity == TP_SEVERITY_CRITICAL ? &ctx->pal->on_dark : &ctx->pal->on_light);
  tp_gfx_fill (cr);
}

/* Cards */

static void
card_colors (Ctx                *ctx,
             const TpLayoutItem *item,
             const Rgba        **fill,
             const Rgba        **border)
{
  const Palette *pal = ctx->pal;

  switch (item->style)
    {
    case TP_CARD_THOUGHT:
      *fill = &pal->thought;
      *border = &pal->thought_border;
      break;
    case TP_CARD_NOTE:
      if (tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER)
        {
          *fill = &pal->blocker;
          *border = &pal->blocker_border;
        }
      else
        {
          *fill = &pal->enabler;
          *border = &pal->enabler_border;
        }
      break;
    case TP_CARD_OPPORTUNITY:
      *fill = &pal->opportunity;
      *border = &pal->opportunity_border;
      break;
    case TP_CARD_TOUCHPOINT:
    case TP_CARD_ACTION:
    default:
      *fill = &pal->card;
      *border = &pal->card_border;
      break;
    }
}

static void
card_path (cairo_t            *cr,
           const TpLayoutItem *item,
           const TpRect       *r,
           double              grow)
{
  if (item->style == TP_CARD_THOUGHT)
    tp_path_bubble (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow,
                    TP_CARD_RADIUS + grow, TP_CARD_THOUGHT_TAIL);
  else
    tp_path_rounded_rect (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow,
                          TP_CARD_RADIUS + grow);
}

/* A card's outline: one unit out, one and a half more at the bottom for
 * a soft shadow. */
static void
card_outline_path (cairo_t            *cr,
                   const TpLayoutItem *item,
                   const TpRect       *r)
{
  if (item->style == TP_CARD_THOUGHT)
    tp_path_bubble (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 3.5, TP_CARD_RADIUS + 1, TP_CARD_THOUGHT_TAIL);
  else
    tp_path_rounded_rect (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 2.5, TP_CARD_RADIUS + 1);
}

#define CHIP_RADIUS 5

/* The header row of a touchpoint card: channel chip and channel name. */
static void
header_sprite (Ctx          *ctx,
               const TpRect *bounds,
               guint         params)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpChannel channel = params & 0xff;
  gboolean online = (params & 0x100) != 0;
  double size = TP_CARD_HEADER_HEIGHT;
  TpLayoutText *label;

  /* Online channels get a blue chip, offline ones a grey one. */
  if (!ctx->backs_drawn)
    {
      tp_path_rounded_rect (cr, bounds->x, bounds->y, size, size, CHIP_RADIUS);
      set_source (cr, online ? &pal->chip_online : &pal->chip_offline);
      tp_gfx_fill (cr);
    }
  if (!ctx->backs_drawn)
    {
      set_source (cr, online ? &pal->chip_online_fg : &pal->chip_offline_fg);
      tp_glyph_channel (cr, channel, bounds->x + 3, bounds->y + 3, size - 6);
    }

  label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION, bounds->width - size - 6,
                               tp_channel_get_display_name (channel));
  show_text (ctx, label, bounds->x + size + 6, bounds->y + (size - label->height) / 2, &pal->text_dim);
}

static void
draw_touchpoint_content (Ctx                *ctx,
                         const TpLayoutItem *item,
                         const TpRect       *r,
                         const TpRect       *badge)
{
  const Palette *pal = ctx->pal;
  TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
  TpChannel channel = tp_touchpoint_get_channel (tp);
  gboolean online = tp_touchpoint_is_online (tp);
  gboolean moment = tp_touchpoint_get_moment_of_truth (tp);
  TpRect header;

  header.x = r->x + TP_CARD_PADDING;
  header.y = r->y + TP_CARD_PADDING;
  header.width = badge->x - 4 - (moment ? TP_CARD_STAR_RESERVE : 0) - header.x;
  header.height = TP_CARD_HEADER_HEIGHT;
  draw_sprite (ctx, SPRITE_HEADER, (guint) channel | (online ? 0x100 : 0), &header, header_sprite);

  if (moment)
    draw_star (ctx, badge->x - 11, badge->y + badge->height / 2, 7.5);
  draw_badge (ctx, badge, tp_touchpoint_get_score (tp));

  show_text (ctx, item->text, r->x + TP_CARD_PADDING,
             r->y + TP_CARD_PADDING + TP_CARD_HEADER_HEIGHT + TP_CARD_HEADER_GAP,
             *tp_touchpoint_get_title (tp) != '\0' ? &pal->text : &pal->text_dim);
}

static void
draw_side_badge_content (Ctx                *ctx,
                         const TpLayoutItem *item,
                         const TpRect       *r,
                         gboolean            has_badge,
                         const TpRect       *badge)
{
  const Palette *pal = ctx->pal;
  TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
  double text_x = r->x + TP_CARD_PADDING;

  if (item->style == TP_CARD_ACTION)
    {
      /* Customer actions carry an accent bar: what the customer does. */
      tp_path_rounded_rect (ctx->cr, r->x + 6, r->y + 8, 3.5, r->height - 16, 1.75);
      set_source (ctx->cr, &pal->action_bar);
      tp_gfx_fill (ctx->cr);
      text_x += TP_CARD_ACTION_BAR;
    }

  if (tp_touchpoint_get_moment_of_truth (tp))
    draw_star (ctx,
               has_badge ? badge->x - 11 : r->x + r->width - TP_CARD_PADDING - 8,
               r->y + TP_CARD_PADDING + TP_BADGE_HEIGHT / 2, 7.5);
  if (has_badge)
    draw_badge (ctx, badge, tp_touchpoint_get_score (tp));

  show_text (ctx, item->text, text_x,
             r->y + TP_CARD_PADDING + MAX (0, (TP_BADGE_HEIGHT - item->text->height) / 2),
             *tp_touchpoint_get_title (tp) != '\0' ? &pal->text : &pal->text_dim);
}

static void
draw_note_content (Ctx                *ctx,
                   const TpLayoutItem *item,
                   const TpRect       *r,
                   gboolean            has_badge,
                   const TpRect       *badge)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  const Rgba *accent;
  TpLayoutText *label;
  double x = r->x + TP_CARD_PADDING;
  double y = r->y + TP_CARD_PADDING;
  double label_width = r->width - 2 * TP_CARD_PADDING - 18 - (has_badge ? TP_CARD_BADGE_RESERVE : 0);

  if (item->style == TP_CARD_NOTE)
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (item->element);
      TpNoteKind kind = tp_employee_note_get_kind (note);
      int severity = tp_employee_note_get_severity (note);

      accent = kind == TP_NOTE_KIND_BLOCKER ? &pal->blocker_accent : &pal->enabler_accent;

      /* Severity as three rising bars, like a signal meter. */
      for (int i = 0; i < severity && i < TP_SEVERITY_MAX; i++)
        cairo_rectangle (cr, x + i * 5, y + 9 - 4 * i, 3.5, 6 + 4 * i);
      set_source (cr, accent);
      tp_gfx_fill (cr);
      for (int i = MAX (severity, 0); i < TP_SEVERITY_MAX; i++)
        cairo_rectangle (cr, x + i * 5, y + 9 - 4 * i, 3.5, 6 + 4 * i);
      cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.25);
      tp_gfx_fill (cr);

      label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, label_width,
                                   tp_note_kind_get_display_name (kind));
      if (has_badge)
        draw_badge (ctx, badge, tp_employee_note_get_score (note));
    }
  else
    {
      accent = &pal->opportunity_accent;
      set_source (cr, accent);
      tp_glyph_bulb (cr, x - 1, y, 16);
      label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, label_width, _("Opportunity"));
    }

  show_text (ctx, label, x + 18, y + (TP_CARD_NOTE_HEADER - label->height) / 2 - 1, accent);
  y += TP_CARD_NOTE_HEADER + TP_CARD_NOTE_GAP;
  show_text (ctx, item->text, x, y, &pal->text);
  if (item->caption != NULL)
    show_text (ctx, item->caption, x, r->y + r->height - TP_CARD_PADDING - TP_CARD_CAPTION, &pal->text_dim);
}

static void
draw_card (Ctx                *ctx,
           const TpLayoutItem *item,
           double              dx,
           double              dy,
           gboolean            lifted)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpRect r = item->rect;
  TpRect badge;
  gboolean has_badge;
  const Rgba *fill, *border;
  gboolean raised = lifted || (ctx->interactive && ctx->options->hover == item->element);

  r.x += dx;
  r.y += dy;
  has_badge = tp_layout_item_get_badge_rect ((TpLayoutItem *) item, &badge);
  badge.x += dx;
  badge.y += dy;
  card_colors (ctx, item, &fill, &border);

  /* A deeper shadow for the card under the pointer or in hand. */
  if (raised)
    {
      set_source (cr, &pal->shadow);
      tp_gfx_save (cr);
      cairo_translate (cr, 0, 4);
      card_path (cr, item, &r, 2);
      tp_gfx_fill (cr);
      cairo_translate (cr, 0, -2);
      card_path (cr, item, &r, 0.5);
      tp_gfx_fill (cr);
      tp_gfx_restore (cr);
    }

  if (!ctx->backs_drawn || lifted)
    {
      card_path (cr, item, &r, 0);
      set_source (cr, fill);
      tp_gfx_fill (cr);

      /* Border and a soft bottom shadow in one fill: the ring between the
       * card and its outline. An even-odd ring only touches its own
       * pixels, unlike a stroke or a second full-size fill, which matters
       * with a hundred cards on screen. */
      tp_gfx_save (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      card_path (cr, item, &r, 0);
      card_outline_path (cr, item, &r);
      set_source (cr, border);
      tp_gfx_fill (cr);
      tp_gfx_restore (cr);
    }

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      draw_touchpoint_content (ctx, item, &r, &badge);
      break;
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      draw_side_badge_content (ctx, item, &r, has_badge, &badge);
      break;
    case TP_CARD_NOTE:
    case TP_CARD_OPPORTUNITY:
      draw_note_content (ctx, item, &r, has_badge, &badge);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The department's colour down the left edge of an employee note. */
  if (item->style == TP_CARD_NOTE)
    {
      guint department = note_department (ctx, TP_EMPLOYEE_NOTE (item->element));

      if (department > 0)
        {
          /* A bar inside the rounded corners: no clip, which SVG and
           * HTML reports would carry as a clipPath per note. */
          tp_path_rounded_rect (cr, r.x + 2, r.y + 3, 3.5, r.height - 6, 1.75);
          set_department_source (ctx, department - 1);
          tp_gfx_fill (cr);
        }
    }

  if (ctx->options->show_employee_overlay && (item->n_blockers > 0 || item->n_enablers > 0))
    draw_overlay_markers (ctx, item, &r);

  if (ctx->interactive && ctx->options->finding_marks != NULL)
    draw_finding_mark (ctx, item, &r);

  /* Notes of departments filtered out fade into the background. */
  if (item->style == TP_CARD_NOTE && note_hidden (ctx, TP_EMPLOYEE_NOTE (item->element)))
    {
      tp_path_rounded_rect (cr, r.x - 1, r.y - 1, r.width + 2, r.height + 2.5, TP_CARD_RADIUS + 1);
      cairo_set_source_rgba (cr, pal->background.r, pal->background.g, pal->background.b, 0.75);
      tp_gfx_fill (cr);
    }

  if (is_selected (ctx, item->element))
    {
      tp_path_rounded_rect (cr, r.x - 3.5, r.y - 3.5, r.width + 7, r.height + 7, TP_CARD_RADIUS + 3.5);
      set_source (cr, &pal->accent);
      cairo_set_line_width (cr, clamp_line (ctx, 2.5));
      tp_gfx_stroke (cr);
    }
}

/* Zoomed out: every card a flat block, one fill per colour. */

enum {
  BLOCK_UNSCORED = 0,  /* 1..10: by score */
  BLOCK_ACTION = TP_SCORE_MAX + 1,
  BLOCK_THOUGHT,
  BLOCK_BLOCKER,
  BLOCK_ENABLER,
  BLOCK_OPPORTUNITY,
  BLOCK_SELECTED,
  N_BLOCKS
};

static guint
block_for_item (Ctx                *ctx,
                const TpLayoutItem *item)
{
  if (is_selected (ctx, item->element))
    return BLOCK_SELECTED;

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      return tp_touchpoint_get_score (TP_TOUCHPOINT (item->element));
    case TP_CARD_ACTION:
      return BLOCK_ACTION;
    case TP_CARD_THOUGHT:
      return BLOCK_THOUGHT;
    case TP_CARD_NOTE:
      return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER
             ? BLOCK_BLOCKER : BLOCK_ENABLER;
    case TP_CARD_OPPORTUNITY:
    default:
      return BLOCK_OPPORTUNITY;
    }
}

static void
set_block_source (Ctx   *ctx,
                  guint  block)
{
  const Palette *pal = ctx->pal;

  switch (block)
    {
    case BLOCK_UNSCORED:
      set_source (ctx->cr, &pal->card_border);
      break;
    case BLOCK_ACTION:
      set_source (ctx->cr, &pal->chip_online);
      break;
    case BLOCK_THOUGHT:
      set_source (ctx->cr, &pal->thought_border);
      break;
    case BLOCK_BLOCKER:
      set_source (ctx->cr, &pal->blocker_accent);
      break;
    case BLOCK_ENABLER:
      set_source (ctx->cr, &pal->enabler_accent);
      break;
    case BLOCK_OPPORTUNITY:
      set_source (ctx->cr, &pal->opportunity_border);
      break;
    case BLOCK_SELECTED:
      set_source (ctx->cr, &pal->accent);
      break;
    default:
      set_score_source (ctx, (int) block);
      break;
    }
}

/* The visible cards, as a list of item indices. */
static GArray *
visible_items (Ctx *ctx)
{
  TpLayout *layout = ctx->layout;
  /* Shadows, rings and markers reach a little outside a card. */
  const double margin = 12;
  TpRect area = tp_rect_inset (&ctx->visible, -margin, -margin);
  guint s0, s1, l0, l1;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  tp_layout_get_column_range (layout, area.x, area.x + area.width, &s0, &s1);
  tp_layout_get_row_range (layout, area.y, area.y + area.height, &l0, &l1);

  for (guint l = l0; l < l1; l++)
    for (guint s = s0; s < s1; s++)
      {
        guint first, last;

        tp_layout_get_cell_range (layout, tp_layout_cell (layout, s, l), area.y, area.y + area.height,
                                  &first, &last);
        for (guint i = first; i < last; i++)
          {
            TpLayoutItem *item = tp_layout_item (layout, i);

            if (item->element != ctx->options->hidden && tp_rect_intersects (&item->rect, &area))
              g_array_append_val (out, i);
          }
      }

  return out;
}

/* A rounded rectangle of radius @radius is the rectangle @radius inside
 * it, stroked @radius wide on each side with round joins, plus that inner
 * rectangle's inside. As a path that is four corners instead of four
 * curves: for thousands of cards a PDF's content shrinks by half. */
static void
inner_rect_path (cairo_t *cr,
                 double   x,
                 double   y,
                 double   width,
                 double   height,
                 double   radius)
{
  cairo_rectangle (cr, x + radius, y + radius, width - 2 * radius, height - 2 * radius);
}

/* Vector targets: every card's outline, then every card's back, one path
 * per colour. Cards never overlap, so this looks the same as the rings
 * drawn card by card, and a PDF writer handles a few long paths much
 * faster than thousands of short ones. Thought bubbles keep their path
 * (their tail); rounded cards are drawn as strokes of inner rectangles,
 * whose holes the backs cover. */
static void
draw_card_backs (Ctx    *ctx,
                 GArray *items)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;

  tp_gfx_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      /* The card styles' colours: a handful, found as they come. */
      const Rgba *done[8];
      guint n_done = 0;

      for (guint first = 0; first < items->len; first++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, first));
          const Rgba *fill, *border, *color;
          gboolean seen = FALSE, any_bubble = FALSE, any_rect = FALSE;

          card_colors (ctx, item, &fill, &border);
          color = pass == 0 ? border : fill;
          for (guint d = 0; d < n_done; d++)
            seen |= done[d] == color;
          if (seen)
            continue;
          g_assert (n_done < G_N_ELEMENTS (done));
          done[n_done++] = color;
          set_source (cr, color);

          /* Bubbles as paths, filled... */
          for (guint i = first; i < items->len; i++)
            {
              const TpLayoutItem *other = tp_layout_item (layout, g_array_index (items, guint, i));
              const Rgba *other_fill, *other_border;

              card_colors (ctx, other, &other_fill, &other_border);
              if ((pass == 0 ? other_border : other_fill) != color)
                continue;
              if (other->style != TP_CARD_THOUGHT)
                {
                  any_rect = TRUE;
                  continue;
                }
              if (pass == 0)
                card_outline_path (cr, other, &other->rect);
              else
                card_path (cr, other, &other->rect, 0);
              any_bubble = TRUE;
            }
          if (any_bubble)
            tp_gfx_fill (cr);
          if (!any_rect)
            continue;

          /* ...rounded rectangles as inner rectangles, stroked. */
          for (guint i = first; i < items->len; i++)
            {
              const TpLayoutItem *other = tp_layout_item (layout, g_array_index (items, guint, i));
              const TpRect *r = &other->rect;
              const Rgba *other_fill, *other_border;

              card_colors (ctx, other, &other_fill, &other_border);
              if ((pass == 0 ? other_border : other_fill) != color || other->style == TP_CARD_THOUGHT)
                continue;
              if (pass == 0)
                inner_rect_path (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 2.5, TP_CARD_RADIUS + 1);
              else
                inner_rect_path (cr, r->x, r->y, r->width, r->height, TP_CARD_RADIUS);
            }
          cairo_set_line_width (cr, 2 * (pass == 0 ? TP_CARD_RADIUS + 1 : TP_CARD_RADIUS));
          /* The outline's hole is under the card; the back is opaque, so
           * its inside can be filled over the stroke. */
          if (pass == 1)
            tp_gfx_fill_preserve (cr);
          tp_gfx_stroke (cr);
        }
    }

  /* Channel chips, online and offline... */
  for (int online = 0; online < 2; online++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
          const TpRect *r = &item->rect;

          if (item->style != TP_CARD_TOUCHPOINT
              || tp_touchpoint_is_online (TP_TOUCHPOINT (item->element)) != online)
            continue;
          inner_rect_path (cr, r->x + TP_CARD_PADDING, r->y + TP_CARD_PADDING,
                           TP_CARD_HEADER_HEIGHT, TP_CARD_HEADER_HEIGHT, CHIP_RADIUS);
          any = TRUE;
        }
      if (!any)
        continue;
      set_source (cr, online ? &ctx->pal->chip_online : &ctx->pal->chip_offline);
      cairo_set_line_width (cr, 2 * CHIP_RADIUS);
      tp_gfx_fill_preserve (cr);
      tp_gfx_stroke (cr);

      /* Their glyphs, in one colour: all strokes, then all fills. */
      set_source (cr, online ? &ctx->pal->chip_online_fg : &ctx->pal->chip_offline_fg);
      for (TpGlyphPart part = TP_GLYPH_STROKES; part <= TP_GLYPH_FILLS; part++)
        {
          for (guint i = 0; i < items->len; i++)
            {
              const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
              TpTouchpoint *tp;

              if (item->style != TP_CARD_TOUCHPOINT)
                continue;
              tp = TP_TOUCHPOINT (item->element);
              if (tp_touchpoint_is_online (tp) != online)
                continue;
              tp_glyph_channel_path (cr, tp_touchpoint_get_channel (tp), part,
                                     item->rect.x + TP_CARD_PADDING + 3, item->rect.y + TP_CARD_PADDING + 3,
                                     TP_CARD_HEADER_HEIGHT - 6);
            }
          if (!cairo_has_current_point (cr))
            continue;
          if (part == TP_GLYPH_FILLS)
            {
              tp_gfx_fill (cr);
              continue;
            }
          tp_gfx_save (cr);
          cairo_set_line_width (cr, tp_glyph_stroke_width (TP_CARD_HEADER_HEIGHT - 6));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          tp_gfx_stroke (cr);
          tp_gfx_restore (cr);
        }
    }

  /* ...and score badges, by score: pills are lines with round caps. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int score = 0; score <= TP_SCORE_MAX; score++)
    {
      double height = 0;

      set_badge_source (ctx, score);
      for (guint i = 0; i < items->len; i++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
          TpRect b;

          if (item_badge_score (item, &b) != score)
            continue;
          /* Badges share one height; should one differ, it gets a stroke
           * of its own. */
          if (height > 0 && b.height != height)
            {
              cairo_set_line_width (cr, height);
              tp_gfx_stroke (cr);
            }
          height = b.height;
          cairo_move_to (cr, b.x + b.height / 2, b.y + b.height / 2);
          cairo_line_to (cr, b.x + b.width - b.height / 2, b.y + b.height / 2);
        }
      if (height > 0)
        {
          cairo_set_line_width (cr, height);
          tp_gfx_stroke (cr);
        }
    }

  tp_gfx_restore (cr);
  ctx->backs_drawn = TRUE;
}

static void
draw_cards (Ctx *ctx)
{
  g_autoptr(GArray) items = visible_items (ctx);
  TpLayout *layout = ctx->layout;

  if (!ctx->simplified)
    {
      /* Raster targets: no overdraw. Hover and selection: one card raised. */
      if (!ctx->raster && !ctx->interactive)
        draw_card_backs (ctx, items);
      for (guint i = 0; i < items->len; i++)
        draw_card (ctx, tp_layout_item (layout, g_array_index (items, guint, i)), 0, 0, FALSE);
      ctx->backs_drawn = FALSE;
      return;
    }

  /* One path per colour: a few fills instead of thousands. */
  for (guint block = 0; block < N_BLOCKS; block++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));

          if (block_for_item (ctx, item) != block)
            continue;
          cairo_rectangle (ctx->cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
          any = TRUE;
        }

      if (any)
        {
          set_block_source (ctx, block);
          tp_gfx_fill (ctx->cr);
        }
    }
}

/* The emotion curve */

/* The vertical tangent at @p1 between its neighbours: Catmull-Rom's,
 * flattened at a peak or trough and limited on a slope, so the curve never
 * swings past the scores it passes through (a dip below a 3 would claim a
 * score nobody gave). */
static double
tangent_y (const TpCurvePoint *p0,
           const TpCurvePoint *p1,
           const TpCurvePoint *p2)
{
  double before = p1->y - p0->y;
  double after = p2->y - p1->y;
  double m = (p2->y - p0->y) / 2;

  if (before * after <= 0)
    return 0;
  /* Fritsch–Carlson: at most three times the gentler neighbouring slope. */
  return CLAMP (m, -3 * MIN (fabs (before), fabs (after)), 3 * MIN (fabs (before), fabs (after)));
}

static void
curve_path (cairo_t            *cr,
            const TpCurvePoint *p,
            guint               n,
            guint               first,
            guint               last,
            gboolean            smooth)
{
  cairo_move_to (cr, p[first].x, p[first].y);

  for (guint i = first; i + 1 < last; i++)
    {
      const TpCurvePoint *p0 = &p[i > 0 ? i - 1 : i];
      const TpCurvePoint *p1 = &p[i];
      const TpCurvePoint *p2 = &p[i + 1];
      const TpCurvePoint *p3 = &p[i + 2 < n ? i + 2 : i + 1];

      if (!smooth)
        {
          cairo_line_to (cr, p2->x, p2->y);
          continue;
        }

      /* Catmull-Rom through p1 and p2 as a cubic Bézier: control points a
       * third of the tangent (half the neighbours' difference) away. */
      cairo_curve_to (cr,
                      p1->x + (p2->x - p0->x) / 6, p1->y + tangent_y (p0, p1, p2) / 3,
                      p2->x - (p3->x - p1->x) / 6, p2->y - tangent_y (p1, p2, p3) / 3,
                      p2->x, p2->y);
    }
}

static void
draw_curve_dot (Ctx                *ctx,
                const TpCurvePoint *point)
{
  cairo_t *cr = ctx->cr;
  TpTouchpoint *tp = TP_TOUCHPOINT (point->element);
  gboolean big = point->radius >= TP_LAYOUT_DOT_RADIUS;
  gboolean moment = tp_touchpoint_get_moment_of_truth (tp);

  cairo_new_path (cr);
  cairo_arc (cr, point->x, point->y, point->radius + (big ? 2 : 1), 0, 2 * G_PI);
  set_source (cr, &ctx->pal->background);
  tp_gfx_fill (cr);

  if (moment)
    {
      /* A moment of truth: a gold ring around its dot. */
      cairo_arc (cr, point->x, point->y, point->radius + (big ? 4 : 2.5), 0, 2 * G_PI);
      set_source (cr, &ctx->pal->gold_dark);
      cairo_set_line_width (cr, big ? 2.5 : 1.5);
      tp_gfx_stroke (cr);
    }

  cairo_arc (cr, point->x, point->y, point->radius, 0, 2 * G_PI);
  set_score_source (ctx, point->score);
  tp_gfx_fill (cr);

  if (big)
    {
      TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_BADGE, -1, score_label (point->score));

      show_text (ctx, label, point->x - label->text_width / 2, point->y - label->height / 2,
                 on_score (ctx, point->score));
    }

  if (is_selected (ctx, point->element))
    {
      cairo_new_path (cr);
      cairo_arc (cr, point->x, point->y, point->radius + 6, 0, 2 * G_PI);
      set_source (cr, &ctx->pal->accent);
      cairo_set_line_width (cr, clamp_line (ctx, 2.5));
      tp_gfx_stroke (cr);
    }
}

static void
set_dash (Ctx    *ctx,
          double  on,
          double  off,
          double  from_x)
{
  double dashes[2] = { on, off };

  /* Phase from x = 0 so dashes do not crawl while scrolling. */
  cairo_set_dash (ctx->cr, dashes, 2, fmod (from_x, on + off));
}

/* The employee line counts only the departments shown: the points of
 * notes of hidden departments left out (a new array either way). */
static GArray *
visible_employee_points (Ctx          *ctx,
                         const GArray *points)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TpCurvePoint), points->len);

  for (guint i = 0; i < points->len; i++)
    {
      const TpCurvePoint *point = &g_array_index (points, TpCurvePoint, i);

      if (TP_IS_EMPLOYEE_NOTE (point->element) && note_hidden (ctx, TP_EMPLOYEE_NOTE (point->element)))
        continue;
      g_array_append_val (out, *point);
    }
  return out;
}

static void
draw_curve_lane (Ctx         *ctx,
                 TpLayoutRow *row)
{
  g_autoptr(GArray) employee = NULL;
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpRect *plot = &row->plot;
  const TpCurvePoint *points = (const TpCurvePoint *) (gpointer) row->curve->data;
  guint n = row->curve->len;
  double x0 = MAX (ctx->visible.x, plot->x);
  double x1 = MIN (ctx->visible.x + ctx->visible.width, plot->x + plot->width);
  double y_target = tp_layout_plot_y (plot, ctx->layout->moment_target);
  double y_good = tp_layout_plot_y (plot, ctx->layout->good_enough);
  double bottom = plot->y + plot->height;
  guint first, last;

  if (x0 >= x1)
    return;

  /* Zones: above the moment-of-truth target, and below good enough. */
  set_source (cr, &pal->zone_target);
  cairo_rectangle (cr, x0, plot->y, x1 - x0, y_target - plot->y);
  tp_gfx_fill (cr);
  set_source (cr, &pal->zone_low);
  cairo_rectangle (cr, x0, y_good, x1 - x0, bottom - y_good);
  tp_gfx_fill (cr);

  cairo_set_line_width (cr, clamp_line (ctx, 1.25));
  set_dash (ctx, 6, 4, x0);
  set_source (cr, &pal->guide_target);
  cairo_move_to (cr, x0, y_target);
  cairo_line_to (cr, x1, y_target);
  tp_gfx_stroke (cr);
  set_source (cr, &pal->guide_good);
  cairo_move_to (cr, x0, y_good);
  cairo_line_to (cr, x1, y_good);
  tp_gfx_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Points just outside the view still shape the visible segments. */
  tp_layout_get_curve_range (row->curve, x0 - TP_LAYOUT_DOT_RADIUS - 6, x1 + TP_LAYOUT_DOT_RADIUS + 6,
                             &first, &last);
  if (n > 0)
    {
      guint from = first > 0 ? first - 1 : 0;
      guint to = MIN (last + 1, n);

      if (to - from >= 2)
        {
          if (!ctx->simplified)
            {
              curve_path (cr, points, n, from, to, TRUE);
              cairo_line_to (cr, points[to - 1].x, bottom);
              cairo_line_to (cr, points[from].x, bottom);
              cairo_close_path (cr);
              set_source (cr, &pal->curve_fill);
              tp_gfx_fill (cr);
            }

          curve_path (cr, points, n, from, to, !ctx->simplified);
          set_source (cr, &pal->curve);
          cairo_set_line_width (cr, clamp_line (ctx, 2.5));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          tp_gfx_stroke (cr);
        }
    }

  /* The employee travels along: a dashed line of their own scores. */
  if (ctx->options->show_employee_overlay && row->employee_curve->len > 0)
    employee = visible_employee_points (ctx, row->employee_curve);
  if (employee != NULL && employee->len > 0)
    {
      const TpCurvePoint *e = (const TpCurvePoint *) (gpointer) employee->data;
      guint ne = employee->len;
      guint efirst, elast;

      tp_layout_get_curve_range (employee, x0 - 400, x1 + 400, &efirst, &elast);
      efirst = efirst > 0 ? efirst - 1 : 0;
      elast = MIN (elast + 1, ne);

      if (elast - efirst >= 2)
        {
          /* Straight segments: a handful of notes are data points, not a trend. */
          curve_path (cr, e, ne, efirst, elast, FALSE);
          set_source (cr, &pal->employee);
          cairo_set_line_width (cr, clamp_line (ctx, 2));
          set_dash (ctx, 7, 5, e[efirst].x);
          tp_gfx_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      if (!ctx->simplified)
        {
          TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, -1, _("Employee"));
          const TpCurvePoint *end = &e[ne - 1];
          double lx = end->x + 9;

          for (guint i = efirst; i < elast; i++)
            {
              /* Diamonds, so they are not mistaken for the customer's dots. */
              cairo_move_to (cr, e[i].x, e[i].y - 5);
              cairo_line_to (cr, e[i].x + 5, e[i].y);
              cairo_line_to (cr, e[i].x, e[i].y + 5);
              cairo_line_to (cr, e[i].x - 5, e[i].y);
              cairo_close_path (cr);
            }
          set_source (cr, &pal->employee);
          tp_gfx_fill (cr);

          if (lx + label->text_width > plot->x + plot->width - 4)
            lx = end->x - 9 - label->text_width;
          show_text (ctx, label, lx, end->y - label->height - 2, &pal->employee);
        }
    }

  /* A dragged card keeps its dot: the touchpoint is still where it was
   * until it is dropped. */
  if (!ctx->simplified)
    for (guint i = first; i < last; i++)
      draw_curve_dot (ctx, &points[i]);
}

/* Body: background, lanes, grid, cards, curves */

/* The body is everything right of the lane headers and below the stage
 * headers; those draw their own backgrounds. */
static void
draw_body_background (Ctx    *ctx,
                      double  gx0,
                      double  gy0,
                      double  vx1,
                      double  vy1,
                      guint   l0,
                      guint   l1)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  const Rgba *t = &pal->lane_tint, *b = &pal->background;

  set_source (cr, b);
  cairo_rectangle (cr, gx0, gy0, vx1 - gx0, vy1 - gy0);
  tp_gfx_fill (cr);

  /* Every other lane tinted, so rows read across the whole map. The tint
   * is blended here, so the fill is opaque: a plain copy, no compositing
   * over the background. */
  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (ctx->layout, l);
      double top = MAX (row->y, gy0);
      double bottom = MIN (row->y + row->height, vy1);

      if (l % 2 == 1 && top < bottom)
        cairo_rectangle (cr, gx0, top, vx1 - gx0, bottom - top);
    }
  cairo_set_source_rgb (cr, b->r + (t->r - b->r) * t->a, b->g + (t->g - b->g) * t->a,
                        b->b + (t->b - b->b) * t->a);
  tp_gfx_fill (cr);
}

static void
draw_body (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double vx1 = v->x + v->width;
  double vy1 = v->y + v->height;
  double gx0 = MAX (v->x, TP_LAYOUT_LANE_HEADER_WIDTH);
  double gy0 = MAX (v->y, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  guint s0, s1, l0, l1;

  if (gx0 >= vx1 || gy0 >= vy1)
    return;

  tp_layout_get_column_range (layout, v->x, vx1, &s0, &s1);
  tp_layout_get_row_range (layout, v->y, vy1, &l0, &l1);

  /* Background and stripes are the page: a transparent image has none. */
  if (!ctx->options->skip_background)
    draw_body_background (ctx, gx0, gy0, vx1, vy1, l0, l1);

  /* Grid: one path, one stroke. Lines sit on half units so they are
   * crisp at 100 %. */
  for (guint s = s0; s < s1; s++)
    {
      TpLayoutColumn *column = tp_layout_column (layout, s);
      double x = column->x + column->width - 0.5;

      if (x >= gx0 && x <= vx1)
        {
          cairo_move_to (cr, x, gy0);
          cairo_line_to (cr, x, vy1);
        }
    }
  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);
      double y = row->y + row->height - 0.5;

      if (y >= gy0 && y <= vy1)
        {
          cairo_move_to (cr, gx0, y);
          cairo_line_to (cr, vx1, y);
        }
    }
  set_source (cr, &pal->grid);
  cairo_set_line_width (cr, clamp_line (ctx, 1));
  tp_gfx_stroke (cr);

  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);

      if (row->curve != NULL && tp_rect_intersects (&row->plot, v))
        draw_curve_lane (ctx, row);
    }

  draw_cards (ctx);

  if (ctx->interactive && ctx->options->show_drop)
    tp_render_drop_indicator (cr, &ctx->options->drop, ctx->options);
}

/* Headers */

/* Under the employee lane's name: the blocker and enabler markers and a
 * swatch per department, as far as the lane is tall. */
static void
draw_department_legend (Ctx               *ctx,
                        const TpLayoutRow *row)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  double label_width = TP_LAYOUT_LANE_HEADER_WIDTH - 14 - 22 - 8;
  double y = row->y + 12 + row->name->height + 10;
  double bottom = row->y + row->height - 6;
  const double line = 17;

  for (int i = 0; i < 2 && y + line <= bottom; i++, y += line)
    {
      guint blocker = i == 0;
      const double radius = 6;
      TpRect bounds = TP_RECT_INIT (21 - radius - 1.5, y + line / 2 - radius - 1.5,
                                    2 * radius + 3, 2 * radius + 3);
      TpLayoutText *label = tp_layout_get_label (layout, TP_TEXT_CAPTION, label_width,
                                                 blocker ? _("Blocker") : _("Enabler"));

      draw_sprite (ctx, SPRITE_MARKER, blocker, &bounds, marker_sprite);
      show_text (ctx, label, 36, y + (line - label->height) / 2, &pal->text_dim);
    }

  for (guint i = 0; i < ctx->department_names->len && y + line <= bottom; i++, y += line)
    {
      const char *name = g_ptr_array_index (ctx->department_names, i);
      TpLayoutText *label = tp_layout_get_label (layout, TP_TEXT_CAPTION, label_width, name);

      tp_path_rounded_rect (cr, 15, y + line / 2 - 5, 12, 10, 2);
      set_department_source (ctx, i);
      tp_gfx_fill (cr);
      show_text (ctx, label, 36, y + (line - label->height) / 2, &pal->text);
    }
}

static void
draw_lane_headers (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double right = TP_LAYOUT_LANE_HEADER_WIDTH;
  double top = MAX (v->y, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  double bottom = MIN (v->y + v->height, layout->height);
  guint l0, l1;

  if (v->x >= right || top >= bottom)
    return;

  set_source (cr, &pal->header);
  cairo_rectangle (cr, 0, top, right, bottom - top);
  tp_gfx_fill (cr);

  tp_layout_get_row_range (layout, top, bottom, &l0, &l1);

  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);

      cairo_move_to (cr, 0, row->y + row->height - 0.5);
      cairo_line_to (cr, right, row->y + row->height - 0.5);
    }
  cairo_move_to (cr, right - 0.5, top);
  cairo_line_to (cr, right - 0.5, bottom);
  set_source (cr, &pal->grid);
  cairo_set_line_width (cr, clamp_line (ctx, 1));
  tp_gfx_stroke (cr);

  if (!ctx->draw_text)
    return;

  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);

      show_text (ctx, row->name, 14, row->y + 12, &pal->text);

      if (row->kind == TP_LANE_KIND_EMPLOYEE && ctx->options->show_employee_overlay
          && ctx->department_names != NULL && ctx->department_names->len > 0)
        draw_department_legend (ctx, row);

      if (row->curve != NULL)
        {
          g_autofree char *target = NULL;
          g_autofree char *good = NULL;
          TpLayoutText *label;
          double label_width = right - 24;
          double y;

          /* Translators: the guide line for moments of truth on the emotion curve */
          target = g_strdup_printf (_("Moment of truth target (%d)"), layout->moment_target);
          /* Translators: the guide line for "simply right" on the emotion curve */
          good = g_strdup_printf (_("Good enough (%d)"), layout->good_enough);

          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, label_width, target);
          y = tp_layout_plot_y (&row->plot, layout->moment_target);
          show_text (ctx, label, right - 10 - label->text_width, y - label->height / 2, &pal->guide_target);
          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, label_width, good);
          y = tp_layout_plot_y (&row->plot, layout->good_enough);
          show_text (ctx, label, right - 10 - label->text_width, y - label->height / 2, &pal->guide_good);

          /* Scale ends */
          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, -1, "10");
          show_text (ctx, label, right - 10 - label->text_width, row->plot.y - label->height / 2, &pal->text_dim);
          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, -1, "1");
          show_text (ctx, label, right - 10 - label->text_width,
                     row->plot.y + row->plot.height - label->height / 2, &pal->text_dim);

          /* Legend */
          y = row->plot.y + row->plot.height - 24;
          cairo_move_to (cr, 14, y);
          cairo_line_to (cr, 32, y);
          set_source (cr, &pal->curve);
          cairo_set_line_width (cr, 2.5);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          tp_gfx_stroke (cr);
          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, -1, _("Customer"));
          show_text (ctx, label, 38, y - label->height / 2, &pal->text_dim);

          if (ctx->options->show_employee_overlay && row->employee_curve->len > 0)
            {
              y += 16;
              cairo_move_to (cr, 14, y);
              cairo_line_to (cr, 32, y);
              set_source (cr, &pal->employee);
              cairo_set_line_width (cr, 2);
              set_dash (ctx, 5, 3, 0);
              tp_gfx_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              label = tp_layout_get_label (layout, TP_TEXT_CAPTION, -1, _("Employee"));
              show_text (ctx, label, 38, y - label->height / 2, &pal->text_dim);
            }
        }
    }
}

/* The strip behind the stage chevrons and the corner: a grey panel on
 * screen; on paper it is the page, so a transparent image leaves it out. */
static void
fill_top_band (Ctx    *ctx,
               double  x,
               double  width)
{
  if (ctx->palette == TP_PALETTE_PRINT && ctx->options->skip_background)
    return;

  set_source (ctx->cr, ctx->palette == TP_PALETTE_PRINT ? &ctx->pal->background : &ctx->pal->header);
  cairo_rectangle (ctx->cr, x, 0, width, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  tp_gfx_fill (ctx->cr);
}

static void
chevron_path (cairo_t *cr,
              double   x,
              double   width,
              gboolean first,
              gboolean last)
{
  const double top = 6, bottom = TP_LAYOUT_STAGE_HEADER_HEIGHT - 6;
  const double mid = (top + bottom) / 2;
  const double point = 14;
  /* Each chevron's point reaches into the next one's notch. */
  double right = last ? x + width - 4 - point : x + width - 4;

  cairo_move_to (cr, first ? x + 6 : x, top);
  cairo_line_to (cr, right, top);
  cairo_line_to (cr, right + point, mid);
  cairo_line_to (cr, right, bottom);
  cairo_line_to (cr, first ? x + 6 : x, bottom);
  if (!first)
    cairo_line_to (cr, x + point, mid);
  cairo_close_path (cr);
}

static void
draw_stage_headers (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double left = MAX (v->x, TP_LAYOUT_LANE_HEADER_WIDTH);
  double right = MIN (v->x + v->width, layout->width);
  double bottom = TP_LAYOUT_STAGE_HEADER_HEIGHT;
  guint s0, s1;

  if (v->y >= bottom || left >= right)
    return;

  fill_top_band (ctx, left, right - left);
  cairo_move_to (cr, left, bottom - 0.5);
  cairo_line_to (cr, right, bottom - 0.5);
  set_source (cr, &pal->grid);
  cairo_set_line_width (cr, clamp_line (ctx, 1));
  tp_gfx_stroke (cr);

  /* A chevron's point reaches 14 units into the next column. */
  tp_layout_get_column_range (layout, left - 14, right, &s0, &s1);
  for (guint s = s0; s < s1; s++)
    {
      TpLayoutColumn *column = tp_layout_column (layout, s);
      gboolean first = s == 0;
      double text_x = column->x + (first ? 18 : 24);

      chevron_path (cr, column->x, column->width, first, s + 1 == layout->columns->len);
      set_source (cr, &pal->band[s % 2]);
      tp_gfx_fill (cr);

      if (!ctx->draw_text)
        continue;

      if (column->meta != NULL)
        {
          show_text (ctx, column->name, text_x, 8, &pal->text);
          /* The stage's average, with a dot in its score colour. */
          cairo_new_path (cr);
          cairo_arc (cr, text_x + 4, 32, 4, 0, 2 * G_PI);
          set_score_source (ctx, (int) round (column->average));
          tp_gfx_fill (cr);
          show_text (ctx, column->meta, text_x + 12, 32 - column->meta->height / 2, &pal->text_dim);
        }
      else
        {
          show_text (ctx, column->name, text_x, (bottom - column->name->height) / 2, &pal->text);
        }
    }
}

static void
draw_corner (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  double w = TP_LAYOUT_LANE_HEADER_WIDTH, h = TP_LAYOUT_STAGE_HEADER_HEIGHT;
  TpRect corner = TP_RECT_INIT (0, 0, w, h);
  double y;

  if (!tp_rect_intersects (&corner, &ctx->visible))
    return;

  fill_top_band (ctx, 0, w);
  cairo_move_to (cr, 0, h - 0.5);
  cairo_line_to (cr, w - 0.5, h - 0.5);
  cairo_line_to (cr, w - 0.5, 0);
  set_source (cr, &pal->grid);
  cairo_set_line_width (cr, clamp_line (ctx, 1));
  tp_gfx_stroke (cr);

  if (!ctx->draw_text)
    return;

  /* The persona only when the title leaves room for it. */
  if (layout->subheading != NULL && layout->heading->n_lines == 1)
    {
      y = (h - layout->heading->height - layout->subheading->height - 2) / 2;
      show_text (ctx, layout->heading, 12, y, &pal->text);
      show_text (ctx, layout->subheading, 12, y + layout->heading->height + 2, &pal->text_dim);
    }
  else
    {
      show_text (ctx, layout->heading, 12, (h - layout->heading->height) / 2, &pal->text);
    }
}

/* Public API */

void
tp_render_options_init (TpRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TpRenderOptions) {
    .palette = TP_PALETTE_LIGHT,
    .parts = TP_RENDER_ALL,
    .visible = { 0, 0, 0, 0 },
    .zoom = 0,
    .show_employee_overlay = TRUE,
  };
}

static void
collect_note_marks (Ctx *ctx)
{
  TpJourney *journey = ctx->layout->journey;
  GListModel *notes = tp_journey_get_employee_notes (journey);
  guint n = g_list_model_get_n_items (notes);

  ctx->note_marks = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      const char *tp_id = tp_employee_note_get_touchpoint_id (note);
      TpTouchpoint *tp = *tp_id != '\0' ? tp_journey_lookup_touchpoint (journey, tp_id) : NULL;
      NoteMarks marks;
      guint department;

      if (tp == NULL || note_hidden (ctx, note))
        continue;
      marks.packed = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->note_marks, tp));
      department = MIN (note_department (ctx, note), 255);
      if (tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER)
        {
          if (marks.m.n_blockers == 0)
            marks.m.blocker_department = department;
          marks.m.n_blockers = MIN (marks.m.n_blockers + 1, 255);
        }
      else
        {
          if (marks.m.n_enablers == 0)
            marks.m.enabler_department = department;
          marks.m.n_enablers = MIN (marks.m.n_enablers + 1, 255);
        }
      g_hash_table_insert (ctx->note_marks, tp, GUINT_TO_POINTER (marks.packed));
    }
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->note_marks, g_hash_table_unref);
  g_clear_pointer (&ctx->departments, g_hash_table_unref);
  g_clear_pointer (&ctx->department_names, g_ptr_array_unref);
}

static void
ctx_init (Ctx                   *ctx,
          cairo_t               *cr,
          TpLayout              *layout,
          const TpRenderOptions *options)
{
  double x0, y0, x1, y1;
  TpRect bounds = TP_RECT_INIT (0, 0, layout->width, layout->height);

  ctx->cr = cr;
  ctx->layout = layout;
  ctx->options = options;
  ctx->palette = CLAMP (options->palette, TP_PALETTE_LIGHT, TP_PALETTE_PRINT);
  ctx->pal = &palettes[ctx->palette];
  ctx->interactive = ctx->palette != TP_PALETTE_PRINT;
  ctx->backs_drawn = FALSE;
  ctx->departments = NULL;
  ctx->department_names = NULL;
  if (layout->journey != NULL)
    {
      ctx->department_names = tp_journey_list_departments (layout->journey);
      ctx->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < ctx->department_names->len; i++)
        g_hash_table_insert (ctx->departments,
                             tp_department_key (g_ptr_array_index (ctx->department_names, i)),
                             GUINT_TO_POINTER (i + 1));
    }
  ctx->note_marks = NULL;
  if (layout->journey != NULL && options->show_employee_overlay)
    collect_note_marks (ctx);

  {
    cairo_surface_t *target = cairo_get_group_target (cr);
    cairo_surface_type_t type = cairo_surface_get_type (target);
    cairo_matrix_t m;
    double dsx, dsy;

    cairo_get_matrix (cr, &m);
    cairo_surface_get_device_scale (target, &dsx, &dsy);
    ctx->device_scale = dsx;
    ctx->pixel_scale = m.xx * dsx;
    /* Sprites need pixels and an axis-aligned, uniform scale; a page of
     * our PDF writer is a recording surface that is never painted. */
    ctx->raster = (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING)
                  && !tp_gfx_is_pdf_page (cr)
                  && m.xy == 0 && m.yx == 0 && m.xx == m.yy && m.xx > 0 && dsx == dsy;
  }

  /* Without a zoom from the caller, the scale cairo is drawing at. */
  if (options->zoom > 0)
    ctx->zoom = options->zoom;
  else
    ctx->zoom = ctx->pixel_scale > 0 ? ctx->pixel_scale : 1.0;
  ctx->simplified = ctx->zoom < TP_RENDER_SIMPLIFY_ZOOM;
  /* 10 pt text is 13 units: unreadable below ~4 device pixels. */
  ctx->draw_text = ctx->zoom * 13 >= 3.5;

  /* What to draw: the caller's rectangle within the cairo clip, within
   * the journey. */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  ctx->visible = TP_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  if (!tp_rect_is_empty (&options->visible))
    {
      const TpRect *o = &options->visible;

      x0 = MAX (x0, o->x);
      y0 = MAX (y0, o->y);
      x1 = MIN (x1, o->x + o->width);
      y1 = MIN (y1, o->y + o->height);
    }
  x0 = MAX (x0, bounds.x);
  y0 = MAX (y0, bounds.y);
  x1 = MIN (x1, bounds.width);
  y1 = MIN (y1, bounds.height);
  ctx->visible = TP_RECT_INIT (x0, y0, MAX (0, x1 - x0), MAX (0, y1 - y0));
}

void
tp_render_journey (cairo_t               *cr,
                   TpLayout              *layout,
                   const TpRenderOptions *options)
{
  TpRenderOptions defaults;
  Ctx ctx;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TP_IS_LAYOUT (layout));

  if (options == NULL)
    {
      tp_render_options_init (&defaults);
      options = &defaults;
    }

  ctx_init (&ctx, cr, layout, options);
  if (tp_rect_is_empty (&ctx.visible))
    {
      ctx_clear (&ctx);
      return;
    }

  tp_gfx_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if (options->parts & TP_RENDER_BODY)
    draw_body (&ctx);
  if (options->parts & TP_RENDER_LANE_HEADERS)
    draw_lane_headers (&ctx);
  if (options->parts & TP_RENDER_STAGE_HEADERS)
    draw_stage_headers (&ctx);
  if (options->parts & TP_RENDER_CORNER)
    draw_corner (&ctx);

  tp_gfx_restore (cr);
  ctx_clear (&ctx);
}

void
tp_render_card (cairo_t               *cr,
                TpLayout              *layout,
                TpElement             *element,
                const TpRenderOptions *options,
                double                 dx,
                double                 dy)
{
  TpRenderOptions defaults;
  gpointer index;
  Ctx ctx;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TP_IS_LAYOUT (layout));
  g_return_if_fail (TP_IS_ELEMENT (element));

  index = g_hash_table_lookup (layout->item_index, element);
  if (index == NULL)
    return;

  if (options == NULL)
    {
      tp_render_options_init (&defaults);
      options = &defaults;
    }

  ctx_init (&ctx, cr, layout, options);
  ctx.simplified = FALSE;
  tp_gfx_save (cr);
  draw_card (&ctx, tp_layout_item (layout, GPOINTER_TO_UINT (index) - 1), dx, dy, TRUE);
  tp_gfx_restore (cr);
  ctx_clear (&ctx);
}

void
tp_render_drop_indicator (cairo_t               *cr,
                          const TpLayoutDrop    *drop,
                          const TpRenderOptions *options)
{
  const Palette *pal;
  double y, x0, x1, zoom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (drop != NULL);

  if (options != NULL && options->palette == TP_PALETTE_PRINT)
    return;

  pal = &palettes[options != NULL ? CLAMP (options->palette, TP_PALETTE_LIGHT, TP_PALETTE_DARK) : TP_PALETTE_LIGHT];
  if (options != NULL && options->zoom > 0)
    {
      zoom = options->zoom;
    }
  else
    {
      double ux = 1, uy = 0;

      cairo_user_to_device_distance (cr, &ux, &uy);
      zoom = hypot (ux, uy) > 0 ? hypot (ux, uy) : 1.0;
    }
  y = drop->indicator.y + drop->indicator.height / 2;
  x0 = drop->indicator.x + 4;
  x1 = drop->indicator.x + drop->indicator.width - 4;

  tp_gfx_save (cr);
  set_source (cr, &pal->accent);
  cairo_set_line_width (cr, MAX (3, 2 / zoom));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  tp_gfx_stroke (cr);
  cairo_arc (cr, x0, y, 4, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1, y, 4, 0, 2 * G_PI);
  tp_gfx_fill (cr);
  tp_gfx_restore (cr);
}
