/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tp-layout.h"
#include "tp-pdf.h"
#include "tp-render-backend.h"
#include "tp-renderer.h"
#include "tp-report-pdf-private.h"

const TpReportFontSpec tp_report_pdf_fonts[N_FONTS] = {
  [FONT_H1] = { 21, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_ACCENT },
  [FONT_H2] = { 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_H3] = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_LEAD] = { 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_MUTED] = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TP_REPORT_MUTED },
  [FONT_QUOTE] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, TP_REPORT_TEXT },
  [FONT_LABEL] = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_MUTED },
  [FONT_CELL] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_CELL_BOLD] = { 8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_HEADER_CELL] = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0x1a5fb4 },
  [FONT_FURNITURE] = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TP_REPORT_MUTED },
  [FONT_FIGURE] = { 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TP_REPORT_TEXT },
  [FONT_COVER_TITLE] = { 30, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0xffffff },
  [FONT_COVER_SUBTITLE] = { 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0xffffff },
};


/* ---- text ---- */

void
set_color (cairo_t *cr,
           guint32  hex)
{
  cairo_set_source_rgb (cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                        (hex & 0xff) / 255.0);
}

/* What one layout may hold: pages of text, yet far from where pango's line
 * breaking, quadratic in a paragraph's length and in a layout's lines,
 * takes minutes (a 50,000-line description never finished). */
#define MAX_LAYOUT_BYTES (16 * 1024)
#define MAX_LAYOUT_LINES 400

/* @text cut to what a layout may hold, with a note; NULL when it fits. */
static char *
cap_text (const char *text)
{
  gsize length = strlen (text);
  gsize cut = MIN (length, MAX_LAYOUT_BYTES);
  guint lines = 0;
  g_autofree char *more = NULL;
  glong rest;

  for (gsize i = 0; i < cut; i++)
    if (text[i] == '\n' && ++lines == MAX_LAYOUT_LINES)
      cut = i;
  if (cut >= length)
    return NULL;
  while (cut > 0 && (text[cut] & 0xC0) == 0x80)
    cut--;
  rest = g_utf8_strlen (text + cut, -1);
  /* Translators: ends a text too long for the report */
  more = g_strdup_printf (ngettext ("(shortened here: %ld more character in the journey)",
                                    "(shortened here: %ld more characters in the journey)", rest),
                          rest);
  return g_strdup_printf ("%.*s…\n%s", (int) cut, text, more);
}

PangoLayout *
make_layout (Pdf        *pdf,
             Font        font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  g_autofree char *capped = cap_text (text);

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  pango_layout_set_text (layout, capped != NULL ? capped : text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* Long words (URLs, compound Dutch nouns) break rather than run off
       * the page. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (font == FONT_BODY || font == FONT_LEAD || font == FONT_QUOTE)
    pango_layout_set_line_spacing (layout, 1.25);
  else if (font == FONT_CELL || font == FONT_CELL_BOLD || font == FONT_MUTED)
    pango_layout_set_line_spacing (layout, 1.15);
  return layout;
}

typedef struct {
  char            *text;
  int              width;  /* pango units; -1: none */
  Font             font;
  PangoAlignment   alignment;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ ((guint) key->width * 31u) ^ ((guint) key->font << 24)
         ^ ((guint) key->alignment << 29);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *ka = a, *kb = b;

  return ka->width == kb->width && ka->font == kb->font && ka->alignment == kb->alignment
         && g_str_equal (ka->text, kb->text);
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->text);
  g_free (key);
}

/* make_layout() with @alignment, shared: the same layout (a new reference)
 * for the same arguments, in this pass and the next. Callers must not
 * change it. */
PangoLayout *
make_shared_layout (Pdf            *pdf,
                    Font            font,
                    const char     *text,
                    double          width,
                    PangoAlignment  alignment)
{
  LayoutKey lookup = { (char *) text, width > 0 ? (int) (width * PANGO_SCALE) : -1, font, alignment };
  PangoLayout *layout;
  LayoutKey *key;

  layout = g_hash_table_lookup (pdf->layouts, &lookup);
  if (layout != NULL)
    return g_object_ref (layout);

  layout = make_layout (pdf, font, text, width);
  if (alignment != PANGO_ALIGN_LEFT)
    pango_layout_set_alignment (layout, alignment);
  key = g_new (LayoutKey, 1);
  *key = lookup;
  key->text = g_strdup (text);
  g_hash_table_insert (pdf->layouts, key, g_object_ref (layout));
  return layout;
}

double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             Font         font,
             double       x,
             double       y)
{
  set_color (pdf->cr, fonts[font].color);
  cairo_move_to (pdf->cr, x, y);
  tp_gfx_show_layout (pdf->cr, layout);
}

/* ---- pages ---- */

static void draw_furniture (Pdf *pdf);

/* A white image for the page about to be drawn; pages past the ones asked
 * for are drawn into a single pixel and dropped. */
static void
begin_image_page (Pdf *pdf)
{
  cairo_surface_t *surface;
  gboolean keep = pdf->page <= pdf->max_images;

  g_clear_pointer (&pdf->cr, cairo_destroy);
  surface = keep ? cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               MAX ((int) ceil (pdf->width * pdf->image_scale), 1),
                                               MAX ((int) ceil (pdf->height * pdf->image_scale), 1))
                 : cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  pdf->cr = cairo_create (surface);
  cairo_set_source_rgb (pdf->cr, 1, 1, 1);
  cairo_paint (pdf->cr);
  if (keep)
    {
      cairo_scale (pdf->cr, pdf->image_scale, pdf->image_scale);
      g_ptr_array_add (pdf->images, surface);
    }
  else
    cairo_surface_destroy (surface);
}

/* The probe's view of the page that ends (tests). */
static void
record_page (Pdf *pdf)
{
  TpReportProbePage page = { 0 };

  if (pdf->page > 0 && pdf->probe != NULL && pdf->final_pass)
    {
      page.landscape = pdf->width > pdf->height;
      page.map = pdf->page_smallest_text > 0;
      page.smallest_text = pdf->page_smallest_text;
      page.map_overview = pdf->page_map_overview;
      page.section_ends = pdf->closing_section || !pdf->page_has_furniture;
      page.fill = CLAMP ((pdf->y - pdf->y0) / (pdf->y1 - pdf->y0), 0, 1);
      g_array_append_val (pdf->probe->pages, page);
    }
  pdf->closing_section = FALSE;
  pdf->page_smallest_text = 0;
  pdf->page_map_overview = FALSE;
}

void
begin_page (Pdf      *pdf,
            gboolean  landscape,
            gboolean  furniture)
{
  if (pdf->writer != NULL && pdf->page > 0)
    tp_pdf_end_page (pdf->writer);
  else if (pdf->writer != NULL)
    g_clear_pointer (&pdf->cr, cairo_destroy); /* the context's scratch */
  else if (pdf->page > 0 && pdf->images == NULL)
    cairo_show_page (pdf->cr);
  record_page (pdf);
  pdf->page++;

  pdf->width = landscape ? pdf->page_height : pdf->page_width;
  pdf->height = landscape ? pdf->page_width : pdf->page_height;
  if (pdf->writer != NULL)
    pdf->cr = tp_render_backend_pdf_begin_page (pdf->writer, pdf->width, pdf->height);
  else if (pdf->images != NULL)
    begin_image_page (pdf);
  else
    cairo_pdf_surface_set_size (pdf->surface, pdf->width, pdf->height);

  pdf->x0 = MARGIN_SIDE;
  pdf->x1 = pdf->width - MARGIN_SIDE;
  pdf->y0 = MARGIN_TOP;
  pdf->y1 = pdf->height - MARGIN_BOTTOM;
  pdf->y = pdf->y0;
  pdf->page_has_furniture = furniture;
  pdf->page_empty = TRUE;
  if (furniture)
    draw_furniture (pdf);
}

void
new_page (Pdf *pdf)
{
  begin_page (pdf, FALSE, TRUE);
}

/* Moves to a new page unless @needed points are left on this one. */
void
ensure_space (Pdf    *pdf,
              double  needed)
{
  if (pdf->page == 0 || (!pdf->page_empty && pdf->y + needed > pdf->y1))
    new_page (pdf);
}

static void
draw_furniture (Pdf *pdf)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) section = NULL;
  g_autoptr(PangoLayout) generator = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *left_text = NULL;
  double half = (pdf->x1 - pdf->x0) / 2 - 8;
  double top = FURNITURE_INSET;
  double bottom = pdf->height - FURNITURE_INSET;

  /* One line each; ellipsized so a long title cannot reach the edge. */
  title = make_layout (pdf, FONT_FURNITURE, pdf->report->title, half);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  section = make_layout (pdf, FONT_FURNITURE, pdf->section != NULL ? pdf->section : "", half);
  pango_layout_set_ellipsize (section, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (section, PANGO_ALIGN_RIGHT);
  show_layout (pdf, title, FONT_FURNITURE, pdf->x0, top);
  show_layout (pdf, section, FONT_FURNITURE, pdf->x1 - half, top);

  set_color (pdf->cr, TP_REPORT_RULE);
  cairo_set_line_width (pdf->cr, 0.6);
  cairo_move_to (pdf->cr, pdf->x0, top + 14);
  cairo_line_to (pdf->cr, pdf->x1, top + 14);
  cairo_move_to (pdf->cr, pdf->x0, bottom - 16);
  cairo_line_to (pdf->cr, pdf->x1, bottom - 16);
  tp_gfx_stroke (pdf->cr);

  left_text = g_strdup_printf ("%s · %s", pdf->report->generator, pdf->report->date);
  generator = make_layout (pdf, FONT_FURNITURE, left_text, half);
  pango_layout_set_ellipsize (generator, PANGO_ELLIPSIZE_END);
  show_layout (pdf, generator, FONT_FURNITURE, pdf->x0, bottom - 10);

  if (pdf->n_pages > 0)
    /* Translators: the page number in the report's footer */
    page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  else
    /* The first pass only counts; keep the width close to the real text. */
    page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, 999u);
  number = make_layout (pdf, FONT_FURNITURE, page_text, half);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  show_layout (pdf, number, FONT_FURNITURE, pdf->x1 - half, bottom - 10);
}

int
add_outline (Pdf        *pdf,
             int         parent,
             const char *name,
             double      y)
{
  g_autofree char *link = NULL;
  /* Whole points: cairo reads the numbers with the C library's strtod,
   * which wants a decimal comma in a Dutch locale. */
  int top = (int) MAX (y - 12, 0);

  if (pdf->images != NULL)
    return 0;
  if (pdf->writer != NULL)
    return tp_pdf_add_outline (pdf->writer, parent, name, pdf->page, top, parent == 0);

  link = g_strdup_printf ("page=%u pos=[0 %d]", pdf->page, top);
  return cairo_pdf_surface_add_outline (pdf->surface, parent, name, link,
                                        parent == CAIRO_PDF_OUTLINE_ROOT ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0);
}

/* ---- blocks ---- */

/* Flows a layout with line breaks across pages. */
static void
flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             Font         font,
             double       x,
             double       space_after)
{
  TpBandText text = { g_object_ref (layout), font, x, 0, fonts[font].color, NULL };
  double height = layout_height (layout);
  double from = 0;

  ensure_space (pdf, MIN (height, 3 * fonts[font].size * 1.3));
  while (from < height - 0.01)
    {
      double limit = from + (pdf->y1 - pdf->y);
      double cut = limit >= height ? height : tp_band_cut (&text, 1, limit);

      if (cut <= from + 0.01)
        {
          new_page (pdf);
          continue;
        }
      tp_band_draw (pdf->cr, &text, 1, from, cut, pdf->y);
      pdf->y += cut - from;
      pdf->page_empty = FALSE;
      from = cut;
      if (from < height - 0.01)
        new_page (pdf);
    }
  tp_band_text_clear (&text);
  pdf->y += space_after;
}

static double measure_group (Pdf *pdf, guint index);

static void
draw_heading (Pdf                 *pdf,
              const TpReportBlock *block,
              guint                index)
{
  Font font = block->level == 1 ? FONT_H1 : block->level == 2 ? FONT_H2 : FONT_H3;
  double width = pdf->x1 - pdf->x0;
  g_autoptr(PangoLayout) layout = make_shared_layout (pdf, font, block->text, width, PANGO_ALIGN_LEFT);
  double height = layout_height (layout);

  if (block->level == 1)
    {
      /* Every section opens a page, with its name in the running header. */
      pdf->section = block->text;
      pdf->closing_section = TRUE;
      new_page (pdf);

      if (pdf->n_pages == 0)
        g_array_append_val (pdf->section_pages, pdf->page);
      pdf->section_index++;
      pdf->outline_parent = add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, block->text, pdf->y);

      show_layout (pdf, layout, font, pdf->x0, pdf->y);
      pdf->y += height + 6;
      set_color (pdf->cr, TP_REPORT_ACCENT);
      cairo_rectangle (pdf->cr, pdf->x0, pdf->y, 36, 2.5);
      tp_gfx_fill (pdf->cr);
      pdf->y += 18;
      pdf->page_empty = FALSE;
      return;
    }

  /* Keep a heading with what follows it: all of it (a stage with its
   * chart and table, a touchpoint with its details) when that fits on a
   * page, else at least a few lines. */
  pdf->y += pdf->page_empty ? 0 : (block->level == 2 ? 16 : 10);
  {
    double group = block->keep_together ? measure_group (pdf, index) : G_MAXDOUBLE;

    /* Only short parts move whole: a long one would leave half a page
     * empty and split anyway. */
    ensure_space (pdf, group <= (pdf->y1 - pdf->y0) / 2 ? group : height + 48);
  }
  if (block->level == 2)
    add_outline (pdf, pdf->outline_parent, block->text, pdf->y);
  flow_layout (pdf, layout, font, pdf->x0, block->level == 2 ? 5 : 3);
}

static Font
paragraph_font (TpReportTextStyle  style,
                double            *indent)
{
  *indent = style == TP_REPORT_TEXT_QUOTE ? 12 : 0;
  switch (style)
    {
    case TP_REPORT_TEXT_LEAD: return FONT_LEAD;
    case TP_REPORT_TEXT_MUTED: return FONT_MUTED;
    case TP_REPORT_TEXT_QUOTE: return FONT_QUOTE;
    case TP_REPORT_TEXT_LABEL: return FONT_LABEL;
    case TP_REPORT_TEXT_BODY:
    default: return FONT_BODY;
    }
}

static double
paragraph_space_after (TpReportTextStyle style)
{
  return style == TP_REPORT_TEXT_LEAD ? 12 : style == TP_REPORT_TEXT_LABEL ? 2 : 6;
}

static void
draw_paragraph (Pdf                 *pdf,
                const TpReportBlock *block)
{
  double indent;
  Font font = paragraph_font (block->style, &indent);
  double top;
  guint start_page;
  g_autoptr(PangoLayout) layout = NULL;

  if (block->style != TP_REPORT_TEXT_LABEL)
    layout = make_shared_layout (pdf, font, block->text, pdf->x1 - pdf->x0 - indent, PANGO_ALIGN_LEFT);
  else
    {
      g_autofree char *upper = g_utf8_strup (block->text, -1);
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = make_layout (pdf, font, block->text, pdf->x1 - pdf->x0 - indent);
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE / 2));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_text (layout, upper, -1);
      pdf->y += 4;
    }

  ensure_space (pdf, MIN (layout_height (layout), 30));
  top = pdf->y;
  start_page = pdf->page;
  flow_layout (pdf, layout, font, pdf->x0 + indent, 0);

  if (block->style == TP_REPORT_TEXT_QUOTE)
    {
      /* A rule beside the quote, on its last page. */
      set_color (pdf->cr, TP_REPORT_ACCENT);
      cairo_rectangle (pdf->cr, pdf->x0 + 2, start_page == pdf->page ? top : pdf->y0,
                       2, pdf->y - (start_page == pdf->page ? top : pdf->y0));
      tp_gfx_fill (pdf->cr);
    }
  pdf->y += paragraph_space_after (block->style);
}

static void
draw_chart (Pdf                 *pdf,
            const TpReportBlock *block)
{
  double width = pdf->x1 - pdf->x0;
  g_autoptr(PangoLayout) title = NULL;
  double title_height = 0;
  double height = tp_report_chart_get_height (pdf->context, block, width);

  if (block->text != NULL)
    {
      g_autofree char *upper = g_utf8_strup (block->text, -1);

      title = make_shared_layout (pdf, FONT_LABEL, upper, width, PANGO_ALIGN_LEFT);
      title_height = layout_height (title) + 6;
    }

  ensure_space (pdf, title_height + height + 10);
  if (title != NULL)
    {
      show_layout (pdf, title, FONT_LABEL, pdf->x0, pdf->y);
      pdf->y += title_height;
    }
  tp_gfx_save (pdf->cr);
  cairo_translate (pdf->cr, pdf->x0, pdf->y);
  if (pdf->probe != NULL && pdf->final_pass)
    {
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (double));

      tp_report_draw_chart_probed (pdf->cr, pdf->context, block, width, height, rects);
      pdf->probe->n_charts++;
      for (guint r = 0; r + 3 < rects->len; r += 4)
        {
          TpReportProbeItem *item = g_new0 (TpReportProbeItem, 1);

          item->kind = TP_REPORT_PROBE_CHART_LABEL;
          item->page = pdf->page;
          item->chart = pdf->probe->n_charts;
          item->width = width;
          item->height = height;
          item->text_x = g_array_index (rects, double, r);
          item->text_y = g_array_index (rects, double, r + 1);
          item->text_width = g_array_index (rects, double, r + 2);
          item->text_height = g_array_index (rects, double, r + 3);
          g_ptr_array_add (pdf->probe->items, item);
        }
    }
  else
    tp_report_draw_chart (pdf->cr, pdf->context, block, width, height);
  tp_gfx_restore (pdf->cr);
  pdf->y += height + 14;
  pdf->page_empty = FALSE;
}

/* The height of a heading and what belongs to it, up to the next heading
 * of the same or a higher level, as drawn on a fresh page. */
static double
measure_block (Pdf                 *pdf,
               const TpReportBlock *block)
{
  double width = pdf->x1 - pdf->x0;

  switch (block->kind)
    {
    case TP_REPORT_BLOCK_HEADING:
      {
        Font font = block->level == 2 ? FONT_H2 : FONT_H3;
        g_autoptr(PangoLayout) layout = make_shared_layout (pdf, font, block->text, width, PANGO_ALIGN_LEFT);

        return layout_height (layout) + (block->level == 2 ? 16 + 5 : 10 + 3);
      }

    case TP_REPORT_BLOCK_PARAGRAPH:
      {
        double indent;
        Font font = paragraph_font (block->style, &indent);
        g_autoptr(PangoLayout) layout = make_shared_layout (pdf, font, block->text, width - indent,
                                                            PANGO_ALIGN_LEFT);

        return layout_height (layout) + paragraph_space_after (block->style)
               + (block->style == TP_REPORT_TEXT_LABEL ? 4 : 0);
      }

    case TP_REPORT_BLOCK_FIGURES:
      return measure_figures (pdf, block);

    case TP_REPORT_BLOCK_CHART:
      return tp_report_chart_get_height (pdf->context, block, width) + 14 + (block->text != NULL ? 16 : 0);

    case TP_REPORT_BLOCK_TABLE:
      return measure_table (pdf, block);

    case TP_REPORT_BLOCK_DIAGRAM:
    default:
      return G_MAXDOUBLE / 4;
    }
}

static double
measure_group (Pdf   *pdf,
               guint  index)
{
  GPtrArray *blocks = pdf->report->blocks;
  const TpReportBlock *heading = g_ptr_array_index (blocks, index);
  /* Without the space above the heading: it is already there. */
  double height = measure_block (pdf, heading) - (heading->level == 2 ? 16 : 10);

  for (guint i = index + 1; i < blocks->len; i++)
    {
      const TpReportBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == TP_REPORT_BLOCK_HEADING && block->level <= heading->level)
        break;
      height += measure_block (pdf, block);
      /* No need to measure on once it is clearly too tall. */
      if (height > pdf->y1 - pdf->y0)
        break;
    }
  return height;
}

static void
draw_cover (Pdf *pdf)
{
  double width;
  double band_height;
  double facts_top;
  double y;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autoptr(PangoLayout) description = NULL;
  g_autoptr(PangoLayout) facts = NULL;
  g_autoptr(PangoLayout) generator = NULL;
  g_autoptr(GString) facts_text = g_string_new (NULL);
  g_autofree char *upper = g_utf8_strup (_("Customer journey report"), -1);
  gboolean has_subtitle = *pdf->report->subtitle != '\0';

  begin_page (pdf, FALSE, FALSE);
  width = pdf->x1 - pdf->x0;

  /* The cover is one page whatever the journey holds: every text gets a
   * share of it and is shortened (…) beyond that; the summary and the
   * appendix give everything in full. */
  kicker = make_layout (pdf, FONT_LABEL, upper, width);
  title = make_layout (pdf, FONT_COVER_TITLE, pdf->report->title, width);
  pango_layout_set_height (title, (int) (pdf->height * 0.3 * PANGO_SCALE));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  subtitle = make_layout (pdf, FONT_COVER_SUBTITLE, pdf->report->subtitle, width);
  pango_layout_set_height (subtitle, -3);
  pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);

  g_string_append (facts_text, pdf->report->date);
  if (*pdf->report->author != '\0')
    g_string_append_printf (facts_text, "\n%s", pdf->report->author);
  facts = make_layout (pdf, FONT_BODY, facts_text->str, width);
  pango_layout_set_height (facts, -4);
  pango_layout_set_ellipsize (facts, PANGO_ELLIPSIZE_END);
  facts_top = pdf->height - 80 - layout_height (facts);

  band_height = 120 + layout_height (title) + (has_subtitle ? 10 + layout_height (subtitle) : 0) + 40;
  set_color (pdf->cr, TP_REPORT_ACCENT);
  cairo_rectangle (pdf->cr, 0, 0, pdf->width, band_height);
  tp_gfx_fill (pdf->cr);

  set_color (pdf->cr, 0xffffff);
  cairo_move_to (pdf->cr, pdf->x0, 94);
  tp_gfx_show_layout (pdf->cr, kicker);
  y = 120;
  show_layout (pdf, title, FONT_COVER_TITLE, pdf->x0, y);
  y += layout_height (title) + 10;
  if (has_subtitle)
    show_layout (pdf, subtitle, FONT_COVER_SUBTITLE, pdf->x0, y);

  pdf->y = band_height + 36;
  meta = make_layout (pdf, FONT_LABEL, pdf->report->meta, width);
  show_layout (pdf, meta, FONT_LABEL, pdf->x0, pdf->y);
  pdf->y += layout_height (meta) + 12;

  if (*pdf->report->description != '\0' && facts_top - 40 - pdf->y > 30)
    {
      description = make_layout (pdf, FONT_LEAD, pdf->report->description, width * 0.85);
      pango_layout_set_height (description, (int) ((facts_top - 40 - pdf->y) * PANGO_SCALE));
      pango_layout_set_ellipsize (description, PANGO_ELLIPSIZE_END);
      show_layout (pdf, description, FONT_LEAD, pdf->x0, pdf->y);
    }

  set_color (pdf->cr, TP_REPORT_ACCENT);
  cairo_rectangle (pdf->cr, pdf->x0, facts_top - 14, 36, 2.5);
  tp_gfx_fill (pdf->cr);
  show_layout (pdf, facts, FONT_BODY, pdf->x0, facts_top);
  generator = make_layout (pdf, FONT_FURNITURE, pdf->report->generator, width);
  show_layout (pdf, generator, FONT_FURNITURE, pdf->x0, pdf->height - 56);
}

static void
draw_contents (Pdf *pdf)
{
  TpReportBlock title = { .kind = TP_REPORT_BLOCK_HEADING, .level = 1, .text = _("Contents") };
  guint index = 0;

  pdf->section = title.text;
  pdf->closing_section = TRUE;
  new_page (pdf);
  {
    g_autoptr(PangoLayout) layout = make_shared_layout (pdf, FONT_H1, title.text, pdf->x1 - pdf->x0,
                                                        PANGO_ALIGN_LEFT);

    /* The executive summary on this page is bookmarked under it: the
     * contents list the sections that follow. */
    pdf->outline_parent = add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title.text, pdf->y);
    show_layout (pdf, layout, FONT_H1, pdf->x0, pdf->y);
    pdf->y += layout_height (layout) + 6;
    set_color (pdf->cr, TP_REPORT_ACCENT);
    cairo_rectangle (pdf->cr, pdf->x0, pdf->y, 36, 2.5);
    tp_gfx_fill (pdf->cr);
    pdf->y += 24;
  }

  for (guint i = 0; i < pdf->report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (pdf->report->blocks, i);
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) number = NULL;
      g_autofree char *number_text = NULL;
      double number_width, name_height;

      if (block->kind != TP_REPORT_BLOCK_HEADING || block->level != 1)
        continue;

      number_text = index < pdf->section_pages->len
                    ? g_strdup_printf ("%u", g_array_index (pdf->section_pages, guint, index))
                    : g_strdup ("00");
      index++;
      number = make_shared_layout (pdf, FONT_H3, number_text, -1, PANGO_ALIGN_LEFT);
      number_width = layout_width (number);
      /* Room for three digits in both passes, so names wrap the same way
       * when the numbers are known. */
      name = make_shared_layout (pdf, FONT_H3, block->text, pdf->x1 - pdf->x0 - 3 * 12 - 24, PANGO_ALIGN_LEFT);
      name_height = layout_height (name);
      ensure_space (pdf, name_height + 14);

      /* The entry links to its section (in the second pass, which knows
       * the pages). */
      if (pdf->n_pages > 0 && index <= pdf->section_pages->len && pdf->writer != NULL)
        tp_pdf_add_link (pdf->writer, pdf->x0, pdf->y, pdf->x1 - pdf->x0, name_height,
                         g_array_index (pdf->section_pages, guint, index - 1), 0);
      else if (pdf->n_pages > 0 && index <= pdf->section_pages->len && pdf->images == NULL)
        {
          g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]",
                                                   g_array_index (pdf->section_pages, guint, index - 1));
          cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, link);
        }
      show_layout (pdf, name, FONT_H3, pdf->x0, pdf->y);
      set_color (pdf->cr, TP_REPORT_ACCENT);
      cairo_move_to (pdf->cr, pdf->x1 - number_width, pdf->y);
      tp_gfx_show_layout (pdf->cr, number);
      if (pdf->n_pages > 0 && index <= pdf->section_pages->len && pdf->writer == NULL && pdf->images == NULL)
        cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
      pdf->y += name_height + 4;
      set_color (pdf->cr, TP_REPORT_RULE);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_move_to (pdf->cr, pdf->x0, pdf->y);
      cairo_line_to (pdf->cr, pdf->x1, pdf->y);
      tp_gfx_stroke (pdf->cr);
      /* Compact: the executive summary follows on this page. */
      pdf->y += 5;
      pdf->page_empty = FALSE;
    }
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
run_pass (Pdf         *pdf,
          GByteArray  *output,
          GError     **error)
{
  TpReport *report = pdf->report;
  cairo_font_options_t *font_options;
  cairo_status_t status;
  g_autofree char *date = g_date_time_format (report->options.creation_date, "%Y-%m-%dT%H:%M:%S");

  tp_report_paper_get_size (report->options.paper, &pdf->page_width, &pdf->page_height);
  if (pdf->images != NULL || pdf->writer != NULL)
    {
      /* Each page makes its own image or writer page; this one only sets
       * up the context. */
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

      pdf->cr = cairo_create (scratch);
      cairo_surface_destroy (scratch);
    }
  else
    {
      pdf->surface = cairo_pdf_surface_create_for_stream (output != NULL ? append_to_array : discard,
                                                          output, pdf->page_width, pdf->page_height);
      pdf->cr = cairo_create (pdf->surface);
    }
  /* The context takes its font options from the target: a context (and
   * the layouts made from it) made for the other kind of target is not
   * kept. One for the same kind would be the same, so the second pass
   * keeps the first's, with its layouts. */
  if (pdf->context != NULL && pdf->context_for_pdf_surface != (pdf->surface != NULL))
    {
      g_clear_pointer (&pdf->layouts, g_hash_table_unref);
      g_clear_pointer (&pdf->column_widths, g_hash_table_unref);
      g_clear_pointer (&pdf->text_extents, g_hash_table_unref);
      g_clear_object (&pdf->context);
    }
  if (pdf->column_widths == NULL)
    pdf->column_widths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (pdf->text_extents == NULL)
    pdf->text_extents = tp_report_pdf_new_text_measures ();
  if (pdf->context == NULL)
    {
      pdf->context = pango_cairo_create_context (pdf->cr);
      pdf->context_for_pdf_surface = pdf->surface != NULL;
      /* Unhinted metrics: the same line breaks in both passes and in any
       * viewer, so the page count of the first pass holds. */
      font_options = cairo_font_options_create ();
      cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (pdf->context, font_options);
      cairo_font_options_destroy (font_options);
      /* The journey's language, so its texts break by that language's rules. */
      if (report->journey != NULL && *tp_journey_get_language (report->journey) != '\0')
        pango_context_set_language (pdf->context,
                                    pango_language_from_string (tp_journey_get_language (report->journey)));
      pdf->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free,
                                            g_object_unref);
    }

  for (int f = 0; f < N_FONTS; f++)
    {
      pdf->fonts[f] = pango_font_description_from_string (TP_REPORT_FONT);
      pango_font_description_set_size (pdf->fonts[f], (int) (fonts[f].size * PANGO_SCALE));
      pango_font_description_set_weight (pdf->fonts[f], fonts[f].weight);
      pango_font_description_set_style (pdf->fonts[f], fonts[f].style);
    }

  if (pdf->writer != NULL)
    {
      tp_pdf_set_metadata (pdf->writer, TP_PDF_METADATA_TITLE, report->title);
      if (*report->author != '\0')
        tp_pdf_set_metadata (pdf->writer, TP_PDF_METADATA_AUTHOR, report->author);
      tp_pdf_set_metadata (pdf->writer, TP_PDF_METADATA_SUBJECT, _("Customer journey report"));
      tp_pdf_set_metadata (pdf->writer, TP_PDF_METADATA_CREATOR, report->generator);
      tp_pdf_set_creation_date (pdf->writer, report->options.creation_date);
    }
  else if (pdf->surface != NULL)
    {
      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, report->title);
      if (*report->author != '\0')
        cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_AUTHOR, report->author);
      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_SUBJECT, _("Customer journey report"));
      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, report->generator);
      cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }

  pdf->page = 0;
  pdf->section = NULL;
  pdf->section_index = 0;
  pdf->outline_parent = CAIRO_PDF_OUTLINE_ROOT;

  if (report->options.sections & TP_REPORT_SECTION_COVER)
    {
      draw_cover (pdf);
      draw_contents (pdf);
    }

  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      /* Images: the pages asked for are done, or no longer wanted. */
      if (pdf->images != NULL && pdf->page > pdf->max_images)
        break;
      if (g_cancellable_is_cancelled (pdf->cancellable))
        break;

      switch (block->kind)
        {
        case TP_REPORT_BLOCK_HEADING:
          if (block->level == 1 && i + 1 < report->blocks->len
              && ((TpReportBlock *) g_ptr_array_index (report->blocks, i + 1))->kind == TP_REPORT_BLOCK_DIAGRAM)
            draw_diagram (pdf, block, g_ptr_array_index (report->blocks, ++i));
          else
            draw_heading (pdf, block, i);
          break;
        case TP_REPORT_BLOCK_PARAGRAPH: draw_paragraph (pdf, block); break;
        case TP_REPORT_BLOCK_FIGURES: draw_figures (pdf, block); break;
        case TP_REPORT_BLOCK_TABLE: draw_table (pdf, block); break;
        case TP_REPORT_BLOCK_CHART: draw_chart (pdf, block); break;
        case TP_REPORT_BLOCK_DIAGRAM: /* always after its heading */
        default: g_assert_not_reached ();
        }
    }
  if (pdf->page == 0)
    new_page (pdf);
  pdf->closing_section = TRUE;
  record_page (pdf);

  for (int f = 0; f < N_FONTS; f++)
    g_clear_pointer (&pdf->fonts[f], pango_font_description_free);
  if (pdf->writer != NULL)
    {
      /* A page's cairo_t belongs to the writer; drawing errors make the
       * writer refuse the file, and cairo's writer then reports them. */
      tp_pdf_end_page (pdf->writer);
      pdf->cr = NULL;
      status = CAIRO_STATUS_SUCCESS;
    }
  else if (pdf->surface != NULL)
    {
      cairo_show_page (pdf->cr);
      g_clear_pointer (&pdf->cr, cairo_destroy);
      cairo_surface_finish (pdf->surface);
      status = cairo_surface_status (pdf->surface);
      g_clear_pointer (&pdf->surface, cairo_surface_destroy);
    }
  else
    {
      status = cairo_status (pdf->cr);
      g_clear_pointer (&pdf->cr, cairo_destroy);
      for (guint i = 0; i < pdf->images->len && status == CAIRO_STATUS_SUCCESS; i++)
        {
          cairo_surface_flush (g_ptr_array_index (pdf->images, i));
          status = cairo_surface_status (g_ptr_array_index (pdf->images, i));
        }
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The context and the layouts kept for the next pass. */
static void
pdf_clear_layouts (Pdf *pdf)
{
  g_clear_pointer (&pdf->column_widths, g_hash_table_unref);
  g_clear_pointer (&pdf->text_extents, g_hash_table_unref);
  g_clear_object (&pdf->map_layout);
  g_clear_pointer (&pdf->layouts, g_hash_table_unref);
  g_clear_object (&pdf->context);
}

/* Both passes through our writer (see tp-pdf.h). NULL with @error set
 * on failure, NULL without when the writer cannot write this report. */
static GBytes *
write_with_writer (Pdf     *pdf,
                   GError **error)
{
  g_autoptr(TpPdf) counter = tp_pdf_new ();
  g_autoptr(TpPdf) writer = tp_pdf_new ();
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;
  gboolean ok;

  /* The first pass only counts: its file is never finished. */
  tp_pdf_set_counting (counter, TRUE);
  pdf->writer = counter;
  ok = run_pass (pdf, NULL, error);
  pdf->writer = NULL;
  if (!ok || tp_pdf_is_unsupported (counter))
    return NULL;

  pdf->n_pages = pdf->page;
  pdf->writer = writer;
  pdf->final_pass = TRUE;
  ok = run_pass (pdf, NULL, error);
  pdf->final_pass = FALSE;
  pdf->writer = NULL;
  if (!ok)
    return NULL;
  g_warn_if_fail (pdf->page == pdf->n_pages);

  bytes = tp_pdf_finish (writer, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (bytes == NULL)
    g_debug ("Report through cairo's PDF writer: %s", local_error->message);
  return bytes;
}

GBytes *
tp_report_pdf_write (TpReport  *report,
                     guint     *n_pages,
                     GError   **error)
{
  return tp_report_pdf_write_probed (report, NULL, n_pages, error);
}

static void
probe_item_free (TpReportProbeItem *item)
{
  g_clear_object (&item->layout);
  g_free (item);
}

TpReportProbe *
tp_report_probe_new (void)
{
  TpReportProbe *probe = g_new0 (TpReportProbe, 1);

  probe->items = g_ptr_array_new_with_free_func ((GDestroyNotify) probe_item_free);
  probe->pages = g_array_new (FALSE, TRUE, sizeof (TpReportProbePage));
  return probe;
}

void
tp_report_probe_free (TpReportProbe *probe)
{
  if (probe == NULL)
    return;
  g_ptr_array_unref (probe->items);
  g_array_unref (probe->pages);
  g_free (probe);
}

GBytes *
tp_report_pdf_write_probed (TpReport       *report,
                            TpReportProbe  *probe,
                            guint          *n_pages,
                            GError        **error)
{
  Pdf pdf = { 0 };
  g_autoptr(GByteArray) output = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (report != NULL, NULL);

  pdf.report = report;
  pdf.probe = probe;
  pdf.section_pages = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The options may ask for cairo's writer, as for maps. */
  if (!report->options.use_cairo_pdf)
    {
      bytes = write_with_writer (&pdf, &local_error);
      if (local_error != NULL)
        {
          pdf_clear_layouts (&pdf);
          g_array_unref (pdf.section_pages);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (bytes == NULL)
    {
      /* From scratch: cairo's pages may break differently. */
      g_array_set_size (pdf.section_pages, 0);
      if (probe != NULL)
        {
          g_ptr_array_set_size (probe->items, 0);
          g_array_set_size (probe->pages, 0);
        }
      pdf.n_pages = 0;

      /* Count first, so every footer can say "of N" and the contents page
       * knows where the sections start; then draw for real. */
      ok = run_pass (&pdf, NULL, error);
      if (ok)
        {
          pdf.n_pages = pdf.page;
          pdf.final_pass = TRUE;
          ok = run_pass (&pdf, output, error);
          g_warn_if_fail (pdf.page == pdf.n_pages);
        }
      if (ok)
        bytes = g_byte_array_free_to_bytes (g_steal_pointer (&output));
    }
  pdf_clear_layouts (&pdf);
  g_array_unref (pdf.section_pages);
  if (!ok)
    return NULL;

  if (n_pages != NULL)
    *n_pages = pdf.page;
  return g_steal_pointer (&bytes);
}

GPtrArray *
tp_report_render_pages (TpReport      *report,
                        guint          max_pages,
                        double         scale,
                        guint         *n_pages,
                        GCancellable  *cancellable,
                        GError       **error)
{
  Pdf pdf = { 0 };
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_autoptr(TpPdf) counter = tp_pdf_new ();
  gboolean ok;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  pdf.report = report;
  pdf.section_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  pdf.cancellable = cancellable;

  /* The same two passes as the PDF: the first counts pages (with our
   * writer, whose file is never finished, as the PDF's first pass does:
   * cairo's PDF surface would replay every page, and its context would
   * not be kept for the images, so every text would be laid out again),
   * the second draws the first pages as images. */
  tp_pdf_set_counting (counter, TRUE);
  pdf.writer = counter;
  ok = run_pass (&pdf, NULL, error);
  pdf.writer = NULL;
  if (ok)
    {
      pdf.n_pages = pdf.page;
      pdf.images = images;
      pdf.max_images = max_pages;
      pdf.image_scale = scale;
      ok = run_pass (&pdf, NULL, error);
    }
  pdf_clear_layouts (&pdf);
  g_array_unref (pdf.section_pages);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (!ok)
    return NULL;

  if (n_pages != NULL)
    *n_pages = pdf.n_pages;
  return g_steal_pointer (&images);
}
