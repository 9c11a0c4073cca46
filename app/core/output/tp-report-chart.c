/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-colors.h"
#include "tp-render-backend.h"
#include "tp-report.h"

/* The report's charts, drawn with cairo so they are vectors in the PDF
 * and in the HTML's inline SVG alike. */

#define LABEL_SIZE 7.0
#define AXIS_WIDTH 20.0

static void
set_color (cairo_t *cr,
           guint32  hex)
{
  cairo_set_source_rgb (cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                        (hex & 0xff) / 255.0);
}

static PangoLayout *
label_layout (PangoContext *context,
              const char   *text,
              double        size,
              gboolean      bold,
              double        width,
              int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (TP_REPORT_FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* Words are kept whole and the last line ellipsized: a label
       * broken mid-word reads worse than a shortened one. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      /* Negative: at most this many lines. */
      pango_layout_set_height (layout, -max_lines);
    }
  return layout;
}

/* Draws @text with its reference point given by @xalign/@yalign (0 left
 * or top, 0.5 centre, 1 right or bottom). */
static void
draw_label (cairo_t      *cr,
            PangoContext *context,
            const char   *text,
            double        x,
            double        y,
            double        xalign,
            double        yalign,
            double        size,
            gboolean      bold,
            double        width,
            int           max_lines)
{
  g_autoptr(PangoLayout) layout = label_layout (context, text, size, bold, width, max_lines);
  PangoRectangle ink, logical;

  if (width > 0)
    pango_layout_set_alignment (layout, xalign < 0.25 ? PANGO_ALIGN_LEFT
                                        : xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_move_to (cr, x - (width > 0 ? width : logical.width) * xalign, y - logical.height * yalign);
  tp_gfx_show_layout (cr, layout);
}

static double
score_y (double score,
         double top,
         double bottom,
         double lowest)
{
  return bottom - (score - lowest) / (TP_SCORE_MAX - lowest) * (bottom - top);
}

static void
draw_guides (cairo_t             *cr,
             PangoContext        *context,
             const TpReportBlock *chart,
             double               left,
             double               right,
             double               top,
             double               bottom,
             double               lowest,
             gboolean             labels)
{
  const double dashes[] = { 3, 2 };
  const struct { int score; guint32 color; const char *label; } guides[] = {
    { chart->good_enough, 0x26a269, _("good enough") },
    { chart->moment_target, TP_REPORT_ACCENT, _("moment target") },
  };

  /* Light grid with the scale on the left. */
  cairo_set_line_width (cr, 0.5);
  for (int s = (int) ceil (lowest); s <= TP_SCORE_MAX; s++)
    {
      double y = round (score_y (s, top, bottom, lowest)) + 0.25;

      if (s != (int) lowest && s % 2 != 0)
        continue;
      set_color (cr, TP_REPORT_RULE);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      tp_gfx_stroke (cr);
      if (labels || s == TP_SCORE_MAX || s == (int) lowest)
        {
          g_autofree char *text = g_strdup_printf ("%d", s);

          set_color (cr, TP_REPORT_MUTED);
          draw_label (cr, context, text, left - 4, y, 1, 0.5, LABEL_SIZE, FALSE, 0, 0);
        }
    }

  /* The 7+ and 9+ lines of the rule of thumb. */
  tp_gfx_save (cr);
  cairo_set_line_width (cr, 0.9);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (guint g = 0; g < G_N_ELEMENTS (guides); g++)
    {
      double y = score_y (guides[g].score, top, bottom, lowest);

      if (guides[g].score < lowest || guides[g].score > TP_SCORE_MAX)
        continue;
      set_color (cr, guides[g].color);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      tp_gfx_stroke (cr);
    }
  tp_gfx_restore (cr);
}

/* The names of the guides, in a margin right of the plot, where no bar,
 * whisker or curve runs through them. */
#define GUIDE_LABEL_WIDTH 78.0

static void
draw_guide_labels (cairo_t             *cr,
                   PangoContext        *context,
                   const TpReportBlock *chart,
                   double               right,
                   double               top,
                   double               bottom,
                   double               lowest)
{
  const struct { int score; guint32 color; const char *label; } guides[] = {
    { chart->good_enough, 0x26a269, _("good enough") },
    { chart->moment_target, TP_REPORT_ACCENT, _("moment target") },
  };

  for (guint g = 0; g < G_N_ELEMENTS (guides); g++)
    {
      g_autofree char *text = g_strdup_printf ("%d · %s", guides[g].score, guides[g].label);

      if (guides[g].score < lowest || guides[g].score > TP_SCORE_MAX)
        continue;
      set_color (cr, guides[g].color);
      draw_label (cr, context, text, right + 5, score_y (guides[g].score, top, bottom, lowest),
                  0, 0.5, LABEL_SIZE - 0.5, FALSE, GUIDE_LABEL_WIDTH - 6, 2);
    }
}

static void
draw_empty (cairo_t      *cr,
            PangoContext *context,
            double        width,
            double        height)
{
  set_color (cr, TP_REPORT_MUTED);
  draw_label (cr, context, _("No scores yet"), width / 2, height / 2, 0.5, 0.5, 9, FALSE, 0, 0);
}

static void
draw_dot (cairo_t            *cr,
          const TpReportItem *item,
          const TpReportBlock *chart,
          double              x,
          double              y,
          double              radius)
{
  if (item->highlight)
    {
      /* A moment of truth: a bigger dot with a dark ring. */
      cairo_arc (cr, x, y, radius + 1.6, 0, 2 * G_PI);
      set_color (cr, TP_REPORT_TEXT);
      tp_gfx_fill (cr);
    }
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_color (cr, tp_score_hex (item->score));
  tp_gfx_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 0.6);
  tp_gfx_stroke (cr);
}

static void
draw_curve (cairo_t             *cr,
            PangoContext        *context,
            const TpReportBlock *chart,
            double               width,
            double               height)
{
  GPtrArray *items = chart->items;
  double left = AXIS_WIDTH, right = width - GUIDE_LABEL_WIDTH, top = 6, bottom = height - 24;
  double slot, radius;
  guint start;

  if (items->len == 0)
    {
      draw_empty (cr, context, width, height);
      return;
    }

  slot = (right - left) / items->len;
  radius = CLAMP (slot / 3, 1.2, 3.2);

  /* Stage bands, shaded alternately, named underneath. */
  start = 0;
  for (guint i = 1, band = 0; i <= items->len; i++)
    {
      TpReportItem *first = g_ptr_array_index (items, start);

      if (i < items->len && ((TpReportItem *) g_ptr_array_index (items, i))->count == first->count)
        continue;
      if (band++ % 2 == 0)
        {
          set_color (cr, TP_REPORT_ZEBRA);
          cairo_rectangle (cr, left + slot * start, top, slot * (i - start), bottom - top);
          tp_gfx_fill (cr);
        }
      if (first->count < chart->n_columns)
        {
          set_color (cr, TP_REPORT_MUTED);
          draw_label (cr, context, chart->headers[first->count], left + slot * (start + i) / 2.0,
                      bottom + 4, 0.5, 0, LABEL_SIZE, FALSE, MAX (slot * (i - start) - 2, 8), 2);
        }
      start = i;
    }

  draw_guides (cr, context, chart, left, right, top, bottom, TP_SCORE_MIN, TRUE);

  /* Showing text leaves a current point; the curve starts afresh. */
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* A dense curve thin, so the dots still read. */
  cairo_set_line_width (cr, items->len > 60 ? 0.6 : 1.4);
  set_color (cr, TP_REPORT_ACCENT);
  for (guint i = 0; i < items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (items, i);

      cairo_line_to (cr, left + slot * (i + 0.5), score_y (item->score, top, bottom, TP_SCORE_MIN));
    }
  tp_gfx_stroke (cr);

  for (guint i = 0; i < items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (items, i);

      draw_dot (cr, item, chart, left + slot * (i + 0.5),
                score_y (item->score, top, bottom, TP_SCORE_MIN), radius);
    }
  draw_guide_labels (cr, context, chart, right, top, bottom, TP_SCORE_MIN);
}

static void
draw_stage_bars (cairo_t             *cr,
                 PangoContext        *context,
                 const TpReportBlock *chart,
                 double               width,
                 double               height)
{
  GPtrArray *items = chart->items;
  double left = AXIS_WIDTH, right = width - GUIDE_LABEL_WIDTH, top = 16, bottom = height - 26;
  double slot, bar;

  if (items->len == 0)
    {
      draw_empty (cr, context, width, height);
      return;
    }

  slot = (right - left) / items->len;
  bar = MIN (slot * 0.5, 44);
  draw_guides (cr, context, chart, left, right, top, bottom, 0, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (items, i);
      double cx = left + slot * (i + 0.5);
      g_autofree char *value = tp_report_format_score (item->score);
      double label_y = bottom;

      if (!isnan (item->score))
        {
          double y = score_y (item->score, top, bottom, 0);

          set_color (cr, tp_score_hex (item->score));
          cairo_rectangle (cr, cx - bar / 2, y, bar, bottom - y);
          tp_gfx_fill (cr);

          /* Whisker from the stage's lowest to its highest touchpoint. */
          set_color (cr, TP_REPORT_TEXT);
          cairo_set_line_width (cr, 0.9);
          cairo_move_to (cr, cx, score_y (item->min, top, bottom, 0));
          cairo_line_to (cr, cx, score_y (item->max, top, bottom, 0));
          for (int end = 0; end < 2; end++)
            {
              double wy = score_y (end == 0 ? item->min : item->max, top, bottom, 0);

              cairo_move_to (cr, cx - 4, wy);
              cairo_line_to (cr, cx + 4, wy);
            }
          tp_gfx_stroke (cr);
          label_y = MIN (y, score_y (item->max, top, bottom, 0));
        }

      set_color (cr, TP_REPORT_TEXT);
      draw_label (cr, context, value, cx, label_y - 2, 0.5, 1, LABEL_SIZE + 0.5, TRUE, 0, 0);
      set_color (cr, TP_REPORT_MUTED);
      draw_label (cr, context, item->text, cx, bottom + 4, 0.5, 0, LABEL_SIZE, FALSE,
                  MAX (slot - 4, 8), 2);
    }

  /* The base line. */
  set_color (cr, TP_REPORT_MUTED);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  tp_gfx_stroke (cr);
  draw_guide_labels (cr, context, chart, right, top, bottom, 0);
}

static void
draw_score_bars (cairo_t             *cr,
                 PangoContext        *context,
                 const TpReportBlock *chart,
                 double               width,
                 double               height)
{
  GPtrArray *items = chart->items;
  double left = AXIS_WIDTH, right = width - 2, top = 6, bottom = height - 2;
  double slot, bar;

  if (items->len == 0)
    return;

  /* At most a hand's width per bar: a stage of three touchpoints should
   * not look like a bar chart of three buildings. */
  slot = MIN ((right - left) / items->len, 26);
  bar = MAX (slot * 0.62, 0.8);
  draw_guides (cr, context, chart, left, right, top, bottom, 0, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (items, i);
      double x = left + slot * i + (slot - bar) / 2;
      double y = score_y (item->score, top, bottom, 0);

      set_color (cr, tp_score_hex (item->score));
      cairo_rectangle (cr, x, y, bar, bottom - y);
      tp_gfx_fill (cr);
      if (item->highlight)
        {
          set_color (cr, TP_REPORT_TEXT);
          cairo_rectangle (cr, x, y - 2.5, bar, 1.5);
          tp_gfx_fill (cr);
        }
    }
}

static void
draw_channel_bars (cairo_t             *cr,
                   PangoContext        *context,
                   const TpReportBlock *chart,
                   double               width,
                   double               height)
{
  GPtrArray *items = chart->items;
  double label_width = MIN (130, width * 0.3);
  double left = label_width + 8, right = width - 110;
  guint max_count = 1;

  for (guint i = 0; i < items->len; i++)
    max_count = MAX (max_count, ((TpReportItem *) g_ptr_array_index (items, i))->count);

  for (guint i = 0; i < items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (items, i);
      double y = 8 + 18.0 * i;
      double length = MAX ((right - left) * item->count / max_count, 1);
      g_autofree char *average = tp_report_format_score (item->score);
      g_autofree char *text = NULL;

      set_color (cr, TP_REPORT_TEXT);
      draw_label (cr, context, item->text, label_width, y + 6.5, 1, 0.5, LABEL_SIZE + 1, FALSE,
                  label_width, 1);
      set_color (cr, tp_score_hex (item->score));
      cairo_rectangle (cr, left, y, length, 13);
      tp_gfx_fill (cr);

      /* Translators: after a channel's bar: touchpoints, average score */
      text = g_strdup_printf (_("%u · average %s"), item->count, average);
      set_color (cr, TP_REPORT_MUTED);
      draw_label (cr, context, text, left + length + 5, y + 6.5, 0, 0.5, LABEL_SIZE + 0.5, FALSE, 0, 0);
    }
}

void
tp_report_draw_chart (cairo_t             *cr,
                      PangoContext        *context,
                      const TpReportBlock *chart,
                      double               width,
                      double               height)
{
  g_return_if_fail (chart->kind == TP_REPORT_BLOCK_CHART);

  tp_gfx_save (cr);
  switch (chart->chart)
    {
    case TP_REPORT_CHART_CURVE:
      draw_curve (cr, context, chart, width, height);
      break;
    case TP_REPORT_CHART_STAGE_BARS:
      draw_stage_bars (cr, context, chart, width, height);
      break;
    case TP_REPORT_CHART_SCORE_BARS:
      draw_score_bars (cr, context, chart, width, height);
      break;
    case TP_REPORT_CHART_CHANNEL_BARS:
      draw_channel_bars (cr, context, chart, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
  tp_gfx_restore (cr);
}
