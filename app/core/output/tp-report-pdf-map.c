/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-layout-private.h"
#include "tp-layout.h"
#include "tp-render-backend.h"
#include "tp-renderer.h"
#include "tp-report-pdf-private.h"

/* The layout has fonts of its own. */
#undef fonts

/* The journey map in the report: on landscape pages, at a size that can
 * be read on paper (its smallest text at least MIN_TEXT points). A map
 * too large for one page is cut into a grid of pages by whole stages
 * across and whole lanes down where they fit, each page repeating the
 * lane names on the left and the stage names on top, as a printed atlas
 * repeats its grid. It stays vector, so it can be zoomed as well. */

#define MIN_TEXT 7.0
/* Beyond this many pages the map is no reading matter but a poster: the
 * report shows it whole on one page and says how to print the poster. */
#define MAX_MAP_PAGES 30
#define MAP_MARGIN 36.0

typedef struct {
  double from, to; /* in map coordinates */
  guint  first, last; /* stages or lanes; last inclusive */
} Range;

/* Cuts [@start, @end) into ranges no longer than @room at the boundaries
 * @edges (the start of each stage or lane, then the end of the last);
 * a single part longer than @room is cut where the room ends. */
static GArray *
make_ranges (const double *edges,
             guint         n,
             double        room)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  guint i = 0;
  double from = edges[0];

  while (i < n)
    {
      Range range = { from, from, i, i };
      guint j = i;

      while (j < n && edges[j + 1] - from <= room + 0.01)
        j++;
      if (j == i)
        {
          /* One part taller or wider than the page: in slices. */
          range.to = MIN (from + room, edges[i + 1]);
          range.last = i;
          g_array_append_val (ranges, range);
          from = range.to;
          if (from >= edges[i + 1] - 0.01)
            i++;
          continue;
        }
      range.to = edges[j];
      range.last = j - 1;
      g_array_append_val (ranges, range);
      from = edges[j];
      i = j;
    }
  return ranges;
}

/* Whether @range holds none of the intervals in @taken (pairs of from, to). */
static gboolean
range_is_empty (GArray      *taken,
                const Range *range)
{
  for (guint f = 0; f < taken->len; f += 2)
    if (g_array_index (taken, double, f + 1) > range->from + 0.01
        && g_array_index (taken, double, f) < range->to - 0.01)
      return FALSE;
  return TRUE;
}

/* Rows of the map down the pages: cut between cards or through empty
 * space, never through a card, an emotion curve or a lane's name or
 * legend, as close to the room as can be. */
static GArray *
make_rows (TpLayout     *layout,
           const Range  *stages,
           const double *ys,
           guint         n_lanes,
           double        room)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) forbidden = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double from = ys[0], end = ys[n_lanes];

  for (guint l = 0; l <= n_lanes; l++)
    g_array_append_val (cuts, ys[l]);
  for (guint l = 0; l < n_lanes; l++)
    {
      TpRect plot;
      double header_bottom = ys[l] + tp_layout_get_row_header_height (layout, l) + 2;

      g_array_append_val (forbidden, ys[l]);
      g_array_append_val (forbidden, header_bottom);

      if (tp_layout_get_curve_rect (layout, l, &plot))
        {
          g_array_append_val (forbidden, ys[l]);
          g_array_append_val (forbidden, ys[l + 1]);
          continue;
        }
      for (guint s = stages->first; s <= stages->last; s++)
        for (guint c = 0; c < tp_layout_get_cell_n_cards (layout, s, l); c++)
          {
            TpRect card;
            double top, bottom, below;

            tp_layout_get_cell_card (layout, s, l, c, &card);
            bottom = card.y + card.height;
            below = bottom + TP_LAYOUT_CARD_GAP / 2;
            /* With room for the markers and rings on a card's edges. */
            top = card.y - TP_LAYOUT_CARD_GAP / 2;
            g_array_append_val (forbidden, top);
            g_array_append_val (forbidden, below);
            g_array_append_val (cuts, below);
          }
    }

  while (from < end - 0.01)
    {
      Range range = { from, end, 0, 0 };
      double best = from;

      if (end - from > room)
        {
          /* The fullest page: a cut where the room ends, in empty space. */
          double fullest = from + room;

          g_array_append_val (cuts, fullest);
          for (guint i = 0; i < cuts->len; i++)
            {
              double cut = g_array_index (cuts, double, i);
              gboolean inside = FALSE;

              if (cut <= best || cut > from + room)
                continue;
              for (guint f = 0; f < forbidden->len && !inside; f += 2)
                inside = cut > g_array_index (forbidden, double, f) + 0.01
                         && cut < g_array_index (forbidden, double, f + 1) - 0.01;
              if (!inside)
                best = cut;
            }
          range.to = best > from + 0.01 ? best : from + room;
          g_array_set_size (cuts, cuts->len - 1);
        }
      from = range.to;
      /* Nothing to read (the empty foot of a lane that is tall for other
       * stages): no page of its own. */
      if (ranges->len > 0 && range_is_empty (forbidden, &range))
        continue;
      g_array_append_val (ranges, range);
    }
  return ranges;
}

/* Draws the part @src of the map at page position (@x, @y), scaled. */
static void
render_part (Pdf             *pdf,
             TpLayout        *layout,
             TpRenderOptions *options,
             TpRect           src,
             double           x,
             double           y,
             double           scale)
{
  /* The first pass only counts pages: the map's are known already. */
  if (src.width <= 0 || src.height <= 0 || pdf->n_pages == 0)
    return;
  options->visible = src;
  tp_gfx_save (pdf->cr);
  cairo_translate (pdf->cr, x, y);
  cairo_scale (pdf->cr, scale, scale);
  cairo_translate (pdf->cr, -src.x, -src.y);
  /* The renderer culls what lies outside the clip. */
  cairo_rectangle (pdf->cr, src.x, src.y, src.width, src.height);
  tp_gfx_clip (pdf->cr);
  tp_render_journey (pdf->cr, layout, options);
  tp_gfx_restore (pdf->cr);
}

static void
map_title (Pdf        *pdf,
           const char *text,
           const char *detail)
{
  g_autoptr(PangoLayout) title = make_shared_layout (pdf, FONT_H2, text, pdf->x1 - pdf->x0, PANGO_ALIGN_LEFT);

  set_color (pdf->cr, TP_REPORT_ACCENT);
  cairo_move_to (pdf->cr, pdf->x0, pdf->y - 8);
  tp_gfx_show_layout (pdf->cr, title);
  pdf->y += layout_height (title) - 6;
  if (detail != NULL)
    {
      g_autoptr(PangoLayout) muted = make_shared_layout (pdf, FONT_MUTED, detail, pdf->x1 - pdf->x0,
                                                         PANGO_ALIGN_LEFT);

      show_layout (pdf, muted, FONT_MUTED, pdf->x0, pdf->y);
      pdf->y += layout_height (muted);
    }
  pdf->y += 6;
  pdf->page_empty = FALSE;
}

void
draw_diagram (Pdf                 *pdf,
              const TpReportBlock *heading,
              const TpReportBlock *block)
{
  TpLayout *layout;
  g_autoptr(GArray) across = NULL;
  g_autoptr(GPtrArray) downs = NULL;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  TpRenderOptions options;
  double width, height, scale, smallest = G_MAXDOUBLE;
  double area_width, area_height, header_width, header_height;
  guint n_stages, n_lanes, page_in_map = 0, n_map_pages;

  if (pdf->map_layout == NULL)
    pdf->map_layout = tp_layout_new_for_paper (pdf->report->journey, NULL, NULL);
  layout = pdf->map_layout;

  pdf->section = heading->text;
  pdf->closing_section = TRUE;
  begin_page (pdf, TRUE, TRUE);
  if (pdf->n_pages == 0)
    g_array_append_val (pdf->section_pages, pdf->page);
  pdf->section_index++;
  add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, heading->text, pdf->y);

  tp_layout_get_size (layout, &width, &height);
  n_stages = tp_layout_get_n_stages (layout);
  n_lanes = tp_layout_get_n_lanes (layout);
  if (width <= 0 || height <= 0 || n_stages == 0 || n_lanes == 0)
    {
      map_title (pdf, heading->text, NULL);
      return;
    }
  for (guint i = 0; i < TP_N_TEXT_STYLES; i++)
    smallest = MIN (smallest, pango_font_description_get_size (layout->fonts[i]) / (double) PANGO_SCALE);

  /* Narrower margins than text pages: a map reads at arm's length. */
  pdf->x0 = MAP_MARGIN;
  pdf->x1 = pdf->width - MAP_MARGIN;
  /* Room under a title of two lines. */
  area_width = pdf->x1 - pdf->x0;
  area_height = pdf->y1 - pdf->y - 34;
  header_width = TP_LAYOUT_LANE_HEADER_WIDTH;
  header_height = TP_LAYOUT_STAGE_HEADER_HEIGHT;

  /* The whole map on one page when it is readable there; else as large as
   * needed for the smallest text, never larger than life. */
  scale = MIN (MIN (area_width / width, area_height / height), 1.0);
  if (scale * smallest < MIN_TEXT)
    scale = MIN (MIN_TEXT / smallest, 1.0);

  xs = g_new (double, n_stages + 1);
  for (guint s = 0; s < n_stages; s++)
    {
      TpRect rect;

      tp_layout_get_stage_rect (layout, s, &rect);
      xs[s] = rect.x;
      xs[s + 1] = rect.x + rect.width;
    }
  ys = g_new (double, n_lanes + 1);
  for (guint l = 0; l < n_lanes; l++)
    {
      TpRect rect;

      tp_layout_get_lane_rect (layout, l, &rect);
      ys[l] = rect.y;
      ys[l + 1] = rect.y + rect.height;
    }
  /* Pages across and down; a map that would take more than a reader's
   * share of the report (or clearly would, before cutting it) is a
   * poster instead. */
  n_map_pages = G_MAXUINT;
  if (ceil (width * scale / area_width) * ceil (height * scale / area_height) <= 4 * MAX_MAP_PAGES)
    {
      across = make_ranges (xs, n_stages, area_width / scale - header_width);
      /* Rows per range of stages: only their cards decide where to cut. */
      downs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      n_map_pages = 0;
      for (guint a = 0; a < across->len; a++)
        {
          GArray *down = make_rows (layout, &g_array_index (across, Range, a), ys, n_lanes,
                                    area_height / scale - header_height);

          g_ptr_array_add (downs, down);
          n_map_pages += down->len;
        }
    }
  if (n_map_pages > MAX_MAP_PAGES)
    {
      /* Translators: under the map when it is too large for the report's
       * pages; the menu path is the app's, the option the command line's */
      const char *detail = _("The map is too large to read on these pages. Export it as a poster "
                             "(Export… › Poster, or touchpoint --export map.pdf --poster a0) and "
                             "zoom into this page on screen.");

      scale = MIN (MIN (area_width / width, area_height / height), 1.0);
      map_title (pdf, heading->text, detail);
      tp_render_options_init (&options);
      options.palette = TP_PALETTE_PRINT;
      options.zoom = 1.0;
      render_part (pdf, layout, &options, TP_RECT_INIT (0, 0, width, height),
                   pdf->x0 + (area_width - width * scale) / 2, pdf->y, scale);
      pdf->y += height * scale;
      pdf->page_smallest_text = scale * smallest;
      pdf->page_map_overview = TRUE;
      return;
    }

  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  /* Keep every text, however small: the reader can zoom in. */
  options.zoom = 1.0;

  for (guint a = 0; a < across->len; a++)
    for (guint d = 0; d < ((GArray *) g_ptr_array_index (downs, a))->len; d++)
      {
        Range *stages = &g_array_index (across, Range, a);
        Range *lanes = &g_array_index ((GArray *) g_ptr_array_index (downs, a), Range, d);
        g_autoptr(TpStage) first = g_list_model_get_item (tp_journey_get_stages (pdf->report->journey),
                                                          stages->first);
        g_autoptr(TpStage) last = g_list_model_get_item (tp_journey_get_stages (pdf->report->journey),
                                                         stages->last);
        g_autofree char *title = NULL;
        g_autofree char *detail = NULL;
        double x = pdf->x0, y;

        if (page_in_map++ > 0)
          {
            begin_page (pdf, TRUE, TRUE);
            pdf->x0 = MAP_MARGIN;
            pdf->x1 = pdf->width - MAP_MARGIN;
          }
        if (n_map_pages == 1)
          title = g_strdup (heading->text);
        else
          /* Translators: the map's title on each of its pages, "Journey
           * map (2 of 4)" */
          title = g_strdup_printf (_("%s (%u of %u)"), heading->text, page_in_map, n_map_pages);
        if (n_map_pages > 1 && first != last)
          /* Translators: the stages on one page of the map */
          detail = g_strdup_printf (_("Stages %u to %u: %s to %s"), stages->first + 1, stages->last + 1,
                                    tp_stage_get_name (first), tp_stage_get_name (last));
        else if (n_map_pages > 1)
          /* Translators: the one stage on a page of the map */
          detail = g_strdup_printf (_("Stage %u: %s"), stages->first + 1, tp_stage_get_name (first));
        map_title (pdf, title, detail);
        y = pdf->y;

        /* The lane names and the stage names on every page. */
        render_part (pdf, layout, &options, TP_RECT_INIT (0, 0, header_width, header_height), x, y, scale);
        render_part (pdf, layout, &options, TP_RECT_INIT (stages->from, 0, stages->to - stages->from, header_height),
                     x + header_width * scale, y, scale);
        render_part (pdf, layout, &options, TP_RECT_INIT (0, lanes->from, header_width, lanes->to - lanes->from),
                     x, y + header_height * scale, scale);
        render_part (pdf, layout, &options,
                     TP_RECT_INIT (stages->from, lanes->from, stages->to - stages->from, lanes->to - lanes->from),
                     x + header_width * scale, y + header_height * scale, scale);
        pdf->y = y + (header_height + lanes->to - lanes->from) * scale;
        pdf->page_smallest_text = scale * smallest;
      }
}
