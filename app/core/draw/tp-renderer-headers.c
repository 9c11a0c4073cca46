/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-renderer-private.h"

/* Headers */

/* A selected header: the accent outline selected cards have, around the
 * current path. Only on screen (is_selected() says so). */
static void
draw_selection_outline (Ctx *ctx)
{
  set_source (ctx->cr, &ctx->pal->accent);
  cairo_set_line_width (ctx->cr, clamp_line (ctx, 2.5));
  tp_render_backend_stroke (ctx->backend, ctx->cr);
}

/* Under the employee lane's name: the blocker and enabler markers and a
 * swatch per department; the layout makes the lane tall enough for all. */
static void
draw_department_legend (Ctx               *ctx,
                        const TpLayoutRow *row)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  double y = row->y + TP_LAYOUT_LEGEND_TOP + row->name->height + TP_LAYOUT_LEGEND_GAP;

  for (int i = 0; i < 2; i++)
    {
      guint blocker = i == 0;
      const double radius = 6;
      TpLayoutText *label = tp_layout_get_legend_label (layout, blocker ? _("Blocker") : _("Enabler"));
      double line = tp_layout_legend_step (label);
      TpRect bounds = TP_RECT_INIT (21 - radius - 1.5, y + TP_LAYOUT_LEGEND_LINE / 2 - radius - 1.5,
                                    2 * radius + 3, 2 * radius + 3);

      tp_renderer_draw_sprite (ctx, SPRITE_MARKER, blocker, &bounds, tp_renderer_marker_sprite);
      show_text (ctx, label, 36, y + (line - label->height) / 2, &pal->text_dim);
      y += line;
    }

  for (guint i = 0; i < ctx->department_names->len; i++)
    {
      const char *name = g_ptr_array_index (ctx->department_names, i);
      TpLayoutText *label = tp_layout_get_legend_label (layout, name);
      double line = tp_layout_legend_step (label);

      /* The swatch beside the label's first line. */
      tp_path_rounded_rect (cr, 15, y + TP_LAYOUT_LEGEND_LINE / 2 - 5, 12, 10, 2);
      set_department_source (ctx, i);
      tp_render_backend_fill (ctx->backend, cr);
      show_text (ctx, label, 36, y + (line - label->height) / 2, &pal->text);
      y += line;
    }
}

gboolean
tp_renderer_draw_lane_header_column (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double right = TP_LAYOUT_LANE_HEADER_WIDTH;
  double top = MAX (v->y, layout->header_height);
  double bottom = MIN (v->y + v->height, layout->height);
  guint l0, l1;

  if (v->x >= right || top >= bottom)
    return FALSE;

  set_source (cr, &pal->header);
  cairo_rectangle (cr, 0, top, right, bottom - top);
  tp_render_backend_fill (ctx->backend, cr);

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
  tp_render_backend_stroke (ctx->backend, cr);

  for (guint l = l0; l < l1; l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);

      if (is_selected (ctx, TP_ELEMENT (row->lane)))
        {
          tp_path_rounded_rect (cr, 3.5, row->y + 3.5, right - 7, row->height - 7, TP_CARD_RADIUS + 2);
          draw_selection_outline (ctx);
        }
    }
  return TRUE;
}

void
tp_renderer_draw_lane_header (Ctx         *ctx,
                              TpLayoutRow *row)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  double right = TP_LAYOUT_LANE_HEADER_WIDTH;

  if (!ctx->draw_text)
    return;

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
      tp_render_backend_stroke (ctx->backend, cr);
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
          tp_render_backend_stroke (ctx->backend, cr);
          cairo_set_dash (cr, NULL, 0, 0);
          label = tp_layout_get_label (layout, TP_TEXT_CAPTION, -1, _("Employee"));
          show_text (ctx, label, 38, y - label->height / 2, &pal->text_dim);
        }
    }
}

void
tp_renderer_draw_lane_headers (Ctx *ctx)
{
  TpRect *v = &ctx->visible;
  guint l0, l1;

  if (!tp_renderer_draw_lane_header_column (ctx) || !ctx->draw_text)
    return;

  tp_layout_get_row_range (ctx->layout, MAX (v->y, TP_LAYOUT_STAGE_HEADER_HEIGHT),
                           MIN (v->y + v->height, ctx->layout->height), &l0, &l1);
  for (guint l = l0; l < l1; l++)
    tp_renderer_draw_lane_header (ctx, tp_layout_row (ctx->layout, l));
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
  cairo_rectangle (ctx->cr, x, 0, width, ctx->layout->header_height);
  tp_render_backend_fill (ctx->backend, ctx->cr);
}

static void
chevron_path (cairo_t *cr,
              double   height,
              double   x,
              double   width,
              gboolean first,
              gboolean last)
{
  const double top = 6, bottom = height - 6;
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

void
tp_renderer_draw_stage_headers (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  TpRect *v = &ctx->visible;
  double left = MAX (v->x, TP_LAYOUT_LANE_HEADER_WIDTH);
  double right = MIN (v->x + v->width, layout->width);
  double bottom = layout->header_height;
  guint selected = G_MAXUINT;
  guint s0, s1;

  if (v->y >= bottom || left >= right)
    return;

  fill_top_band (ctx, left, right - left);
  cairo_move_to (cr, left, bottom - 0.5);
  cairo_line_to (cr, right, bottom - 0.5);
  set_source (cr, &pal->grid);
  cairo_set_line_width (cr, clamp_line (ctx, 1));
  tp_render_backend_stroke (ctx->backend, cr);

  /* A chevron's point reaches 14 units into the next column. */
  tp_layout_get_column_range (layout, left - 14, right, &s0, &s1);
  for (guint s = s0; s < s1; s++)
    {
      TpLayoutColumn *column = tp_layout_column (layout, s);
      gboolean first = s == 0;
      double text_x = column->x + (first ? 18 : 24);

      tp_renderer_begin_group (ctx, "stage-", TP_ELEMENT (column->stage), "stage");
      chevron_path (cr, bottom, column->x, column->width, first, s + 1 == layout->columns->len);
      set_source (cr, &pal->band[s % 2]);
      tp_render_backend_fill (ctx->backend, cr);
      /* The next chevron would cover the outline's point: drawn after. */
      if (is_selected (ctx, TP_ELEMENT (column->stage)))
        selected = s;

      if (!ctx->draw_text)
        {
          tp_renderer_end_group (ctx);
          continue;
        }

      if (column->meta != NULL)
        {
          /* A name of more lines (paper) pushes the average down. */
          double meta_y = 32 + tp_layout_text_extra_lines_height (column->name);

          show_text (ctx, column->name, text_x, 8, &pal->text);
          /* The stage's average, with a dot in its score colour. */
          cairo_new_path (cr);
          cairo_arc (cr, text_x + 4, meta_y, 4, 0, 2 * G_PI);
          set_score_source (ctx, (int) round (column->average));
          tp_render_backend_fill (ctx->backend, cr);
          show_text (ctx, column->meta, text_x + 12, meta_y - column->meta->height / 2, &pal->text_dim);
        }
      else
        {
          show_text (ctx, column->name, text_x, (bottom - column->name->height) / 2, &pal->text);
        }
      tp_renderer_end_group (ctx);
    }

  if (selected != G_MAXUINT)
    {
      TpLayoutColumn *column = tp_layout_column (layout, selected);

      chevron_path (cr, bottom, column->x, column->width, selected == 0, selected + 1 == layout->columns->len);
      draw_selection_outline (ctx);
    }
}

void
tp_renderer_draw_corner (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;
  const Palette *pal = ctx->pal;
  double w = TP_LAYOUT_LANE_HEADER_WIDTH, h = layout->header_height;
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
  tp_render_backend_stroke (ctx->backend, cr);

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
