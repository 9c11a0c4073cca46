/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The title block above an exported map: title, facts, the persona and the
 * legend. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tp-colors.h"
#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-render-backend.h"
#include "tp-render-glyphs.h"

#define LEGEND_HEIGHT 20.0
#define PERSONA_GAP 18.0
/* A hostile persona text must not make a poster of its own. */
#define PERSONA_MAX_CHARS 3000
#define SWATCH 14.0

static PangoLayout *
block_text (Export     *ex,
            const char *font,
            const char *markup,
            double      width)
{
  PangoLayout *layout = pango_layout_new (tp_layout_get_context (ex->layout));
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* 8 pt at the layout's 96 dpi is 10.7 units. */
double
tp_export_font_units (Export *ex,
            double  points)
{
  return points * pango_cairo_context_get_resolution (tp_layout_get_context (ex->layout)) / 72.0;
}

/* One column of the persona panel: a heading and the whole text. */
static PangoLayout *
persona_column (Export     *ex,
                const char *heading,
                const char *text,
                double      width)
{
  g_autofree char *capped = NULL;
  g_autofree char *markup = NULL;

  if (g_utf8_strlen (text, -1) > PERSONA_MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, PERSONA_MAX_CHARS);

      /* Translators: marks a text shortened in an export; the full text is in the journey */
      capped = g_strdup_printf (_("%s […]"), start);
      text = capped;
    }
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", heading, text);
  return block_text (ex, "Cantarell, Sans 9", markup, width);
}

/* The persona's description, goals and frustrations in three columns,
 * each as long as its text: nothing is cut off on paper. */
static void
prepare_persona (Export *ex,
                 double  inner)
{
  TpJourney *j = ex->journey;
  const char *name = tp_journey_get_persona_name (j);
  const char *texts[3] = {
    tp_journey_get_persona_description (j),
    tp_journey_get_persona_goals (j),
    tp_journey_get_persona_frustrations (j),
  };
  g_autofree char *about = NULL;
  const char *headings[3];
  double width = (inner - 2 * PERSONA_GAP) / 3;

  ex->persona_height = 0;
  if (*texts[0] == '\0' && *texts[1] == '\0' && *texts[2] == '\0')
    return;

  /* Translators: heading of the persona's description in an export */
  about = *name != '\0' ? g_strdup_printf (_("About %s"), name) : g_strdup (_("About the persona"));
  headings[0] = about;
  headings[1] = _("Goals");
  headings[2] = _("Frustrations");
  for (guint i = 0; i < 3; i++)
    {
      if (*texts[i] == '\0')
        continue;
      ex->block_persona[i] = persona_column (ex, headings[i], texts[i], width);
      ex->persona_height = MAX (ex->persona_height, layout_height (ex->block_persona[i]));
    }
}

void
tp_export_prepare_title_block (Export *ex)
{
  TpJourney *j = ex->journey;
  double inner = ex->width - 2 * TP_EXPORT_BLOCK_PADDING;
  /* The export's date when one is set, so the bytes can be reproduced. */
  g_autoptr(GDateTime) now = ex->creation_date != NULL ? g_date_time_ref (ex->creation_date)
                                                       : g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (tp_journey_get_title (j), -1);
  const char *persona = tp_journey_get_persona_name (j);
  const char *segment = tp_journey_get_persona_segment (j);
  const char *author = tp_journey_get_author (j);

  /* Prepared again when the content's width changes (bands). */
  g_clear_object (&ex->block_title);
  g_clear_object (&ex->block_meta);
  for (guint i = 0; i < G_N_ELEMENTS (ex->block_persona); i++)
    g_clear_object (&ex->block_persona[i]);
  ex->block_height = 0;
  if (!ex->title_block)
    return;

  if (persona != NULL && persona[0] != '\0')
    {
      g_autofree char *text = NULL;

      if (segment != NULL && segment[0] != '\0')
        /* Translators: persona name and segment in the export title block */
        text = g_markup_printf_escaped (_("<b>Persona:</b> %s (%s)"), persona, segment);
      else
        text = g_markup_printf_escaped (_("<b>Persona:</b> %s"), persona);
      g_string_append (meta, text);
      g_string_append (meta, "   ");
    }
  {
    g_autofree char *text = g_markup_printf_escaped (_("<b>Scope:</b> %s, %s"),
                                                     tp_scope_get_display_name (tp_journey_get_scope (j)),
                                                     tp_journey_state_get_display_name (tp_journey_get_state (j)));
    g_string_append (meta, text);
    g_string_append (meta, "   ");
  }
  if (author != NULL && author[0] != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped (_("<b>Author:</b> %s"), author);

      g_string_append (meta, text);
      g_string_append (meta, "   ");
    }
  {
    g_autofree char *text = g_markup_printf_escaped (_("<b>Date:</b> %s"), date);

    g_string_append (meta, text);
  }

  ex->block_title = block_text (ex, "Cantarell, Sans Bold 18", title, inner);
  ex->block_meta = block_text (ex, "Cantarell, Sans 9", meta->str, inner);
  prepare_persona (ex, inner);
  ex->block_height = TP_EXPORT_BLOCK_PADDING + layout_height (ex->block_title) + 4
                     + layout_height (ex->block_meta) + 10
                     + (ex->persona_height > 0 ? ex->persona_height + 12 : 0)
                     + LEGEND_HEIGHT + TP_EXPORT_BLOCK_PADDING;
}

static void
set_hex (cairo_t *cr,
         guint32  hex,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                         (hex & 0xff) / 255.0, alpha);
}

/* A legend label at @x, vertically centred on @cy; returns its right edge. */
static double
legend_label (cairo_t    *cr,
              Export     *ex,
              const char *text,
              double      x,
              double      cy)
{
  g_autoptr(PangoLayout) layout = block_text (ex, "Cantarell, Sans 8", "", -1);
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.9);
  cairo_move_to (cr, x, cy - (double) h / PANGO_SCALE / 2);
  tp_gfx_show_layout (cr, layout);
  return x + (double) w / PANGO_SCALE;
}

static void
legend_swatch (cairo_t  *cr,
               double    x,
               double    cy,
               guint32   fill,
               guint32   border,
               gboolean  notched)
{
  /* A blocker's swatch has its card's cut corner. */
  if (notched)
    tp_path_notched_rect (cr, x, cy - SWATCH / 2, SWATCH * 1.4, SWATCH, 3, 5);
  else
    tp_path_rounded_rect (cr, x, cy - SWATCH / 2, SWATCH * 1.4, SWATCH, 3);
  set_hex (cr, fill, 1);
  tp_gfx_fill_preserve (cr);
  set_hex (cr, border, 0.8);
  cairo_set_line_width (cr, 1);
  tp_gfx_stroke (cr);
}

double
tp_export_draw_legend (cairo_t *cr,
             Export  *ex,
             double   x,
             double   cy)
{
  x = legend_label (cr, ex, _("Emotion score"), x, cy) + 6;
  for (int score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
    {
      double rgb[3];
      g_autofree char *number = g_strdup_printf ("%d", score);
      g_autoptr(PangoLayout) layout = block_text (ex, "Cantarell, Sans Bold 8", "", -1);
      int w, h;

      tp_score_color (score, TP_PALETTE_PRINT, rgb);
      /* The map's badge shapes: square below good enough, round above. */
      tp_path_rounded_rect (cr, x, cy - SWATCH / 2, SWATCH * 1.4, SWATCH,
                            score < tp_journey_get_good_enough (ex->journey) ? 0 : SWATCH / 2);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      tp_gfx_fill (cr);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_size (layout, &w, &h);
      /* The map's rule for the digits, so every swatch reads at 4.5:1. */
      if (tp_color_wants_dark_text (rgb))
        cairo_set_source_rgb (cr, 0, 0, 0);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x + (SWATCH * 1.4 - (double) w / PANGO_SCALE) / 2,
                     cy - (double) h / PANGO_SCALE / 2);
      tp_gfx_show_layout (cr, layout);
      x += SWATCH * 1.4 + 2;
    }
  x += 14;

  tp_path_star (cr, x + SWATCH / 2, cy, SWATCH / 2);
  set_hex (cr, 0xf5c211, 1);
  tp_gfx_fill_preserve (cr);
  set_hex (cr, 0xb57c00, 1);
  cairo_set_line_width (cr, 0.75);
  tp_gfx_stroke (cr);
  x = legend_label (cr, ex, _("Moment of truth"), x + SWATCH + 4, cy) + 14;

  if (ex->render.show_employee_overlay)
    {
      legend_swatch (cr, x, cy, 0xfdeced, 0xe01b24, TRUE);
      x = legend_label (cr, ex, _("Blocker"), x + SWATCH * 1.4 + 4, cy) + 14;
      legend_swatch (cr, x, cy, 0xe8f6ed, 0x26a269, FALSE);
      x = legend_label (cr, ex, _("Enabler"), x + SWATCH * 1.4 + 4, cy) + 14;
    }
  legend_swatch (cr, x, cy, 0xfff6d0, 0xe5a50a, FALSE);
  x = legend_label (cr, ex, _("Opportunity"), x + SWATCH * 1.4 + 4, cy) + 14;

  cairo_set_line_width (cr, 2);
  set_hex (cr, 0x1c71d8, 1);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + 20, cy);
  tp_gfx_stroke (cr);
  x = legend_label (cr, ex, _("Customer emotion"), x + 24, cy) + 14;
  if (ex->render.show_employee_overlay)
    {
      static const double dash[] = { 4, 3 };

      set_hex (cr, 0x9141ac, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + 20, cy);
      tp_gfx_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      x = legend_label (cr, ex, _("Employee experience"), x + 24, cy);
    }

  return x;

}

void
tp_export_draw_title_block (cairo_t *cr,
                            Export  *ex)
{
  double width = ex->width;
  double y = TP_EXPORT_BLOCK_PADDING;
  double x = TP_EXPORT_BLOCK_PADDING;

  tp_gfx_save (cr);
  if (!ex->transparent)
    {
      cairo_rectangle (cr, 0, 0, width, ex->block_height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      tp_gfx_fill (cr);
    }

  cairo_set_source_rgba (cr, 0, 0, 0, 0.9);
  cairo_move_to (cr, x, y);
  tp_gfx_show_layout (cr, ex->block_title);
  y += layout_height (ex->block_title) + 4;
  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  cairo_move_to (cr, x, y);
  tp_gfx_show_layout (cr, ex->block_meta);
  y += layout_height (ex->block_meta) + 10;

  if (ex->persona_height > 0)
    {
      double column = (width - 2 * TP_EXPORT_BLOCK_PADDING - 2 * PERSONA_GAP) / 3;

      /* A quiet rule above the panel, then the columns that have text. */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
      cairo_rectangle (cr, x, y - 5, width - 2 * TP_EXPORT_BLOCK_PADDING, 0.75);
      tp_gfx_fill (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.85);
      for (guint i = 0; i < G_N_ELEMENTS (ex->block_persona); i++)
        if (ex->block_persona[i] != NULL)
          {
            cairo_move_to (cr, x + i * (column + PERSONA_GAP), y);
            tp_gfx_show_layout (cr, ex->block_persona[i]);
          }
      y += ex->persona_height + 12;
    }

  /* Legend: the score colours, then the symbols the map uses. */
  tp_export_draw_legend (cr, ex, x, y + LEGEND_HEIGHT / 2);

  tp_gfx_restore (cr);
}

