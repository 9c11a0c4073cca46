/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-renderer-private.h"

/* Colours */

#define HEX(h, alpha) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0, (alpha) }

/* Adwaita's named colours: blue 3 #3584e4, red 3 #e01b24, yellow 5
 * #e5a50a, green 5 #26a269, purple 3 #9141ac, and the dark greys. */
static const Palette palettes[] = {
  [TP_PALETTE_LIGHT] = {
    .background = HEX (0xf6f5f4, 1), .header = HEX (0xebeaea, 1),
    .band = { HEX (0xdde8f7, 1), HEX (0xcfdff4, 1) },
    .lane_tint = HEX (0x000000, 0.025), .grid = HEX (0x000000, 0.10),
    .text = HEX (0x1e1e1e, 1), .text_dim = HEX (0x000000, 0.62),
    .card = HEX (0xffffff, 1), .card_border = HEX (0x000000, 0.14), .shadow = HEX (0x000000, 0.07),
    .action_bar = HEX (0x3584e4, 1),
    .thought = HEX (0xf6f0fa, 1), .thought_border = HEX (0x9141ac, 0.35),
    .chip_online = HEX (0x3584e4, 0.15), .chip_online_fg = HEX (0x1a5fb4, 1),
    .chip_offline = HEX (0x000000, 0.07), .chip_offline_fg = HEX (0x5e5c64, 1),
    .blocker = HEX (0xfdeced, 1), .blocker_border = HEX (0xe01b24, 0.45), .blocker_accent = HEX (0xc01c28, 1),
    .enabler = HEX (0xe8f6ed, 1), .enabler_border = HEX (0x26a269, 0.45), .enabler_accent = HEX (0x18774a, 1),
    .opportunity = HEX (0xfff6d0, 1), .opportunity_border = HEX (0xe5a50a, 0.6),
    .opportunity_accent = HEX (0x946300, 1),
    .badge_none = HEX (0x000000, 0.08),
    .accent = HEX (0x3584e4, 1), .curve = HEX (0x1c71d8, 1), .curve_fill = HEX (0x3584e4, 0.08),
    .employee = HEX (0x9141ac, 1),
    .guide_good = HEX (0x5e5c64, 0.9), .guide_target = HEX (0x18774a, 1),
    .zone_target = HEX (0x26a269, 0.06), .zone_low = HEX (0xe01b24, 0.035),
    .gold = HEX (0xf5c211, 1), .gold_dark = HEX (0xb57c00, 1),
    .on_dark = HEX (0xffffff, 1), .on_light = HEX (0x1e1e1e, 1),
  },
  [TP_PALETTE_DARK] = {
    .background = HEX (0x242424, 1), .header = HEX (0x2e2e2e, 1),
    .band = { HEX (0x27405f, 1), HEX (0x2d4a6e, 1) },
    .lane_tint = HEX (0xffffff, 0.025), .grid = HEX (0xffffff, 0.09),
    .text = HEX (0xffffff, 0.92), .text_dim = HEX (0xffffff, 0.64),
    .card = HEX (0x383838, 1), .card_border = HEX (0xffffff, 0.10), .shadow = HEX (0x000000, 0.35),
    .action_bar = HEX (0x62a0ea, 1),
    .thought = HEX (0x3b3341, 1), .thought_border = HEX (0xc061cb, 0.45),
    .chip_online = HEX (0x3584e4, 0.30), .chip_online_fg = HEX (0x99c1f1, 1),
    .chip_offline = HEX (0xffffff, 0.08), .chip_offline_fg = HEX (0xc0bfbc, 1),
    .blocker = HEX (0x4a2a2d, 1), .blocker_border = HEX (0xf66151, 0.5), .blocker_accent = HEX (0xff7b6b, 1),
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
    .text = HEX (0x000000, 0.9), .text_dim = HEX (0x000000, 0.66),
    .card = HEX (0xffffff, 1), .card_border = HEX (0x000000, 0.22), .shadow = HEX (0x000000, 0.06),
    .action_bar = HEX (0x3584e4, 1),
    .thought = HEX (0xf6f0fa, 1), .thought_border = HEX (0x9141ac, 0.45),
    .chip_online = HEX (0x3584e4, 0.15), .chip_online_fg = HEX (0x1a5fb4, 1),
    .chip_offline = HEX (0x000000, 0.07), .chip_offline_fg = HEX (0x5e5c64, 1),
    .blocker = HEX (0xfdeced, 1), .blocker_border = HEX (0xe01b24, 0.55), .blocker_accent = HEX (0xc01c28, 1),
    .enabler = HEX (0xe8f6ed, 1), .enabler_border = HEX (0x26a269, 0.55), .enabler_accent = HEX (0x18774a, 1),
    .opportunity = HEX (0xfff6d0, 1), .opportunity_border = HEX (0xe5a50a, 0.7),
    .opportunity_accent = HEX (0x946300, 1),
    .badge_none = HEX (0x000000, 0.08),
    .accent = HEX (0x3584e4, 1), .curve = HEX (0x1c71d8, 1), .curve_fill = HEX (0x3584e4, 0.08),
    .employee = HEX (0x9141ac, 1),
    .guide_good = HEX (0x5e5c64, 0.9), .guide_target = HEX (0x18774a, 1),
    .zone_target = HEX (0x26a269, 0.06), .zone_low = HEX (0xe01b24, 0.035),
    .gold = HEX (0xf5c211, 1), .gold_dark = HEX (0xb57c00, 1),
    .on_dark = HEX (0xffffff, 1), .on_light = HEX (0x1e1e1e, 1),
  },
};

/* Sprites */

#define SPRITE_PAD 2     /* pixels around the bounds for antialiasing */
#define SPRITE_MAX 512   /* pixels; larger ones are drawn directly */
#define SPRITE_CACHE_MAX 1024

void
tp_renderer_draw_sprite (Ctx          *ctx,
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
      sub.backend = tp_render_backend_cairo ();
      sub.raster = FALSE;
      /* A sprite is drawn whole: it is reused wherever it is visible. */
      sub.cull_text = FALSE;
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

  tp_render_backend_save (ctx->backend, cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, sprite, x, y);
  cairo_rectangle (cr, x, y, w / ds, h / ds);
  tp_render_backend_fill (ctx->backend, cr);
  tp_render_backend_restore (ctx->backend, cr);
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
  tp_render_backend_fill (ctx->backend, cr);

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
  tp_render_backend_fill (ctx->backend, cr);
}

/* Background, stripes and grid; FALSE when the body is not visible. */
static gboolean
draw_body_ground (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double vx1 = v->x + v->width;
  double vy1 = v->y + v->height;
  double gx0 = MAX (v->x, TP_LAYOUT_LANE_HEADER_WIDTH);
  double gy0 = MAX (v->y, layout->header_height);
  guint s0, s1, l0, l1;

  if (gx0 >= vx1 || gy0 >= vy1)
    return FALSE;

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
  tp_render_backend_stroke (ctx->backend, cr);
  return TRUE;
}

static void
draw_curve_lane (Ctx         *ctx,
                 TpLayoutRow *row)
{
  if (row->curve == NULL || !tp_rect_intersects (&row->plot, &ctx->visible))
    return;
  if (ctx->groups)
    tp_render_backend_begin_group (ctx->backend, ctx->cr, "curve", "curve");
  tp_renderer_draw_curve_lane (ctx, row);
  if (ctx->groups)
    tp_render_backend_end_group (ctx->backend, ctx->cr);
}

static void
draw_body (Ctx *ctx)
{
  TpRect *v = &ctx->visible;
  guint l0, l1;

  if (!draw_body_ground (ctx))
    return;

  tp_layout_get_row_range (ctx->layout, v->y, v->y + v->height, &l0, &l1);
  for (guint l = l0; l < l1; l++)
    draw_curve_lane (ctx, tp_layout_row (ctx->layout, l));

  tp_renderer_draw_cards (ctx);

  if (ctx->interactive && ctx->options->show_drop)
    tp_render_drop_indicator (ctx->cr, &ctx->options->drop, ctx->options);
}

/* For a backend with groups: a group per lane, holding its header, its
 * curve and its cards, then a group per stage header. Lanes do not
 * overlap each other or the headers, so the order looks the same. */
static void
draw_grouped (Ctx *ctx)
{
  TpRenderParts parts = ctx->options->parts;
  TpLayout *layout = ctx->layout;
  TpRect *v = &ctx->visible;
  gboolean body = FALSE, headers = FALSE;
  guint l0, l1;

  if (parts & TP_RENDER_BODY)
    {
      tp_render_backend_begin_group (ctx->backend, ctx->cr, "grid", "grid");
      body = draw_body_ground (ctx);
      tp_render_backend_end_group (ctx->backend, ctx->cr);
    }
  if (parts & TP_RENDER_LANE_HEADERS)
    headers = tp_renderer_draw_lane_header_column (ctx);

  tp_layout_get_row_range (layout, MAX (v->y, TP_LAYOUT_STAGE_HEADER_HEIGHT), v->y + v->height, &l0, &l1);
  for (guint l = l0; (body || headers) && l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);

      tp_renderer_begin_group (ctx, "lane-", TP_ELEMENT (row->lane), "lane");
      if (headers)
        tp_renderer_draw_lane_header (ctx, row);
      if (body)
        {
          draw_curve_lane (ctx, row);
          tp_renderer_draw_lane_cards (ctx, l);
        }
      tp_renderer_end_group (ctx);
    }

  if (parts & TP_RENDER_STAGE_HEADERS)
    tp_renderer_draw_stage_headers (ctx);
  if (parts & TP_RENDER_CORNER)
    {
      tp_render_backend_begin_group (ctx->backend, ctx->cr, "heading", "heading");
      tp_renderer_draw_corner (ctx);
      tp_render_backend_end_group (ctx->backend, ctx->cr);
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
  GListModel *notes = tp_journey_get_employee_notes (ctx->layout->journey);
  guint n = g_list_model_get_n_items (notes);

  ctx->note_marks = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      const char *tp_id = tp_employee_note_get_touchpoint_id (note);
      TpTouchpoint *tp = tp_layout_lookup_touchpoint (ctx->layout, tp_id);
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
  ctx->backend = tp_render_backend_get (cr);
  ctx->layout = layout;
  ctx->options = options;
  ctx->palette = CLAMP (options->palette, TP_PALETTE_LIGHT, TP_PALETTE_PRINT);
  ctx->pal = &palettes[ctx->palette];
  ctx->interactive = ctx->palette != TP_PALETTE_PRINT;
  ctx->backs_drawn = FALSE;
  ctx->cull_text = FALSE;
  ctx->groups = FALSE;
  ctx->departments = NULL;
  ctx->department_names = NULL;
  if (layout->journey != NULL)
    {
      ctx->department_names = tp_layout_list_departments (layout);
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
    cairo_matrix_t m;
    double dsx, dsy;

    cairo_get_matrix (cr, &m);
    cairo_surface_get_device_scale (target, &dsx, &dsy);
    ctx->device_scale = dsx;
    ctx->pixel_scale = m.xx * dsx;
    /* Sprites need pixels and an axis-aligned, uniform scale. */
    ctx->raster = tp_render_backend_is_raster (ctx->backend, cr)
                  && m.xy == 0 && m.yx == 0 && m.xx == m.yy && m.xx > 0 && dsx == dsy;
  }

  /* Without a zoom from the caller, the scale cairo is drawing at. */
  if (options->zoom > 0)
    ctx->zoom = options->zoom;
  else
    ctx->zoom = ctx->pixel_scale > 0 ? ctx->pixel_scale : 1.0;
  ctx->simplified = ctx->zoom < TP_RENDER_SIMPLIFY_ZOOM;
  /* Zoomed out, cards are blocks drawn a colour at a time: no groups. */
  ctx->groups = tp_render_backend_wants_groups (ctx->backend) && !ctx->simplified;
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
  ctx.cull_text = TRUE;
  if (tp_rect_is_empty (&ctx.visible))
    {
      ctx_clear (&ctx);
      return;
    }

  tp_render_backend_save (ctx.backend, cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if (ctx.groups)
    draw_grouped (&ctx);
  else
    {
      if (options->parts & TP_RENDER_BODY)
        draw_body (&ctx);
      if (options->parts & TP_RENDER_LANE_HEADERS)
        tp_renderer_draw_lane_headers (&ctx);
      if (options->parts & TP_RENDER_STAGE_HEADERS)
        tp_renderer_draw_stage_headers (&ctx);
      if (options->parts & TP_RENDER_CORNER)
        tp_renderer_draw_corner (&ctx);
    }

  tp_render_backend_restore (ctx.backend, cr);
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
  tp_render_backend_save (ctx.backend, cr);
  tp_renderer_draw_card (&ctx, tp_layout_item (layout, GPOINTER_TO_UINT (index) - 1), dx, dy, TRUE);
  tp_render_backend_restore (ctx.backend, cr);
  ctx_clear (&ctx);
}

void
tp_render_drop_indicator (cairo_t               *cr,
                          const TpLayoutDrop    *drop,
                          const TpRenderOptions *options)
{
  TpRenderBackend *backend;
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

  backend = tp_render_backend_get (cr);
  tp_render_backend_save (backend, cr);
  set_source (cr, &pal->accent);
  cairo_set_line_width (cr, MAX (3, 2 / zoom));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  tp_render_backend_stroke (backend, cr);
  cairo_arc (cr, x0, y, 4, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1, y, 4, 0, 2 * G_PI);
  tp_render_backend_fill (backend, cr);
  tp_render_backend_restore (backend, cr);
}

/* A colour of the palette laid over an opaque one. */
static void
over (const Rgba   *top,
      const double  below[3],
      double        out[3])
{
  out[0] = top->r * top->a + below[0] * (1 - top->a);
  out[1] = top->g * top->a + below[1] * (1 - top->a);
  out[2] = top->b * top->a + below[2] * (1 - top->a);
}

double
tp_renderer_worst_text_contrast (TpPalette    palette,
                                 const char **which)
{
  const Palette *pal = &palettes[CLAMP (palette, TP_PALETTE_LIGHT, TP_PALETTE_PRINT)];
  /* Every text colour on what it is drawn on (a chip over a card). */
  const struct {
    const char *name;
    const Rgba *text, *under, *on;
  } pairs[] = {
    { "text on card", &pal->text, NULL, &pal->card },
    { "dim text on card", &pal->text_dim, NULL, &pal->card },
    { "text on background", &pal->text, NULL, &pal->background },
    { "dim text on header", &pal->text_dim, NULL, &pal->header },
    { "text on first band", &pal->text, NULL, &pal->band[0] },
    { "text on second band", &pal->text, NULL, &pal->band[1] },
    { "dim text on second band", &pal->text_dim, NULL, &pal->band[1] },
    { "dim text on thought", &pal->text_dim, NULL, &pal->thought },
    { "blocker label", &pal->blocker_accent, NULL, &pal->blocker },
    { "dim text on blocker", &pal->text_dim, NULL, &pal->blocker },
    { "enabler label", &pal->enabler_accent, NULL, &pal->enabler },
    { "opportunity label", &pal->opportunity_accent, NULL, &pal->opportunity },
    { "online chip", &pal->chip_online_fg, &pal->chip_online, &pal->card },
    { "offline chip", &pal->chip_offline_fg, &pal->chip_offline, &pal->card },
    { "good-enough guide", &pal->guide_good, NULL, &pal->background },
    { "target guide", &pal->guide_target, NULL, &pal->background },
    { "employee label", &pal->employee, NULL, &pal->background },
  };
  double worst = 21;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      double base[3] = { pairs[i].on->r, pairs[i].on->g, pairs[i].on->b };
      double ground[3], fg[3], contrast;

      if (pairs[i].under != NULL)
        over (pairs[i].under, base, ground);
      else
        memcpy (ground, base, sizeof ground);
      over (pairs[i].text, ground, fg);
      contrast = tp_color_contrast (fg, ground);
      if (contrast < worst)
        {
          worst = contrast;
          if (which != NULL)
            *which = pairs[i].name;
        }
    }
  return worst;
}
