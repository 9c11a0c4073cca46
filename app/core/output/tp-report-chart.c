/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-colors.h"
#include "tp-render-backend.h"
#include "tp-report-probe.h"
#include "tp-report.h"

/* The report's charts, drawn with cairo so they are vectors in the PDF
 * and in the HTML's inline SVG alike. */

#define LABEL_SIZE 7.0
#define AXIS_WIDTH 20.0
/* The names of the guides, in a margin right of the plot, where no bar,
 * whisker or curve runs through them. */
#define GUIDE_LABEL_WIDTH 78.0

/* Where labels go besides the page, for the one chart being drawn on this
 * thread: their rectangles (tests), or SVG <text> elements instead of
 * glyphs (the HTML, whose charts keep real text). */
typedef struct {
  GArray  *rects;
  GString *svg_text;
} Hooks;

static GPrivate current_hooks;

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

static void
append_svg_line (GString    *svg,
                 cairo_t    *cr,
                 const char *text,
                 gssize      length,
                 double      x,
                 double      baseline,
                 double      size,
                 gboolean    bold)
{
  double r = 0, g = 0, b = 0, a = 1;
  g_autofree char *escaped = g_markup_escape_text (text, length);

  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
  cairo_user_to_device (cr, &x, &baseline);
  g_string_append_printf (svg, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"Cantarell, sans-serif\" "
                          "font-size=\"%.1f\"%s fill=\"#%02x%02x%02x\">%s</text>\n",
                          x, baseline, size, bold ? " font-weight=\"bold\"" : "",
                          (int) round (r * 255), (int) round (g * 255), (int) round (b * 255), escaped);
}

/* Shows @layout with its top left at (@x, @y), as glyphs or as SVG text,
 * and notes its rectangle. */
static void
show_label (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       size,
            gboolean     bold)
{
  Hooks *hooks = g_private_get (&current_hooks);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (hooks != NULL && hooks->rects != NULL)
    {
      double rect[4] = { x + (double) logical.x / PANGO_SCALE, y + (double) logical.y / PANGO_SCALE,
                         (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE };

      g_array_append_vals (hooks->rects, rect, 4);
    }
  if (hooks == NULL || hooks->svg_text == NULL)
    {
      cairo_move_to (cr, x, y);
      tp_gfx_show_layout (cr, layout);
      return;
    }

  {
    PangoLayoutIter *iter = pango_layout_get_iter (layout);
    const char *text = pango_layout_get_text (layout);

    do
      {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
        PangoRectangle line_rect;
        double baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
        g_autofree char *shown = NULL;

        pango_layout_iter_get_line_extents (iter, NULL, &line_rect);
        /* An ellipsized last line: its text up to where it fits, then "…". */
        if (pango_layout_is_ellipsized (layout) && pango_layout_iter_at_last_line (iter))
          shown = g_strdup_printf ("%.*s…", MIN (line->length, 1 + (int) g_utf8_strlen (text + line->start_index, line->length) / 2 * 2),
                                   text + line->start_index);
        append_svg_line (hooks->svg_text, cr, shown != NULL ? shown : text + line->start_index,
                         shown != NULL ? -1 : line->length,
                         x + (double) line_rect.x / PANGO_SCALE, baseline, size, bold);
      }
    while (pango_layout_iter_next_line (iter));
    pango_layout_iter_free (iter);
  }
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
  show_label (cr, layout, x - (width > 0 ? width : logical.width) * xalign, y - logical.height * yalign,
              size, bold);
}

/* ---- the stage axis ---- */

/* Where each stage's name goes under a chart: the centre and width of its
 * slot and the stage's number (0-based). */
typedef struct {
  double   x;
  double   width;
  guint    stage;
  const char *name;
} AxisSlot;

#define KEY_GAP 6.0

static GArray *
axis_slots (const TpReportBlock *chart,
            double               width)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (AxisSlot));
  GPtrArray *items = chart->items;
  double left = AXIS_WIDTH, right = width - GUIDE_LABEL_WIDTH;
  double slot;

  if (items->len == 0)
    return slots;
  slot = (right - left) / items->len;
  if (chart->chart == TP_REPORT_CHART_STAGE_BARS)
    {
      for (guint i = 0; i < items->len; i++)
        {
          AxisSlot s = { left + slot * (i + 0.5), slot - 4, i,
                         ((TpReportItem *) g_ptr_array_index (items, i))->text };
          g_array_append_val (slots, s);
        }
      return slots;
    }
  /* The curve: a band per run of points in one stage. */
  for (guint i = 1, start = 0; i <= items->len; i++)
    {
      TpReportItem *first = g_ptr_array_index (items, start);

      if (i < items->len && ((TpReportItem *) g_ptr_array_index (items, i))->count == first->count)
        continue;
      if (first->count < chart->n_columns)
        {
          AxisSlot s = { left + slot * (start + i) / 2.0, slot * (i - start) - 2, first->count,
                         chart->headers[first->count] };
          g_array_append_val (slots, s);
        }
      start = i;
    }
  return slots;
}

/* Whether every name fits its slot in two lines without breaking or
 * shortening a word. */
static gboolean
names_fit (PangoContext *context,
           GArray       *slots)
{
  for (guint i = 0; i < slots->len; i++)
    {
      AxisSlot *s = &g_array_index (slots, AxisSlot, i);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (s->width < 8)
        return FALSE;
      layout = label_layout (context, s->name, LABEL_SIZE, FALSE, s->width, 2);
      pango_layout_get_extents (layout, NULL, &logical);
      if (pango_layout_is_ellipsized (layout) || logical.width > s->width * PANGO_SCALE)
        return FALSE;
    }
  return TRUE;
}

/* The key under a chart whose stages are numbered: "1 Arrival  2 …". */
static PangoLayout *
key_layout (PangoContext *context,
            GArray       *slots,
            double        width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *layout;

  for (guint i = 0; i < slots->len; i++)
    {
      AxisSlot *s = &g_array_index (slots, AxisSlot, i);

      /* No-break spaces keep each number with its name. */
      g_string_append_printf (text, "%s%u\302\240%s", i > 0 ? "   " : "", s->stage + 1, s->name);
    }
  layout = label_layout (context, text->str, LABEL_SIZE, FALSE, width, 0);
  pango_layout_set_height (layout, -1000);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  return layout;
}

double
tp_report_chart_get_height (PangoContext        *context,
                            const TpReportBlock *chart,
                            double               width)
{
  g_autoptr(GArray) slots = NULL;
  g_autoptr(PangoLayout) key = NULL;
  PangoRectangle logical;

  if (chart->chart != TP_REPORT_CHART_CURVE && chart->chart != TP_REPORT_CHART_STAGE_BARS)
    return chart->height;
  slots = axis_slots (chart, width);
  if (slots->len == 0 || names_fit (context, slots))
    return chart->height;
  key = key_layout (context, slots, width - AXIS_WIDTH);
  pango_layout_get_extents (key, NULL, &logical);
  return chart->height + KEY_GAP + (double) logical.height / PANGO_SCALE;
}

/* The stages' names under the plot, from @y down; or, when one does not
 * fit, their numbers and a key under the chart. Numbers that would touch
 * the one before are left out (the key still names them). */
static void
draw_stage_axis (cairo_t             *cr,
                 PangoContext        *context,
                 const TpReportBlock *chart,
                 double               width,
                 double               y)
{
  g_autoptr(GArray) slots = axis_slots (chart, width);
  double last_right = -G_MAXDOUBLE;

  set_color (cr, TP_REPORT_MUTED);
  if (names_fit (context, slots))
    {
      for (guint i = 0; i < slots->len; i++)
        {
          AxisSlot *s = &g_array_index (slots, AxisSlot, i);

          draw_label (cr, context, s->name, s->x, y, 0.5, 0, LABEL_SIZE, FALSE, s->width, 2);
        }
      return;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      AxisSlot *s = &g_array_index (slots, AxisSlot, i);
      g_autofree char *number = g_strdup_printf ("%u", s->stage + 1);
      g_autoptr(PangoLayout) layout = label_layout (context, number, LABEL_SIZE, TRUE, 0, 0);
      PangoRectangle logical;
      double left;

      pango_layout_get_extents (layout, NULL, &logical);
      left = s->x - (double) logical.width / PANGO_SCALE / 2;
      if (left < last_right + 2)
        continue;
      show_label (cr, layout, left, y, LABEL_SIZE, TRUE);
      last_right = left + (double) logical.width / PANGO_SCALE;
    }
  {
    g_autoptr(PangoLayout) key = key_layout (context, slots, width - AXIS_WIDTH);

    show_label (cr, key, AXIS_WIDTH, chart->height + KEY_GAP, LABEL_SIZE, FALSE);
  }
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
  double left = AXIS_WIDTH, right = width - GUIDE_LABEL_WIDTH, top = 6, bottom = chart->height - 24;
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
      start = i;
    }
  draw_stage_axis (cr, context, chart, width, bottom + 4);

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
  double left = AXIS_WIDTH, right = width - GUIDE_LABEL_WIDTH, top = 16, bottom = chart->height - 26;
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
    }
  draw_stage_axis (cr, context, chart, width, bottom + 4);

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
  double left = AXIS_WIDTH, right = width - 2, top = 6, bottom = height - 6;
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
tp_report_draw_chart_probed (cairo_t             *cr,
                             PangoContext        *context,
                             const TpReportBlock *chart,
                             double               width,
                             double               height,
                             GArray              *rects)
{
  Hooks hooks = { rects, NULL };

  g_private_set (&current_hooks, &hooks);
  tp_report_draw_chart (cr, context, chart, width, height);
  g_private_set (&current_hooks, NULL);
}

void
tp_report_draw_chart_svg (cairo_t             *cr,
                          PangoContext        *context,
                          const TpReportBlock *chart,
                          double               width,
                          double               height,
                          GString             *svg_text)
{
  Hooks hooks = { NULL, svg_text };

  g_private_set (&current_hooks, &hooks);
  tp_report_draw_chart (cr, context, chart, width, height);
  g_private_set (&current_hooks, NULL);
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
