/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-colors.h"
#include "tp-render-backend.h"
#include "tp-report-pdf-private.h"

/* The report's tables, with columns fitted to their content, and its key
 * figures. */

#define CELL_PAD_X 5.0
#define CELL_PAD_Y 4.0
#define BADGE_WIDTH 24.0
#define BADGE_HEIGHT 12.5

typedef struct {
  TpBandText  texts[32];
  guint     n_texts;
  double    height;
} Row;

static void
probe_text (Pdf               *pdf,
            TpReportProbeKind  kind,
            PangoLayout       *layout,
            double             x,
            double             y,
            double             box_x,
            double             box_y,
            double             box_width,
            double             box_height)
{
  TpReportProbeItem *item;
  PangoRectangle logical;

  if (pdf->probe == NULL || !pdf->final_pass)
    return;
  pango_layout_get_extents (layout, NULL, &logical);
  item = g_new0 (TpReportProbeItem, 1);
  item->kind = kind;
  item->page = pdf->page;
  item->x = box_x;
  item->y = box_y;
  item->width = box_width;
  item->height = box_height;
  item->text_x = x + (double) logical.x / PANGO_SCALE;
  item->text_y = y + (double) logical.y / PANGO_SCALE;
  item->text_width = (double) logical.width / PANGO_SCALE;
  item->text_height = (double) logical.height / PANGO_SCALE;
  item->layout = g_object_ref (layout);
  g_ptr_array_add (pdf->probe->items, item);
}

static void
probe_row (Pdf               *pdf,
           Row               *row,
           const double      *xs,
           const double      *ws,
           TpReportProbeKind  kind)
{
  for (guint c = 0; c < row->n_texts; c++)
    probe_text (pdf, kind, row->texts[c].layout, row->texts[c].x, pdf->y + row->texts[c].dy,
                xs[c] + CELL_PAD_X, pdf->y, ws[c] - 2 * CELL_PAD_X, row->height);
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < row->n_texts; i++)
    tp_band_text_clear (&row->texts[i]);
  row->n_texts = 0;
}

/* How wide a column must be and would like to be: its longest unbreakable
 * word and its longest line, over the header and every cell. */
typedef struct {
  double min;
  double max;
} Extent;

GHashTable *
tp_report_pdf_new_text_measures (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Measures @text once per font (tables repeat their departments, stages
 * and channels), in one pass over its shaped glyphs: each character's
 * width, summed per word. (Not pango_layout_index_to_pos() per word,
 * which walks the layout's runs each time.) */
static void
measure_text (Pdf        *pdf,
              Font        font,
              const char *text,
              Extent     *extent)
{
  g_autofree char *key = g_strdup_printf ("%c%s", 'a' + font, text);
  Extent *known = g_hash_table_lookup (pdf->text_extents, key);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree int *widths = NULL;
  const PangoLogAttr *attrs;
  const char *chars;
  int n_attrs, n_chars, start = 0, longest_line = 0, longest_word = 0;

  if (known == NULL)
    {
      layout = make_layout (pdf, font, text, -1);
      chars = pango_layout_get_text (layout);
      n_chars = (int) g_utf8_strlen (chars, -1);
      widths = g_new0 (int, n_chars + 1);
      /* Characters without glyphs (line ends) are 0 wide. */
      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          int line_width = 0;

          for (GSList *r = line->runs; r != NULL; r = r->next)
            {
              PangoGlyphItem *run = r->data;
              glong first = g_utf8_pointer_to_offset (chars, chars + run->item->offset);

              pango_glyph_item_get_logical_widths (run, chars, widths + first);
              line_width += pango_glyph_string_get_width (run->glyphs);
            }
          longest_line = MAX (longest_line, line_width);
        }

      attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
      /* Words run between break opportunities; a word's width leaves out
       * the white space after it, as line breaking does. */
      for (int i = 1; i < n_attrs && i <= n_chars; i++)
        {
          int end = i, width = 0;

          if (i < n_chars && !attrs[i].is_line_break)
            continue;
          while (end > start && attrs[end - 1].is_white)
            end--;
          for (int c = start; c < end; c++)
            width += widths[c];
          longest_word = MAX (longest_word, width);
          start = i;
        }

      known = g_new (Extent, 1);
      known->min = (double) longest_word / PANGO_SCALE;
      known->max = (double) longest_line / PANGO_SCALE;
      g_hash_table_insert (pdf->text_extents, g_steal_pointer (&key), known);
    }
  extent->min = MAX (extent->min, known->min);
  extent->max = MAX (extent->max, known->max);
}

/* Column widths fitted to the content, as a browser lays out a table:
 * every column at least as wide as its longest word (so words break only
 * where no width could hold them), the rest shared by how much each
 * column's lines would like, and what is left over by the relative
 * widths the builder gave. */
static double *
fit_columns (Pdf                 *pdf,
             const TpReportBlock *block)
{
  double total = pdf->x1 - pdf->x0;
  guint n = block->n_columns;
  guint n_rows = tp_report_table_get_n_rows (block);
  g_autofree Extent *extents = g_new0 (Extent, n);
  double *ws = g_new0 (double, n);
  double sum_min = 0, sum_max = 0, sum_weights = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *upper = g_utf8_strup (block->headers[c], -1);

      measure_text (pdf, FONT_HEADER_CELL, upper, &extents[c]);
      for (guint r = 0; r < n_rows; r++)
        {
          TpReportItem *item = tp_report_table_get_cell (block, r, c);

          if ((block->score_columns & (1u << c)) && item->score >= TP_SCORE_MIN)
            extents[c].min = extents[c].max = MAX (extents[c].max, BADGE_WIDTH);
          else
            measure_text (pdf, item->highlight ? FONT_CELL_BOLD : FONT_CELL, item->text, &extents[c]);
        }
      /* A word wider than half the page breaks wherever it is. */
      extents[c].min = MIN (extents[c].min + 2 * CELL_PAD_X + 0.5, total / 2);
      extents[c].max = MAX (extents[c].max + 2 * CELL_PAD_X + 0.5, extents[c].min);
      sum_min += extents[c].min;
      sum_max += extents[c].max;
      sum_weights += block->widths[c];
    }

  for (guint c = 0; c < n; c++)
    {
      if (sum_min >= total)
        ws[c] = extents[c].min * total / sum_min;
      else if (sum_max <= total)
        ws[c] = extents[c].max + (total - sum_max) * block->widths[c] / sum_weights;
      else
        ws[c] = extents[c].min + (extents[c].max - extents[c].min) * (total - sum_min) / (sum_max - sum_min);
    }
  return ws;
}

static void
table_columns (Pdf                 *pdf,
               const TpReportBlock *block,
               double              *xs,
               double              *ws)
{
  double *fitted = g_hash_table_lookup (pdf->column_widths, block);
  double x = pdf->x0;

  if (fitted == NULL)
    {
      fitted = fit_columns (pdf, block);
      g_hash_table_insert (pdf->column_widths, (gpointer) block, fitted);
    }
  for (guint c = 0; c < block->n_columns; c++)
    {
      xs[c] = x;
      ws[c] = fitted[c];
      x += ws[c];
    }
}

static void
make_row (Pdf                 *pdf,
          const TpReportBlock *block,
          const double        *xs,
          const double        *ws,
          guint                row_index, /* G_MAXUINT: the header */
          Row                 *row)
{
  row->n_texts = 0;
  row->height = 0;
  for (guint c = 0; c < block->n_columns && c < G_N_ELEMENTS (row->texts); c++)
    {
      TpBandText *text = &row->texts[row->n_texts++];
      gboolean header = row_index == G_MAXUINT;
      TpReportItem *item = header ? NULL : tp_report_table_get_cell (block, row_index, c);
      gboolean badge = !header && (block->score_columns & (1u << c));
      Font font = header ? FONT_HEADER_CELL : item->highlight ? FONT_CELL_BOLD : FONT_CELL;
      g_autofree char *upper = header ? g_utf8_strup (block->headers[c], -1) : NULL;
      double height;

      text->font = font;
      text->color = fonts[font].color;
      text->dy = CELL_PAD_Y;
      text->x = xs[c] + CELL_PAD_X;
      if (!badge || item->score < TP_SCORE_MIN)
        text->layout = make_shared_layout (pdf, font, header ? upper : item->text, ws[c] - 2 * CELL_PAD_X,
                                           badge || (block->number_columns & (1u << c))
                                           ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      else
        {
          text->layout = make_layout (pdf, font, item->text, ws[c] - 2 * CELL_PAD_X);
          /* White or dark on the score's colour, as on the map; the badge
           * is drawn under it. */
          pango_layout_set_width (text->layout, (int) (BADGE_WIDTH * PANGO_SCALE));
          pango_layout_set_alignment (text->layout, PANGO_ALIGN_CENTER);
          text->x = xs[c] + ws[c] - CELL_PAD_X - BADGE_WIDTH;
          text->color = tp_score_hex_wants_dark_text (item->score) ? TP_REPORT_TEXT : 0xffffff;
          text->dy = CELL_PAD_Y + (BADGE_HEIGHT - layout_height (text->layout)) / 2;
        }
      height = MAX (layout_height (text->layout), badge ? BADGE_HEIGHT : 0);
      row->height = MAX (row->height, height + 2 * CELL_PAD_Y);
    }
}

static void
draw_badges (Pdf                 *pdf,
             const TpReportBlock *block,
             const double        *xs,
             const double        *ws,
             guint                row_index,
             double               y)
{
  for (guint c = 0; c < block->n_columns; c++)
    {
      TpReportItem *item = tp_report_table_get_cell (block, row_index, c);
      double x = xs[c] + ws[c] - CELL_PAD_X - BADGE_WIDTH;
      double r = BADGE_HEIGHT / 2;

      if (!(block->score_columns & (1u << c)) || item->score < TP_SCORE_MIN)
        continue;
      set_color (pdf->cr, tp_score_hex (item->score));
      cairo_new_sub_path (pdf->cr);
      cairo_arc (pdf->cr, x + r, y + CELL_PAD_Y + r, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (pdf->cr, x + BADGE_WIDTH - r, y + CELL_PAD_Y + r, r, -G_PI / 2, G_PI / 2);
      cairo_close_path (pdf->cr);
      tp_gfx_fill (pdf->cr);
    }
}

static void
draw_header_row (Pdf          *pdf,
                 Row          *header,
                 const double *xs,
                 const double *ws)
{
  probe_row (pdf, header, xs, ws, TP_REPORT_PROBE_HEADER_CELL);
  set_color (pdf->cr, 0xe8f0fb);
  cairo_rectangle (pdf->cr, pdf->x0, pdf->y, pdf->x1 - pdf->x0, header->height);
  tp_gfx_fill (pdf->cr);
  tp_band_draw (pdf->cr, header->texts, header->n_texts, 0, header->height, pdf->y);
  pdf->y += header->height;
  pdf->page_empty = FALSE;
}

void
draw_table (Pdf                 *pdf,
            const TpReportBlock *block)
{
  double xs[32], ws[32];
  Row header = { 0 };
  guint n_rows = tp_report_table_get_n_rows (block);
  guint rows_on_page = 0;

  g_return_if_fail (block->n_columns <= G_N_ELEMENTS (xs));

  table_columns (pdf, block, xs, ws);
  make_row (pdf, block, xs, ws, G_MAXUINT, &header);

  for (guint r = 0; r < n_rows; r++)
    {
      Row row = { 0 };
      double from = 0;

      make_row (pdf, block, xs, ws, r, &row);
      if (r == 0)
        {
          ensure_space (pdf, header.height + MIN (row.height, 40));
          draw_header_row (pdf, &header, xs, ws);
          rows_on_page = 0;
        }
      else if (r + 2 == n_rows && rows_on_page >= 3 && row.height <= pdf->y1 - pdf->y)
        {
          /* No last row alone on a page: take the one before along. */
          Row last = { 0 };

          make_row (pdf, block, xs, ws, r + 1, &last);
          if (row.height + last.height > pdf->y1 - pdf->y
              && row.height + last.height <= pdf->y1 - pdf->y0 - header.height)
            {
              new_page (pdf);
              draw_header_row (pdf, &header, xs, ws);
              rows_on_page = 0;
            }
          row_clear (&last);
        }

      while (from < row.height - 0.01)
        {
          double available = pdf->y1 - pdf->y;
          double to;

          if (row.height - from <= available)
            to = row.height;
          else if (from == 0 && row.height <= pdf->y1 - pdf->y0 - header.height)
            to = from; /* fits on a fresh page: do not split it */
          else
            to = tp_band_cut (row.texts, row.n_texts, from + available);

          if (to > from + 0.01)
            {
              if (r % 2 == 1)
                {
                  set_color (pdf->cr, TP_REPORT_ZEBRA);
                  cairo_rectangle (pdf->cr, pdf->x0, pdf->y, pdf->x1 - pdf->x0, to - from);
                  tp_gfx_fill (pdf->cr);
                }
              if (from == 0)
                {
                  draw_badges (pdf, block, xs, ws, r, pdf->y);
                  probe_row (pdf, &row, xs, ws, TP_REPORT_PROBE_CELL);
                }
              tp_band_draw (pdf->cr, row.texts, row.n_texts, from, to, pdf->y);
              pdf->y += to - from;
              pdf->page_empty = FALSE;
              from = to;
            }
          if (from < row.height - 0.01)
            {
              new_page (pdf);
              draw_header_row (pdf, &header, xs, ws);
              rows_on_page = 0;
            }
        }
      rows_on_page++;

      /* A hairline under each row. */
      set_color (pdf->cr, TP_REPORT_RULE);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_move_to (pdf->cr, pdf->x0, pdf->y);
      cairo_line_to (pdf->cr, pdf->x1, pdf->y);
      tp_gfx_stroke (pdf->cr);
      row_clear (&row);
    }

  row_clear (&header);
  pdf->y += 12;
}

double
measure_table (Pdf                 *pdf,
               const TpReportBlock *block)
{
  double xs[32], ws[32];
  double height = 12;
  Row row = { 0 };

  table_columns (pdf, block, xs, ws);
  make_row (pdf, block, xs, ws, G_MAXUINT, &row);
  height += row.height;
  row_clear (&row);
  for (guint r = 0; r < tp_report_table_get_n_rows (block); r++)
    {
      make_row (pdf, block, xs, ws, r, &row);
      height += row.height;
      row_clear (&row);
    }
  return height;
}

/* Key figures: tiles in rows of up to four, each as tall as its row's
 * longest label needs, so no text leaves its tile in any language. */
#define FIGURE_GAP 10.0
#define FIGURE_PAD_LEFT 12.0
#define FIGURE_PAD_RIGHT 8.0
#define FIGURE_LABEL_TOP 33.0

static guint
figures_per_row (guint n)
{
  return n <= 4 ? MAX (n, 1) : 3;
}

static double
figure_box_width (Pdf   *pdf,
                  guint  per_row)
{
  return (pdf->x1 - pdf->x0 - FIGURE_GAP * (per_row - 1)) / per_row;
}

static PangoLayout *
figure_label (Pdf                *pdf,
              const TpReportItem *item,
              double              width)
{
  PangoLayout *label = make_shared_layout (pdf, FONT_MUTED, item->detail != NULL ? item->detail : "",
                                           width, PANGO_ALIGN_LEFT);

  return label;
}

static double
figures_row_height (Pdf                 *pdf,
                    const TpReportBlock *block,
                    guint                first,
                    guint                per_row,
                    double               box_width)
{
  double height = 54;

  for (guint j = first; j < MIN (first + per_row, block->items->len); j++)
    {
      g_autoptr(PangoLayout) label = figure_label (pdf, g_ptr_array_index (block->items, j),
                                                   box_width - FIGURE_PAD_LEFT - FIGURE_PAD_RIGHT);

      height = MAX (height, FIGURE_LABEL_TOP + layout_height (label) + 7);
    }
  return height;
}

double
measure_figures (Pdf                 *pdf,
                 const TpReportBlock *block)
{
  guint per_row = figures_per_row (block->items->len);
  double box_width = figure_box_width (pdf, per_row);
  double height = 6;

  for (guint i = 0; i < block->items->len; i += per_row)
    height += figures_row_height (pdf, block, i, per_row, box_width) + FIGURE_GAP;
  return height;
}

void
draw_figures (Pdf                 *pdf,
              const TpReportBlock *block)
{
  guint n = block->items->len;
  guint per_row = figures_per_row (n);
  double box_width = figure_box_width (pdf, per_row);
  double text_width = box_width - FIGURE_PAD_LEFT - FIGURE_PAD_RIGHT;

  for (guint i = 0; i < n; i += per_row)
    {
      double box_height = figures_row_height (pdf, block, i, per_row, box_width);

      ensure_space (pdf, box_height + FIGURE_GAP);
      for (guint j = i; j < MIN (i + per_row, n); j++)
        {
          TpReportItem *item = g_ptr_array_index (block->items, j);
          double x = pdf->x0 + (j - i) * (box_width + FIGURE_GAP);
          g_autoptr(PangoLayout) value = make_layout (pdf, FONT_FIGURE, item->text, text_width);
          g_autoptr(PangoLayout) label = figure_label (pdf, item, text_width);
          gboolean scored = item->score >= TP_SCORE_MIN;
          guint32 color = scored ? tp_score_hex (item->score) : TP_REPORT_ACCENT;

          pango_layout_set_ellipsize (value, PANGO_ELLIPSIZE_END);

          set_color (pdf->cr, TP_REPORT_ZEBRA);
          cairo_rectangle (pdf->cr, x, pdf->y, box_width, box_height);
          tp_gfx_fill (pdf->cr);
          set_color (pdf->cr, color);
          cairo_rectangle (pdf->cr, x, pdf->y, 3, box_height);
          tp_gfx_fill (pdf->cr);

          set_color (pdf->cr, scored ? tp_score_text_hex (item->score) : TP_REPORT_TEXT);
          cairo_move_to (pdf->cr, x + FIGURE_PAD_LEFT, pdf->y + 5);
          tp_gfx_show_layout (pdf->cr, value);
          show_layout (pdf, label, FONT_MUTED, x + FIGURE_PAD_LEFT, pdf->y + FIGURE_LABEL_TOP);
          probe_text (pdf, TP_REPORT_PROBE_FIGURE, value, x + FIGURE_PAD_LEFT, pdf->y + 5,
                      x + FIGURE_PAD_LEFT, pdf->y, text_width, box_height);
          probe_text (pdf, TP_REPORT_PROBE_FIGURE, label, x + FIGURE_PAD_LEFT, pdf->y + FIGURE_LABEL_TOP,
                      x + FIGURE_PAD_LEFT, pdf->y, text_width, box_height);
        }
      pdf->y += box_height + FIGURE_GAP;
      pdf->page_empty = FALSE;
    }
  pdf->y += 6;
}
