/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-colors.h"
#include "tp-compare-page.h"
#include "tp-file-save.h"
#include "tp-layout.h"
#include "tp-pdf.h"
#include "tp-render-backend.h"

/* Every paint function both measures and draws: with no cairo_t it only
 * returns where it would end, so the page's height is what is drawn. */

#define FONT "Cantarell, Sans"
#define MARGIN 40.0
#define GAP 28.0
#define TITLE_SIZE 22.0
#define HEADING_SIZE 13.0
#define BODY_SIZE 10.0
#define SMALL_SIZE 9.0
#define FIGURE_SIZE 19.0
#define PLOT_HEIGHT 230.0
#define AXIS_WIDTH 26.0
#define CELL_PAD 5.0
#define MAX_PNG_SIDE 32767.0

#define COLOR_TEXT 0x241f31
#define COLOR_MUTED 0x5e5c64
#define COLOR_ACCENT 0x1c71d8
#define COLOR_AS_IS 0x9a9996
#define COLOR_RULE 0xdeddda
#define COLOR_ZEBRA 0xf6f5f4
#define COLOR_PANEL 0xf0f4fa
#define COLOR_GOLD 0xc88800
#define COLOR_GOOD 0x26a269
#define COLOR_BETTER 0x1b7a3f
#define COLOR_WORSE 0xc01c28
#define COLOR_ADDED 0x1a5fb4

struct _TpComparePage {
  gint          ref_count;
  TpComparison *comparison;
  PangoContext *context;
  GPtrArray    *points;   /* TpCompareCard with a score in either journey */
  double        height;
};

typedef struct {
  TpComparePage *page;
  cairo_t       *cr;     /* NULL: measuring */
  GArray        *items;
} Canvas;

static void
item_clear (gpointer data)
{
  TpCompareItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

GArray *
tp_compare_items_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (TpCompareItem));

  g_array_set_clear_func (items, item_clear);
  return items;
}

static void
record (Canvas            *c,
        TpCompareItemKind  kind,
        TpRect             rect,
        TpRect             box,
        const char        *text)
{
  TpCompareItem item = { kind, rect, box, g_strdup (text) };

  if (c->items != NULL && c->cr != NULL)
    g_array_append_val (c->items, item);
  else
    g_free (item.text);
}

static void
set_color (cairo_t *cr,
           guint32  hex)
{
  double rgb[3];

  tp_color_hex_to_rgb (hex, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* ------------------------------------------------------------------ text */

static PangoLayout *
make_layout (TpComparePage *page,
             const char    *text,
             double         size,
             PangoWeight    weight,
             double         width)
{
  PangoLayout *layout = pango_layout_new (page->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      /* Long words break rather than leave their box. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Paints @layout with its top left at (@x, @y) in a box @width wide;
 * returns its height. */
static double
show_layout (Canvas            *c,
             PangoLayout       *layout,
             TpCompareItemKind  kind,
             guint32            color,
             double             x,
             double             y,
             double             width)
{
  PangoRectangle logical;
  double height;

  pango_layout_get_extents (layout, NULL, &logical);
  height = (double) logical.height / PANGO_SCALE;
  if (c->cr == NULL)
    return height;

  record (c, kind,
          TP_RECT_INIT (x + (double) logical.x / PANGO_SCALE, y + (double) logical.y / PANGO_SCALE,
                        (double) logical.width / PANGO_SCALE, height),
          TP_RECT_INIT (x, y, width, height), pango_layout_get_text (layout));
  set_color (c->cr, color);
  cairo_move_to (c->cr, x, y);
  tp_gfx_show_layout (c->cr, layout);
  cairo_new_path (c->cr);
  return height;
}

static double
put_text (Canvas         *c,
          const char     *text,
          double          size,
          PangoWeight     weight,
          guint32         color,
          PangoAlignment  alignment,
          double          x,
          double          y,
          double          width)
{
  g_autoptr(PangoLayout) layout = make_layout (c->page, text, size, weight, width);

  pango_layout_set_alignment (layout, alignment);
  return show_layout (c, layout, TP_COMPARE_ITEM_TEXT, color, x, y, width);
}

static double
text_height (Canvas      *c,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       width)
{
  g_autoptr(PangoLayout) layout = make_layout (c->page, text, size, weight, width);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static void
fill_rect (Canvas  *c,
           guint32  color,
           double   x,
           double   y,
           double   width,
           double   height,
           gboolean panel)
{
  if (c->cr == NULL)
    return;
  if (panel)
    record (c, TP_COMPARE_ITEM_PANEL, TP_RECT_INIT (x, y, width, height), TP_RECT_INIT (x, y, width, height), NULL);
  set_color (c->cr, color);
  cairo_rectangle (c->cr, x, y, width, height);
  tp_gfx_fill (c->cr);
}

static void
hline (Canvas  *c,
       guint32  color,
       double   x0,
       double   x1,
       double   y,
       double   line_width)
{
  if (c->cr == NULL)
    return;
  set_color (c->cr, color);
  cairo_set_line_width (c->cr, line_width);
  cairo_move_to (c->cr, x0, y);
  cairo_line_to (c->cr, x1, y);
  tp_gfx_stroke (c->cr);
}

/* --------------------------------------------------------------- numbers */

/* "6.5" in the locale's way (the C library's decimal separator). */
static char *
format_average (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", value);
}

/* "+1.3", "−0.5" (a true minus), "±0.0". */
static char *
format_average_change (double before,
                       double after)
{
  double change;

  if (isnan (before) || isnan (after))
    return g_strdup ("");
  change = round ((after - before) * 10) / 10;
  if (change > 0)
    return g_strdup_printf ("+%.1f", change);
  if (change < 0)
    return g_strdup_printf ("−%.1f", -change);
  return g_strdup_printf ("±%.1f", 0.0);
}

static char *
format_delta (int delta)
{
  if (delta > 0)
    return g_strdup_printf ("+%d", delta);
  if (delta < 0)
    return g_strdup_printf ("−%d", -delta);
  return g_strdup ("±0");
}

static char *
format_score (int score)
{
  return score == TP_SCORE_UNSET ? g_strdup ("–") : g_strdup_printf ("%d", score);
}

static guint32
change_color (double change)
{
  return change > 0 ? COLOR_BETTER : change < 0 ? COLOR_WORSE : COLOR_MUTED;
}

/* --------------------------------------------------------------- figures */

typedef struct {
  char    *value;
  char    *label;
  char    *detail;
  guint32  detail_color;
} Figure;

static void
figure_clear (Figure *figure)
{
  g_free (figure->value);
  g_free (figure->label);
  g_free (figure->detail);
}

static double
paint_figures (Canvas *c,
               double  y)
{
  const TpComparison *cmp = c->page->comparison;
  double width = (TP_COMPARE_PAGE_WIDTH - 2 * MARGIN - 3 * 16) / 4;
  double pad = 12, inner = width - 2 * pad, height = 0;
  guint added = 0, removed = 0;
  g_autofree char *average_before = NULL;
  g_autofree char *average_after = NULL;
  Figure figures[4];

  for (guint i = 0; i < cmp->cards->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (cmp->cards, i);

      if (card->kind != TP_CARD_KIND_TOUCHPOINT)
        continue;
      added += card->status == TP_COMPARE_ADDED;
      removed += card->status == TP_COMPARE_REMOVED;
    }

  average_before = format_average (cmp->stats_before.average);
  average_after = format_average (cmp->stats_after.average);
  /* Translators: a change from before to after, "6.1 → 7.4" */
  figures[0].value = g_strdup_printf (_("%s → %s"), average_before, average_after);
  figures[0].label = g_strdup (_("Average score"));
  figures[0].detail = format_average_change (cmp->stats_before.average, cmp->stats_after.average);
  figures[0].detail_color = isnan (cmp->stats_before.average) || isnan (cmp->stats_after.average)
                            ? COLOR_MUTED : change_color (cmp->stats_after.average - cmp->stats_before.average);

  /* Translators: moments of truth on target before and after, "1 of 3 → 2 of 3" */
  figures[1].value = g_strdup_printf (_("%u of %u → %u of %u"), cmp->moments_on_target_before, cmp->moments_before,
                                      cmp->moments_on_target_after, cmp->moments_after);
  figures[1].label = g_strdup (_("Moments of truth on target"));
  figures[1].detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reaches its target", "%u reach their target",
                                                    cmp->moments_reached->len),
                                       cmp->moments_reached->len);
  figures[1].detail_color = cmp->moments_reached->len > 0 ? COLOR_BETTER : COLOR_MUTED;

  figures[2].value = g_strdup_printf (_("%u → %u"), cmp->stats_before.n_touchpoints, cmp->stats_after.n_touchpoints);
  figures[2].label = g_strdup (C_("comparison", "Touchpoints"));
  /* Translators: touchpoints added and removed in the to-be */
  figures[2].detail = g_strdup_printf (_("%u added, %u removed"), added, removed);
  figures[2].detail_color = COLOR_MUTED;

  figures[3].value = g_strdup_printf (_("%u → %u"), cmp->n_findings_before, cmp->n_findings_after);
  figures[3].label = g_strdup (_("Findings"));
  /* Translators: findings of the as-is that the to-be no longer has, and new ones */
  figures[3].detail = g_strdup_printf (_("%u disappear, %u new"), cmp->findings_gone->len, cmp->findings_new->len);
  figures[3].detail_color = change_color ((double) cmp->findings_gone->len - cmp->findings_new->len);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    height = MAX (height, text_height (c, figures[i].value, FIGURE_SIZE, PANGO_WEIGHT_BOLD, inner) + 4
                          + text_height (c, figures[i].label, BODY_SIZE, PANGO_WEIGHT_NORMAL, inner) + 2
                          + text_height (c, figures[i].detail, BODY_SIZE, PANGO_WEIGHT_BOLD, inner));
  height += 2 * pad;

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      double x = MARGIN + i * (width + 16), ty = y + pad;

      fill_rect (c, COLOR_PANEL, x, y, width, height, TRUE);
      ty += put_text (c, figures[i].value, FIGURE_SIZE, PANGO_WEIGHT_BOLD, COLOR_TEXT, PANGO_ALIGN_LEFT,
                      x + pad, ty, inner) + 4;
      ty += put_text (c, figures[i].label, BODY_SIZE, PANGO_WEIGHT_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT,
                      x + pad, ty, inner) + 2;
      put_text (c, figures[i].detail, BODY_SIZE, PANGO_WEIGHT_BOLD, figures[i].detail_color, PANGO_ALIGN_LEFT,
                x + pad, ty, inner);
      figure_clear (&figures[i]);
    }
  return y + height;
}

/* ----------------------------------------------------------------- chart */

typedef enum {
  SAMPLE_AS_IS,
  SAMPLE_TO_BE,
  SAMPLE_MOMENT,
  SAMPLE_GOOD_ENOUGH,
  SAMPLE_TARGET,
} Sample;

static void
set_dashed (cairo_t *cr,
            double   on,
            double   off)
{
  double dashes[2] = { on, off };

  cairo_set_dash (cr, dashes, 2, 0);
}

static void
stroke_guide (Canvas  *c,
              guint32  color,
              double   x0,
              double   x1,
              double   y)
{
  tp_gfx_save (c->cr);
  set_dashed (c->cr, 4, 3);
  hline (c, color, x0, x1, y, 0.8);
  tp_gfx_restore (c->cr);
}

static void
draw_sample (Canvas *c,
             Sample  sample,
             double  x,
             double  y,
             double  width)
{
  cairo_t *cr = c->cr;

  switch (sample)
    {
    case SAMPLE_AS_IS:
      tp_gfx_save (cr);
      set_dashed (cr, 5, 3);
      hline (c, COLOR_AS_IS, x, x + width, y, 2);
      tp_gfx_restore (cr);
      break;
    case SAMPLE_TO_BE:
      hline (c, COLOR_ACCENT, x, x + width, y, 2.5);
      cairo_arc (cr, x + width / 2, y, 4, 0, 2 * G_PI);
      set_color (cr, COLOR_ACCENT);
      tp_gfx_fill (cr);
      break;
    case SAMPLE_MOMENT:
      cairo_arc (cr, x + width / 2, y, 7, 0, 2 * G_PI);
      set_color (cr, COLOR_GOLD);
      cairo_set_line_width (cr, 2);
      tp_gfx_stroke (cr);
      break;
    case SAMPLE_GOOD_ENOUGH:
      stroke_guide (c, COLOR_GOOD, x, x + width, y);
      break;
    case SAMPLE_TARGET:
      stroke_guide (c, COLOR_GOLD, x, x + width, y);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The legend: entries in rows, each a sample and its wrapped label. */
static double
paint_legend (Canvas *c,
              double  y)
{
  const TpComparison *cmp = c->page->comparison;
  double x0 = MARGIN, x1 = TP_COMPARE_PAGE_WIDTH - MARGIN;
  double sample_width = 26, max_text = (x1 - x0) / 2 - sample_width - 8;
  double x = x0, row_height = 0;
  g_autofree char *as_is = g_strdup_printf (_("As-is: %s"), *cmp->title_before != '\0' ? cmp->title_before
                                                                                       : _("Untitled journey"));
  g_autofree char *to_be = g_strdup_printf (_("To-be: %s"), *cmp->title_after != '\0' ? cmp->title_after
                                                                                      : _("Untitled journey"));
  g_autofree char *good = g_strdup_printf (_("Good enough (%d)"), cmp->good_enough);
  g_autofree char *target = g_strdup_printf (_("Moment target (%d)"), cmp->target_after);
  const struct {
    Sample      sample;
    const char *text;
  } entries[] = {
    { SAMPLE_AS_IS, as_is },
    { SAMPLE_TO_BE, to_be },
    { SAMPLE_MOMENT, _("Moment of truth") },
    { SAMPLE_GOOD_ENOUGH, good },
    { SAMPLE_TARGET, target },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (c->page, entries[i].text, BODY_SIZE, PANGO_WEIGHT_NORMAL, -1);
      double width, height;

      layout_size (layout, &width, &height);
      if (width > max_text)
        {
          g_clear_object (&layout);
          layout = make_layout (c->page, entries[i].text, BODY_SIZE, PANGO_WEIGHT_NORMAL, max_text);
          layout_size (layout, &width, &height);
        }
      if (x > x0 && x + sample_width + 8 + width > x1)
        {
          y += row_height + 6;
          x = x0;
          row_height = 0;
        }
      if (c->cr != NULL)
        {
          double first_line;

          /* The sample on the first line's middle. */
          first_line = text_height (c, "X", BODY_SIZE, PANGO_WEIGHT_NORMAL, -1);
          draw_sample (c, entries[i].sample, x, y + first_line / 2, sample_width);
        }
      show_layout (c, layout, TP_COMPARE_ITEM_TEXT, COLOR_TEXT, x + sample_width + 8, y,
                   MIN (width, max_text));
      row_height = MAX (row_height, height);
      x += sample_width + 8 + width + 22;
    }
  return y + row_height;
}

static double
score_y (double top,
         int    score)
{
  return top + (TP_SCORE_MAX - score) * PLOT_HEIGHT / (TP_SCORE_MAX - TP_SCORE_MIN);
}

static void
stroke_curve (Canvas   *c,
              gboolean  after,
              double    x0,
              double    slot,
              double    top)
{
  GPtrArray *points = c->page->points;
  gboolean started = FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (points, i);
      int score = after ? card->after : card->before;

      if (score == TP_SCORE_UNSET)
        continue;
      if (!started)
        cairo_move_to (c->cr, x0 + (i + 0.5) * slot, score_y (top, score));
      else
        cairo_line_to (c->cr, x0 + (i + 0.5) * slot, score_y (top, score));
      started = TRUE;
    }
  tp_gfx_save (c->cr);
  if (after)
    {
      set_color (c->cr, COLOR_ACCENT);
      cairo_set_line_width (c->cr, 2.5);
    }
  else
    {
      set_color (c->cr, COLOR_AS_IS);
      cairo_set_line_width (c->cr, 2);
      set_dashed (c->cr, 5, 3);
    }
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  tp_gfx_stroke (c->cr);
  tp_gfx_restore (c->cr);

  for (guint i = 0; i < points->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (points, i);
      int score = after ? card->after : card->before;
      double x = x0 + (i + 0.5) * slot;

      if (score == TP_SCORE_UNSET)
        continue;
      if (after && card->moment_after)
        {
          cairo_arc (c->cr, x, score_y (top, score), 7, 0, 2 * G_PI);
          set_color (c->cr, COLOR_GOLD);
          cairo_set_line_width (c->cr, 2);
          tp_gfx_stroke (c->cr);
        }
      cairo_arc (c->cr, x, score_y (top, score), after ? 4 : 3.2, 0, 2 * G_PI);
      set_color (c->cr, after ? COLOR_ACCENT : COLOR_AS_IS);
      tp_gfx_fill (c->cr);
    }
}

/* "+5" above a to-be point that rose, "−1" below one that fell; the other
 * side when that place is taken, and left out (the table lists every
 * change) when both are. */
static void
paint_deltas (Canvas *c,
              double  x0,
              double  slot,
              double  top)
{
  GPtrArray *points = c->page->points;
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (TpRect));

  for (guint i = 0; i < points->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (points, i);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double width, height, x, y;
      int delta;

      if (!tp_compare_card_has_delta (card) || tp_compare_card_get_delta (card) == 0)
        continue;
      delta = tp_compare_card_get_delta (card);
      text = format_delta (delta);
      layout = make_layout (c->page, text, SMALL_SIZE, PANGO_WEIGHT_BOLD, -1);
      layout_size (layout, &width, &height);
      x = x0 + (i + 0.5) * slot - width / 2;
      y = score_y (top, card->after);
      for (int attempt = 0; attempt < 2; attempt++)
        {
          gboolean above = (delta > 0) == (attempt == 0);
          TpRect rect = TP_RECT_INIT (x, above ? y - 9 - height : y + 9, width, height);
          gboolean free_place = rect.y >= top - 12 && rect.y + rect.height <= top + PLOT_HEIGHT + 12;

          for (guint t = 0; t < taken->len && free_place; t++)
            free_place = !tp_rect_intersects (&rect, &g_array_index (taken, TpRect, t));
          if (!free_place)
            continue;
          g_array_append_val (taken, rect);
          show_layout (c, layout, TP_COMPARE_ITEM_DELTA, change_color (delta), rect.x, rect.y, width);
          break;
        }
    }
}

static const char *
stage_name (TpComparePage *page,
            const char    *id)
{
  for (guint i = 0; i < page->comparison->stages->len; i++)
    {
      TpCompareStage *stage = g_ptr_array_index (page->comparison->stages, i);

      if (g_str_equal (stage->id, id))
        return stage->name;
    }
  return "";
}

/* The stages under the plot: one band per run of points in one stage. */
static double
paint_stage_bands (Canvas *c,
                   double  x0,
                   double  slot,
                   double  y)
{
  GPtrArray *points = c->page->points;
  double height = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      guint band = 0;

      for (guint i = 0; i < points->len;)
        {
          const char *stage_id = ((TpCompareCard *) g_ptr_array_index (points, i))->stage_id;
          guint end = i + 1;
          double left, width;

          while (end < points->len
                 && g_str_equal (((TpCompareCard *) g_ptr_array_index (points, end))->stage_id, stage_id))
            end++;
          left = x0 + i * slot;
          width = (end - i) * slot;
          if (pass == 0)
            height = MAX (height, text_height (c, stage_name (c->page, stage_id), SMALL_SIZE,
                                               PANGO_WEIGHT_BOLD, width - 6));
          else
            {
              fill_rect (c, band % 2 == 0 ? COLOR_ZEBRA : 0xebeae8, left, y, width, height + 8, FALSE);
              put_text (c, stage_name (c->page, stage_id), SMALL_SIZE, PANGO_WEIGHT_BOLD, COLOR_MUTED,
                        PANGO_ALIGN_CENTER, left + 3, y + 4, width - 6);
            }
          band++;
          i = end;
        }
    }
  return y + (points->len > 0 ? height + 8 : 0);
}

static double
paint_chart (Canvas *c,
             double  y)
{
  const TpComparison *cmp = c->page->comparison;
  double x0 = MARGIN + AXIS_WIDTH, x1 = TP_COMPARE_PAGE_WIDTH - MARGIN;
  double top, slot;
  guint n = c->page->points->len;

  y = put_text (c, _("Emotion curves"), HEADING_SIZE, PANGO_WEIGHT_BOLD, COLOR_TEXT, PANGO_ALIGN_LEFT,
                MARGIN, y, x1 - MARGIN) + y + 8;
  y = paint_legend (c, y) + 16;
  top = y;
  slot = n > 0 ? (x1 - x0) / n : x1 - x0;

  if (c->cr != NULL)
    {
      fill_rect (c, 0xffffff, x0, top, x1 - x0, PLOT_HEIGHT, TRUE);
      for (int score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
        {
          g_autofree char *label = g_strdup_printf ("%d", score);
          g_autoptr(PangoLayout) layout = make_layout (c->page, label, SMALL_SIZE, PANGO_WEIGHT_NORMAL, AXIS_WIDTH - 8);
          double height;

          hline (c, COLOR_RULE, x0, x1, score_y (top, score), 0.5);
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          layout_size (layout, NULL, &height);
          show_layout (c, layout, TP_COMPARE_ITEM_TEXT, COLOR_MUTED, MARGIN, score_y (top, score) - height / 2,
                       AXIS_WIDTH - 8);
        }
      stroke_guide (c, COLOR_GOOD, x0, x1, score_y (top, cmp->good_enough));
      stroke_guide (c, COLOR_GOLD, x0, x1, score_y (top, cmp->target_after));
      if (n > 0)
        {
          stroke_curve (c, FALSE, x0, slot, top);
          stroke_curve (c, TRUE, x0, slot, top);
          paint_deltas (c, x0, slot, top);
        }
    }
  if (n == 0)
    put_text (c, _("Neither journey has scores yet."), BODY_SIZE, PANGO_WEIGHT_NORMAL, COLOR_MUTED,
              PANGO_ALIGN_CENTER, x0, top + PLOT_HEIGHT / 2 - 8, x1 - x0);
  return paint_stage_bands (c, x0, slot, top + PLOT_HEIGHT + 6);
}

/* ----------------------------------------------------------------- table */

#define MAX_COLUMNS 4

typedef struct {
  const char *text[MAX_COLUMNS];
  guint32     color[MAX_COLUMNS];
  PangoWeight weight[MAX_COLUMNS];
} Row;

/* A table @width wide; the first column wraps and is left-aligned, the
 * others are centred. Rows get their tallest cell's height. */
static double
paint_table (Canvas       *c,
             double        x,
             double        y,
             double        width,
             const char   *headers[MAX_COLUMNS],
             const double  fractions[MAX_COLUMNS],
             const Row    *rows,
             guint         n_rows)
{
  for (int r = -1; r < (int) n_rows; r++)
    {
      double height = 0, cx = x;
      gboolean header = r < 0;

      for (guint col = 0; col < MAX_COLUMNS; col++)
        {
          const char *text = header ? headers[col] : rows[r].text[col];
          double cw = width * fractions[col] - 2 * CELL_PAD;

          height = MAX (height, text_height (c, text, header ? SMALL_SIZE : BODY_SIZE,
                                             header ? PANGO_WEIGHT_BOLD : rows[r].weight[col], cw));
        }
      height += 2 * CELL_PAD;
      if (!header && r % 2 == 1)
        fill_rect (c, COLOR_ZEBRA, x, y, width, height, FALSE);
      for (guint col = 0; col < MAX_COLUMNS; col++)
        {
          double cw = width * fractions[col];

          put_text (c, header ? headers[col] : rows[r].text[col], header ? SMALL_SIZE : BODY_SIZE,
                    header ? PANGO_WEIGHT_BOLD : rows[r].weight[col],
                    header ? COLOR_MUTED : rows[r].color[col], col == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER,
                    cx + CELL_PAD, y + CELL_PAD, cw - 2 * CELL_PAD);
          cx += cw;
        }
      y += height;
      if (header)
        hline (c, COLOR_TEXT, x, x + width, y, 0.8);
    }
  hline (c, COLOR_RULE, x, x + width, y, 0.5);
  return y;
}

static double
paint_heading (Canvas     *c,
               const char *text,
               double      x,
               double      y,
               double      width)
{
  return y + put_text (c, text, HEADING_SIZE, PANGO_WEIGHT_BOLD, COLOR_TEXT, PANGO_ALIGN_LEFT, x, y, width) + 6;
}

static double
paint_touchpoints (Canvas *c,
                   double  x,
                   double  y,
                   double  width)
{
  const TpComparison *cmp = c->page->comparison;
  const char *headers[MAX_COLUMNS] = { C_("comparison", "Touchpoint"), C_("comparison", "As-is"), C_("comparison", "To-be"), C_("comparison", "Change") };
  const double fractions[MAX_COLUMNS] = { 0.58, 0.12, 0.12, 0.18 };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  y = paint_heading (c, _("Score per touchpoint"), x, y, width);
  for (guint i = 0; i < cmp->cards->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (cmp->cards, i);
      Row row = { { NULL }, { COLOR_TEXT, COLOR_TEXT, COLOR_TEXT, COLOR_TEXT },
                  { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD, PANGO_WEIGHT_BOLD } };
      char *title, *before, *after, *change;

      if (card->kind != TP_CARD_KIND_TOUCHPOINT)
        continue;
      /* Translators: a moment of truth in the comparison's table */
      title = card->moment_after || card->moment_before ? g_strdup_printf (_("%s (moment of truth)"), card->title)
                                                        : g_strdup (card->title);
      before = format_score (card->before);
      after = format_score (card->after);
      if (card->status == TP_COMPARE_ADDED)
        {
          change = g_strdup (_("added"));
          row.color[3] = COLOR_ADDED;
        }
      else if (card->status == TP_COMPARE_REMOVED)
        {
          change = g_strdup (_("removed"));
          row.color[3] = COLOR_MUTED;
          row.color[0] = row.color[1] = row.color[2] = COLOR_MUTED;
        }
      else if (tp_compare_card_has_delta (card))
        {
          change = format_delta (tp_compare_card_get_delta (card));
          row.color[3] = change_color (tp_compare_card_get_delta (card));
        }
      else
        change = g_strdup ("");
      if (card->after != TP_SCORE_UNSET)
        row.color[2] = tp_score_text_hex (card->after);
      row.text[0] = title;
      row.text[1] = before;
      row.text[2] = after;
      row.text[3] = change;
      g_ptr_array_add (texts, title);
      g_ptr_array_add (texts, before);
      g_ptr_array_add (texts, after);
      g_ptr_array_add (texts, change);
      g_array_append_val (rows, row);
    }
  return paint_table (c, x, y, width, headers, fractions, (Row *) (void *) rows->data, rows->len);
}

static double
paint_stages (Canvas *c,
              double  x,
              double  y,
              double  width)
{
  const TpComparison *cmp = c->page->comparison;
  const char *headers[MAX_COLUMNS] = { _("Stage"), C_("comparison", "As-is"), C_("comparison", "To-be"), C_("comparison", "Change") };
  const double fractions[MAX_COLUMNS] = { 0.58, 0.12, 0.12, 0.18 };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  y = paint_heading (c, _("Average per stage"), x, y, width);
  for (guint i = 0; i < cmp->stages->len; i++)
    {
      TpCompareStage *stage = g_ptr_array_index (cmp->stages, i);
      Row row = { { NULL }, { COLOR_TEXT, COLOR_TEXT, COLOR_TEXT, COLOR_TEXT },
                  { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD, PANGO_WEIGHT_BOLD } };
      char *before = format_average (stage->before);
      char *after = format_average (stage->after);
      char *change = stage->status == TP_COMPARE_ADDED ? g_strdup (_("added"))
                     : stage->status == TP_COMPARE_REMOVED ? g_strdup (_("removed"))
                     : format_average_change (stage->before, stage->after);

      row.text[0] = stage->name;
      row.text[1] = before;
      row.text[2] = after;
      row.text[3] = change;
      if (!isnan (stage->before) && !isnan (stage->after))
        row.color[3] = change_color (round ((stage->after - stage->before) * 10));
      g_ptr_array_add (texts, before);
      g_ptr_array_add (texts, after);
      g_ptr_array_add (texts, change);
      g_array_append_val (rows, row);
    }
  return paint_table (c, x, y, width, headers, fractions, (Row *) (void *) rows->data, rows->len);
}

/* ----------------------------------------------------------------- lists */

/* A heading and its entries, each a bullet with a text and a muted second
 * line; "None." when there are none. */
typedef struct {
  char    *text;
  char    *detail;
  guint32  bullet;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry->detail);
}

static GArray *
entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (entries, entry_clear);
  return entries;
}

static void
add_entry (GArray  *entries,
           char    *text,
           char    *detail,
           guint32  bullet)
{
  Entry entry = { text, detail, bullet };

  g_array_append_val (entries, entry);
}

static double
paint_list (Canvas     *c,
            const char *heading,
            GArray     *entries,
            double      x,
            double      y,
            double      width)
{
  double indent = 14;

  y = paint_heading (c, heading, x, y, width);
  if (entries->len == 0)
    return y + put_text (c, _("None."), BODY_SIZE, PANGO_WEIGHT_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT,
                         x, y, width) + 16;
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      double first = text_height (c, "X", BODY_SIZE, PANGO_WEIGHT_NORMAL, -1);

      if (c->cr != NULL)
        {
          cairo_arc (c->cr, x + 4, y + first / 2, 3, 0, 2 * G_PI);
          set_color (c->cr, entry->bullet);
          tp_gfx_fill (c->cr);
        }
      y += put_text (c, entry->text, BODY_SIZE, PANGO_WEIGHT_NORMAL, COLOR_TEXT, PANGO_ALIGN_LEFT,
                     x + indent, y, width - indent);
      if (entry->detail != NULL && *entry->detail != '\0')
        y += 1 + put_text (c, entry->detail, SMALL_SIZE, PANGO_WEIGHT_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT,
                           x + indent, y + 1, width - indent);
      y += 6;
    }
  return y + 10;
}

static char *
note_detail (TpCompareNote *note)
{
  if (*note->place != '\0' && *note->department != '\0')
    /* Translators: where a blocker is and the department that feels it */
    return g_strdup_printf (_("%s · %s"), note->place, note->department);
  return g_strdup (*note->place != '\0' ? note->place : note->department);
}

static void
add_notes (GArray    *entries,
           GPtrArray *notes,
           guint32    bullet)
{
  for (guint i = 0; i < notes->len; i++)
    {
      TpCompareNote *note = g_ptr_array_index (notes, i);

      add_entry (entries, g_strdup (note->text), note_detail (note), bullet);
    }
}

static guint32
severity_color (TpFinding *finding)
{
  switch (tp_finding_get_severity (finding))
    {
    case TP_SEVERITY_CRITICAL: return COLOR_WORSE;
    case TP_SEVERITY_WARNING: return 0xe5a50a;
    case TP_SEVERITY_INFO:
    default: return COLOR_AS_IS;
    }
}

static void
add_findings (GArray    *entries,
              GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      add_entry (entries, g_strdup (tp_finding_get_message (finding)),
                 g_strdup (tp_severity_get_display_name (tp_finding_get_severity (finding))),
                 severity_color (finding));
    }
}

static void
add_moments (GArray       *entries,
             GPtrArray    *moments,
             int           target,
             guint32       bullet)
{
  for (guint i = 0; i < moments->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (moments, i);
      g_autofree char *before = format_score (card->before);
      g_autofree char *after = format_score (card->after);

      /* Translators: a moment of truth's score before and after, and the
       * target: "6 → 9, target 9" */
      add_entry (entries, g_strdup (card->title), g_strdup_printf (_("%s → %s, target %d"), before, after, target),
                 bullet);
    }
}

static double
paint_lists (Canvas *c,
             double  x,
             double  y,
             double  width)
{
  const TpComparison *cmp = c->page->comparison;
  g_autoptr(GArray) entries = entries_new ();

  add_moments (entries, cmp->moments_reached, cmp->target_after, COLOR_GOLD);
  y = paint_list (c, _("Moments of truth reaching their target"), entries, x, y, width);
  if (cmp->moments_fallen->len > 0)
    {
      g_array_set_size (entries, 0);
      add_moments (entries, cmp->moments_fallen, cmp->target_after, COLOR_WORSE);
      y = paint_list (c, _("Moments of truth falling below their target"), entries, x, y, width);
    }

  g_array_set_size (entries, 0);
  add_notes (entries, cmp->blockers_removed, COLOR_BETTER);
  y = paint_list (c, _("Blockers removed"), entries, x, y, width);
  g_array_set_size (entries, 0);
  add_notes (entries, cmp->blockers_added, COLOR_WORSE);
  y = paint_list (c, _("Blockers added"), entries, x, y, width);
  if (cmp->blockers_changed->len > 0)
    {
      g_array_set_size (entries, 0);
      for (guint i = 0; i < cmp->blockers_changed->len; i++)
        {
          TpCompareNote *note = g_ptr_array_index (cmp->blockers_changed, i);

          /* Translators: a blocker's earlier text */
          add_entry (entries, g_strdup (note->text), g_strdup_printf (_("Was: %s"), note->old_text), COLOR_AS_IS);
        }
      y = paint_list (c, _("Blockers reworded"), entries, x, y, width);
    }

  g_array_set_size (entries, 0);
  add_findings (entries, cmp->findings_gone);
  y = paint_list (c, _("Findings that disappear"), entries, x, y, width);
  g_array_set_size (entries, 0);
  add_findings (entries, cmp->findings_new);
  return paint_list (c, _("New findings"), entries, x, y, width);
}

/* ------------------------------------------------------------------ page */

static double
paint_page (Canvas *c)
{
  const TpComparison *cmp = c->page->comparison;
  double width = TP_COMPARE_PAGE_WIDTH - 2 * MARGIN;
  double left = width * 0.54, right = width - left - GAP;
  double y = MARGIN, y_left, y_right;
  g_autofree char *subtitle = NULL;

  y += put_text (c, _("As-is against to-be"), TITLE_SIZE, PANGO_WEIGHT_BOLD, COLOR_TEXT, PANGO_ALIGN_LEFT,
                 MARGIN, y, width) + 4;
  /* Translators: the two journeys compared, as-is first */
  subtitle = g_strdup_printf (_("“%s” against “%s”"),
                              *cmp->title_before != '\0' ? cmp->title_before : _("Untitled journey"),
                              *cmp->title_after != '\0' ? cmp->title_after : _("Untitled journey"));
  y += put_text (c, subtitle, BODY_SIZE + 1, PANGO_WEIGHT_NORMAL, COLOR_MUTED, PANGO_ALIGN_LEFT, MARGIN, y, width) + 16;
  y = paint_figures (c, y) + 24;
  y = paint_chart (c, y) + 28;

  y_left = paint_touchpoints (c, MARGIN, y, left) + 24;
  y_left = paint_stages (c, MARGIN, y_left, left);
  y_right = paint_lists (c, MARGIN + left + GAP, y, right);
  return MAX (y_left, y_right) + MARGIN;
}

TpComparePage *
tp_compare_page_new (TpJourney *before,
                     TpJourney *after)
{
  TpComparePage *self;
  Canvas measure = { 0 };

  g_return_val_if_fail (TP_IS_JOURNEY (before), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (after), NULL);

  self = g_new0 (TpComparePage, 1);
  self->ref_count = 1;
  self->comparison = tp_comparison_new (before, after);
  self->points = g_ptr_array_new ();
  for (guint i = 0; i < self->comparison->cards->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (self->comparison->cards, i);

      if (card->before != TP_SCORE_UNSET || card->after != TP_SCORE_UNSET)
        g_ptr_array_add (self->points, card);
    }

  /* Unhinted metrics: the same line breaks on screen, in the PDF, in
   * the PNG and in the tests. */
  self->context = tp_pango_context_new_unhinted (NULL);

  measure.page = self;
  self->height = ceil (paint_page (&measure));
  return self;
}

TpComparePage *
tp_compare_page_ref (TpComparePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
tp_compare_page_unref (TpComparePage *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_ptr_array_unref (self->points);
  tp_comparison_free (self->comparison);
  g_object_unref (self->context);
  g_free (self);
}

const TpComparison *
tp_compare_page_get_comparison (TpComparePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->comparison;
}

void
tp_compare_page_get_size (TpComparePage *self,
                          double        *width,
                          double        *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = TP_COMPARE_PAGE_WIDTH;
  if (height != NULL)
    *height = self->height;
}

void
tp_compare_page_draw (TpComparePage *self,
                      cairo_t       *cr,
                      GArray        *items)
{
  Canvas canvas = { self, cr, items };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (items != NULL)
    g_array_set_size (items, 0);
  tp_gfx_save (cr);
  cairo_rectangle (cr, 0, 0, TP_COMPARE_PAGE_WIDTH, self->height);
  set_color (cr, 0xffffff);
  tp_gfx_fill (cr);
  paint_page (&canvas);
  tp_gfx_restore (cr);
}

/* ---------------------------------------------------------------- output */

gboolean
tp_compare_format_from_filename (const char      *filename,
                                 TpCompareFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = TP_COMPARE_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    *format = TP_COMPARE_FORMAT_PNG;
  else
    return FALSE;
  return TRUE;
}

static char *
document_title (TpComparePage *self)
{
  const char *title = self->comparison->title_after;

  /* Translators: the title of a comparison's PDF; %s is the to-be's title */
  return g_strdup_printf (_("As-is against to-be: %s"), *title != '\0' ? title : _("Untitled journey"));
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
write_with_writer (TpComparePage *self,
                   GDateTime     *creation_date,
                   GError       **error)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = document_title (self);
  GBytes *bytes;
  cairo_t *cr;

  tp_pdf_set_metadata (pdf, TP_PDF_METADATA_TITLE, title);
  tp_pdf_set_metadata (pdf, TP_PDF_METADATA_CREATOR, "Touchpoint " PACKAGE_VERSION);
  if (creation_date != NULL)
    tp_pdf_set_creation_date (pdf, creation_date);
  cr = tp_render_backend_pdf_begin_page (pdf, TP_COMPARE_PAGE_WIDTH, self->height);
  tp_compare_page_draw (self, cr, NULL);
  /* The page's cairo_t belongs to the writer. */
  tp_pdf_end_page (pdf);

  bytes = tp_pdf_finish (pdf, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (bytes == NULL)
    g_debug ("Comparison through cairo's PDF writer: %s", local_error->message);
  return bytes;
}

static GBytes *
finish_surface (cairo_surface_t  *surface,
                GByteArray       *output,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      g_byte_array_unref (output);
      return NULL;
    }
  return g_byte_array_free_to_bytes (output);
}

static GBytes *
write_with_cairo (TpComparePage *self,
                  GDateTime     *creation_date,
                  GError       **error)
{
  GByteArray *output = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, output,
                                                                  TP_COMPARE_PAGE_WIDTH, self->height);
  g_autofree char *title = document_title (self);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint " PACKAGE_VERSION);
  if (creation_date != NULL)
    {
      g_autofree char *date = g_date_time_format (creation_date, "%Y-%m-%dT%H:%M:%S");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }
  tp_compare_page_draw (self, cr, NULL);
  cairo_show_page (cr);
  cairo_destroy (cr);
  return finish_surface (surface, output, error);
}

static GBytes *
write_png (TpComparePage *self,
           double         scale,
           GError       **error)
{
  GByteArray *output;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  scale = CLAMP (scale, 1, 4);
  scale = MIN (scale, MAX_PNG_SIDE / MAX (TP_COMPARE_PAGE_WIDTH, self->height));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (TP_COMPARE_PAGE_WIDTH * scale),
                                        (int) ceil (self->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  tp_compare_page_draw (self, cr, NULL);
  cairo_destroy (cr);

  output = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, append_to_array, output);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      g_byte_array_unref (output);
      return NULL;
    }
  return g_byte_array_free_to_bytes (output);
}

GBytes *
tp_compare_page_write (TpComparePage   *self,
                       TpCompareFormat  format,
                       double           scale,
                       GDateTime       *creation_date,
                       gboolean         use_cairo_pdf,
                       GError         **error)
{
  GError *local_error = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (format == TP_COMPARE_FORMAT_PNG)
    return write_png (self, scale, error);

  if (!use_cairo_pdf)
    {
      bytes = write_with_writer (self, creation_date, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (bytes == NULL)
    bytes = write_with_cairo (self, creation_date, error);
  return bytes;
}

gboolean
tp_compare_page_export_to_file (TpComparePage   *self,
                                GFile           *file,
                                TpCompareFormat  format,
                                double           scale,
                                GDateTime       *creation_date,
                                gboolean         use_cairo_pdf,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tp_compare_page_write (self, format, scale, creation_date, use_cairo_pdf, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return tp_file_replace_atomically (file, data, length, FALSE, NULL, NULL, cancellable, error);
}
