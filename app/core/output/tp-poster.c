/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-render-backend.h"
#include "tp-poster.h"

#define MARK_WIDTH 0.5
#define LABEL_FONT "Sans 9"
#define NAME_FONT "Sans Bold 14"

static guint
count_sheets (double poster,
              double printable,
              double step)
{
  /* Slack for rounding: a poster that fits to a hundredth of a point fits. */
  if (poster <= printable + 0.01)
    return 1;
  return (guint) ceil ((poster - printable) / step - 0.0001) + 1;
}

gboolean
tp_poster_plan_init (TpPosterPlan *plan,
                     double        poster_width,
                     double        poster_height,
                     double        sheet_width,
                     double        sheet_height,
                     double        margin,
                     double        overlap)
{
  double printable_w = sheet_width - 2 * margin;
  double printable_h = sheet_height - 2 * margin;

  g_return_val_if_fail (plan != NULL, FALSE);

  *plan = (TpPosterPlan) {
    .poster_width = poster_width,
    .poster_height = poster_height,
    .sheet_width = sheet_width,
    .sheet_height = sheet_height,
    .margin = margin,
    .overlap = MAX (overlap, 0),
    .scale = 1,
  };

  /* A step under a quarter of the printable area would mean sheets that
   * are mostly overlap. */
  if (printable_w <= 0 || printable_h <= 0
      || plan->overlap > 0.75 * MIN (printable_w, printable_h)
      || poster_width <= 0 || poster_height <= 0)
    return FALSE;

  plan->step_x = printable_w - plan->overlap;
  plan->step_y = printable_h - plan->overlap;
  plan->columns = count_sheets (poster_width, printable_w, plan->step_x);
  plan->rows = count_sheets (poster_height, printable_h, plan->step_y);
  return TRUE;
}

void
tp_poster_plan_fit (TpPosterPlan *plan,
                    double        content_width,
                    double        content_height,
                    double        poster_margin)
{
  double avail_w = MAX (plan->poster_width - 2 * poster_margin, 1);
  double avail_h = MAX (plan->poster_height - 2 * poster_margin, 1);

  g_return_if_fail (content_width > 0 && content_height > 0);

  plan->scale = MIN (avail_w / content_width, avail_h / content_height);
  plan->content_width = content_width * plan->scale;
  plan->content_height = content_height * plan->scale;
  plan->offset_x = (plan->poster_width - plan->content_width) / 2;
  plan->offset_y = (plan->poster_height - plan->content_height) / 2;
}

/* Whether [start, start + length) and [from, to) share more than a sliver
 * (a millimetre: what a cut could leave of a line). */
static gboolean
spans_meet (double start,
            double length,
            double from,
            double to)
{
  return MIN (start + length, to) - MAX (start, from) > 2.83;
}

gboolean
tp_poster_plan_sheet_is_blank (const TpPosterPlan *plan,
                               guint               row,
                               guint               column)
{
  double pw = plan->sheet_width - 2 * plan->margin;
  double ph = plan->sheet_height - 2 * plan->margin;

  g_return_val_if_fail (row < plan->rows && column < plan->columns, TRUE);

  if (plan->content_width <= 0 || plan->content_height <= 0)
    return FALSE;
  return !spans_meet (column * plan->step_x, pw, plan->offset_x, plan->offset_x + plan->content_width)
         || !spans_meet (row * plan->step_y, ph, plan->offset_y, plan->offset_y + plan->content_height);
}

guint
tp_poster_plan_count_printed (const TpPosterPlan *plan)
{
  guint n = 0;

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      if (!tp_poster_plan_sheet_is_blank (plan, r, c))
        n++;
  return n;
}

gboolean
tp_poster_plan_printed_sheet (const TpPosterPlan *plan,
                              guint               index,
                              guint              *row,
                              guint              *column)
{
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      if (!tp_poster_plan_sheet_is_blank (plan, r, c) && index-- == 0)
        {
          *row = r;
          *column = c;
          return TRUE;
        }
  return FALSE;
}

char *
tp_poster_plan_list_blank (const TpPosterPlan *plan)
{
  GString *names = NULL;

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      if (tp_poster_plan_sheet_is_blank (plan, r, c))
        {
          g_autofree char *name = tp_poster_sheet_name (r, c);

          if (names == NULL)
            names = g_string_new (name);
          else
            g_string_append_printf (names, ", %s", name);
        }
  return names != NULL ? g_string_free (names, FALSE) : NULL;
}

double
tp_poster_height_for_width (double width,
                            double content_width,
                            double content_height,
                            double poster_margin)
{
  double inner = MAX (width - 2 * poster_margin, 1);

  return inner * content_height / content_width + 2 * poster_margin;
}

char *
tp_poster_sheet_name (guint row,
                      guint column)
{
  GString *name = g_string_new (NULL);
  guint n = row + 1;

  /* A … Z, AA … AZ, BA …: like spreadsheet columns. */
  while (n > 0)
    {
      n--;
      g_string_prepend_c (name, (char) ('A' + n % 26));
      n /= 26;
    }
  g_string_append_printf (name, "%u", column + 1);
  return g_string_free (name, FALSE);
}

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           double      align)   /* 0 left, 0.5 centre, 1 right of x */
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - h / 2.0);
  tp_gfx_show_layout (cr, layout);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  tp_gfx_stroke (cr);
}

/* The poster's content at its place on the poster. */
static void
draw_poster (cairo_t            *cr,
             const TpPosterPlan *plan,
             double              device_scale,
             TpPosterDrawFunc    draw,
             gpointer            user_data)
{
  tp_gfx_save (cr);
  cairo_rectangle (cr, 0, 0, plan->poster_width, plan->poster_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  tp_gfx_fill (cr);
  cairo_translate (cr, plan->offset_x, plan->offset_y);
  cairo_scale (cr, plan->scale, plan->scale);
  draw (cr, plan->scale * device_scale, user_data);
  tp_gfx_restore (cr);
}

void
tp_poster_draw_sheet (cairo_t            *cr,
                      const TpPosterPlan *plan,
                      guint               row,
                      guint               column,
                      const char         *title,
                      TpPosterDrawFunc    draw,
                      gpointer            user_data)
{
  double m = plan->margin;
  double pw = plan->sheet_width - 2 * m;
  double ph = plan->sheet_height - 2 * m;
  double tick = MIN (m * 0.7, 20);
  g_autofree char *name = tp_poster_sheet_name (row, column);
  g_autofree char *label = NULL;
  static const double dash[] = { 3, 2 };
  gboolean glue_right, glue_below;

  g_return_if_fail (row < plan->rows && column < plan->columns);

  /* The window on the poster. */
  tp_gfx_save (cr);
  cairo_rectangle (cr, m, m, pw, ph);
  tp_gfx_clip (cr);
  cairo_translate (cr, m - column * plan->step_x, m - row * plan->step_y);
  draw_poster (cr, plan, 1.0, draw, user_data);
  tp_gfx_restore (cr);

  tp_gfx_save (cr);
  cairo_set_line_width (cr, MARK_WIDTH);

  /* Crop marks at the corners of the printed area, in the margin. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int corner = 0; corner < 4; corner++)
    {
      double x = corner & 1 ? m + pw : m;
      double y = corner & 2 ? m + ph : m;
      double sx = corner & 1 ? 1 : -1;
      double sy = corner & 2 ? 1 : -1;

      line (cr, x + sx * 2, y, x + sx * (2 + tick), y);
      line (cr, x, y + sy * 2, x, y + sy * (2 + tick));
    }

  /* Cut here: the left and top edges of the printed area. What lies
   * beyond is blank margin; the printed strip inside the line repeats the
   * neighbour's glue strip and goes on top of it, so the content meets
   * exactly. Dashed ticks in the margins, over the crop marks. */
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  if (column > 0 && !tp_poster_plan_sheet_is_blank (plan, row, column - 1))
    {
      double x = m;

      line (cr, x, 2, x, m - 2);
      line (cr, x, m + ph + 2, x, plan->sheet_height - 2);
      /* Translators: printed next to the cut line on a poster sheet */
      show_text (cr, LABEL_FONT, _("cut"), x + 3, m / 2, 0, 0);
    }
  if (row > 0 && !tp_poster_plan_sheet_is_blank (plan, row - 1, column))
    {
      double y = m;

      line (cr, 2, y, m - 2, y);
      line (cr, m + pw + 2, y, plan->sheet_width - 2, y);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Glue strips: right and bottom, the part of the printed area that the
   * next sheet covers with its own copy of it. Grey bars in the margin
   * beside the strip; the next sheet's cut edge meets the bar's start. */
  glue_right = column + 1 < plan->columns && !tp_poster_plan_sheet_is_blank (plan, row, column + 1);
  glue_below = row + 1 < plan->rows && !tp_poster_plan_sheet_is_blank (plan, row + 1, column);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  if (glue_right)
    {
      double x = m + pw - plan->overlap;

      cairo_rectangle (cr, x, m * 0.25, plan->overlap, m * 0.5);
      cairo_rectangle (cr, x, m + ph + m * 0.25, plan->overlap, m * 0.5);
      tp_gfx_fill (cr);
    }
  if (glue_below)
    {
      double y = m + ph - plan->overlap;

      cairo_rectangle (cr, m * 0.25, y, m * 0.5, plan->overlap);
      cairo_rectangle (cr, m + pw + m * 0.25, y, m * 0.5, plan->overlap);
      tp_gfx_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (glue_right)
    /* Translators: printed next to the glue strip on a poster sheet */
    show_text (cr, LABEL_FONT, _("glue"), m + pw - plan->overlap - 3, m / 2, 0, 1);

  /* The label in the bottom margin. */
  /* Translators: on every poster sheet: the journey title, the sheet's
   * name like "B3", and the grid like "4×3" (across × down) */
  label = g_strdup_printf (_("Touchpoint — %s — sheet %s of %u×%u"),
                           title, name, plan->columns, plan->rows);
  /* Left of the glue strip's bar, clear of it. */
  show_text (cr, NAME_FONT, name, m + 6, plan->sheet_height - m / 2, 0, 0);
  show_text (cr, LABEL_FONT, label, m + pw - plan->overlap - 6, plan->sheet_height - m / 2,
             pw - plan->overlap - 60, 1);
  tp_gfx_restore (cr);
}

void
tp_poster_draw_overview (cairo_t            *cr,
                         const TpPosterPlan *plan,
                         const char         *title,
                         const char         *info,
                         TpPosterDrawFunc    draw,
                         gpointer            user_data)
{
  double m = plan->margin;
  double pw = plan->sheet_width - 2 * m;
  double ph = plan->sheet_height - 2 * m;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 9");
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;
  double top, avail_h, s, x0, y0;
  int text_h;

  /* Heading and information. */
  /* Translators: heading of the first page of a poster printed on sheets */
  heading = g_strdup_printf (_("Poster assembly: %s"), title);
  markup = g_markup_printf_escaped ("<span size='14pt' weight='bold'>%s</span>\n%s", heading, info);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (pw * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_size (layout, NULL, &text_h);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, m, m);
  tp_gfx_show_layout (cr, layout);

  /* The poster below it, as large as fits. */
  top = m + text_h + 12;
  avail_h = ph - (top - m);
  if (avail_h <= 10)
    return;
  s = MIN (pw / plan->poster_width, avail_h / plan->poster_height);
  x0 = m + (pw - plan->poster_width * s) / 2;
  y0 = top + (avail_h - plan->poster_height * s) / 2;

  tp_gfx_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, s, s);
  cairo_rectangle (cr, 0, 0, plan->poster_width, plan->poster_height);
  tp_gfx_clip (cr);
  draw_poster (cr, plan, s, draw, user_data);
  tp_gfx_restore (cr);

  tp_gfx_save (cr);
  cairo_translate (cr, x0, y0);

  /* Each sheet's own part (without the overlap it shares), and its name. */
  cairo_set_line_width (cr, 0.75);
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        double x = c * plan->step_x * s;
        double y = r * plan->step_y * s;
        /* The last sheet of a row or column owns the rest of the poster. */
        double w = (c + 1 < plan->columns ? plan->step_x : plan->poster_width - c * plan->step_x) * s;
        double h = (r + 1 < plan->rows ? plan->step_y : plan->poster_height - r * plan->step_y) * s;
        g_autofree char *name = tp_poster_sheet_name (r, c);
        g_autofree char *name_markup = NULL;
        PangoRectangle ink;

        gboolean blank = tp_poster_plan_sheet_is_blank (plan, r, c);
        static const double dash[] = { 4, 3 };

        /* A sheet that is not printed: dashed and grey. */
        cairo_rectangle (cr, x, y, w, h);
        if (blank)
          {
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.9);
          }
        else
          cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.9);
        tp_gfx_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        name_markup = g_markup_printf_escaped ("<span weight='bold' size='%dpt'>%s</span>",
                                               (int) CLAMP (MIN (w, h) / 4, 6, 28), name);
        pango_layout_set_width (layout, -1);
        pango_layout_set_markup (layout, name_markup, -1);
        pango_layout_get_pixel_extents (layout, &ink, NULL);
        /* White behind the name so it reads over the diagram. */
        cairo_rectangle (cr, x + (w - ink.width) / 2 - 3, y + (h - ink.height) / 2 - 1,
                         ink.width + 6, ink.height + 2);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
        tp_gfx_fill (cr);
        cairo_move_to (cr, x + (w - ink.width) / 2 - ink.x, y + (h - ink.height) / 2 - ink.y);
        if (blank)
          cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 1);
        else
          cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1);
        tp_gfx_show_layout (cr, layout);
      }

  cairo_rectangle (cr, 0, 0, plan->poster_width * s, plan->poster_height * s);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1);
  tp_gfx_stroke (cr);
  tp_gfx_restore (cr);
}
