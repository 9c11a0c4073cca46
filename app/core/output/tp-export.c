/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-export-private.h"
#include "tp-export.h"
#include "tp-file-save.h"
#include "tp-layout-private.h"
#include "tp-layout.h"
#include "tp-pdf.h"
#include "tp-poster.h"
#include "tp-release.h"
#include "tp-render-backend.h"
#include "tp-render-glyphs.h"
#include "tp-renderer.h"

G_DEFINE_QUARK (tp-export-error-quark, tp_export_error)


static const struct {
  const char *name;
  TpPaper     paper;
  double      width_mm;   /* portrait */
  double      height_mm;
} papers[] = {
  { "natural", TP_PAPER_NATURAL, 0, 0 },
  { "a4", TP_PAPER_A4, 210, 297 },
  { "a3", TP_PAPER_A3, 297, 420 },
  { "letter", TP_PAPER_LETTER, 215.9, 279.4 },
  { "a2", TP_PAPER_A2, 420, 594 },
  { "a1", TP_PAPER_A1, 594, 841 },
  { "a0", TP_PAPER_A0, 841, 1189 },
};

void
tp_export_options_init (TpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TpExportOptions) {
    .format = TP_EXPORT_FORMAT_PDF,
    .scale = 2,
    .paper = TP_PAPER_NATURAL,
    .orientation = TP_ORIENTATION_LANDSCAPE,
    .margin_mm = 10,
    .tile_paper = TP_PAPER_A4,
    .tile_orientation = TP_ORIENTATION_AUTO,
    .overlap_mm = 10,
    .show_employee_overlay = TRUE,
  };
}

void
tp_export_options_clear (TpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->hidden_lanes, g_strfreev);
  g_clear_pointer (&options->creation_date, g_date_time_unref);
}

GDateTime *
tp_export_date_from_epoch (const char *epoch)
{
  guint64 seconds;

  if (epoch == NULL || !g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return NULL;
  return g_date_time_new_from_unix_utc ((gint64) seconds);
}

void
tp_export_report_clear (TpExportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->warning, g_free);
}

gboolean
tp_export_format_from_filename (const char     *filename,
                                TpExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = TP_EXPORT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = TP_EXPORT_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = TP_EXPORT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
tp_paper_from_string (const char *name,
                      TpPaper    *paper)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = papers[i].paper;
        return TRUE;
      }
  return FALSE;
}

void
tp_paper_get_size_mm (TpPaper        paper,
                      TpOrientation  orientation,
                      double         custom_width_mm,
                      double         custom_height_mm,
                      double        *width_mm,
                      double        *height_mm)
{
  double w = 0, h = 0;

  if (paper == TP_PAPER_CUSTOM)
    {
      *width_mm = custom_width_mm;
      *height_mm = custom_height_mm;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i].paper == paper)
      {
        w = papers[i].width_mm;
        h = papers[i].height_mm;
      }
  if (orientation == TP_ORIENTATION_LANDSCAPE)
    {
      double t = w;

      w = h;
      h = t;
    }
  *width_mm = w;
  *height_mm = h;
}

/* Layers */

static gboolean
lane_matches (TpLane     *lane,
              const char *item)
{
  const char *kind = tp_enum_to_nick (TP_TYPE_LANE_KIND, tp_lane_get_kind (lane));

  return g_strcmp0 (item, kind) == 0
         || g_strcmp0 (item, tp_element_get_id (TP_ELEMENT (lane))) == 0;
}

gboolean
tp_export_options_set_layers (TpExportOptions *options,
                              TpJourney       *journey,
                              const char      *spec,
                              GError         **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GPtrArray) hidden = NULL;
  GListModel *lanes;
  guint n_lanes;
  gboolean only_exclusions = TRUE;
  gboolean *shown;
  gboolean overlay;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (TP_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (!g_str_has_prefix (items[i], "no-"))
        only_exclusions = FALSE;
    }

  lanes = tp_journey_get_lanes (journey);
  n_lanes = g_list_model_get_n_items (lanes);
  shown = g_newa (gboolean, n_lanes + 1);
  for (guint l = 0; l < n_lanes; l++)
    shown[l] = only_exclusions;
  overlay = only_exclusions;

  for (guint i = 0; items[i] != NULL; i++)
    {
      gboolean exclude = g_str_has_prefix (items[i], "no-");
      const char *item = exclude ? items[i] + 3 : items[i];
      gboolean known = FALSE;
      int kind;

      if (g_str_equal (item, "all"))
        {
          for (guint l = 0; l < n_lanes; l++)
            shown[l] = !exclude;
          overlay = !exclude;
          continue;
        }
      if (g_str_equal (item, "employee"))
        {
          overlay = !exclude;
          known = TRUE;
        }
      for (guint l = 0; l < n_lanes; l++)
        {
          g_autoptr(TpLane) lane = g_list_model_get_item (lanes, l);

          if (lane_matches (lane, item))
            {
              shown[l] = !exclude;
              known = TRUE;
            }
        }
      /* A lane kind this journey happens not to have is no mistake. */
      if (!known && !tp_enum_from_nick (TP_TYPE_LANE_KIND, item, &kind))
        {
          g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                       /* Translators: %s is what the user typed */
                       _("Unknown layer “%s”: use all, employee, a lane kind or a lane id, "
                         "optionally with “no-” before it"),
                       items[i]);
          return FALSE;
        }
    }

  hidden = g_ptr_array_new ();
  for (guint l = 0; l < n_lanes; l++)
    if (!shown[l])
      {
        g_autoptr(TpLane) lane = g_list_model_get_item (lanes, l);

        g_ptr_array_add (hidden, g_strdup (tp_element_get_id (TP_ELEMENT (lane))));
      }
  g_ptr_array_add (hidden, NULL);

  g_strfreev (options->hidden_lanes);
  options->hidden_lanes = (char **) g_ptr_array_free (g_steal_pointer (&hidden), FALSE);
  options->show_employee_overlay = overlay;
  return TRUE;
}

/* Preparation: the layout and the title block */

static void
export_clear (Export *ex)
{
  g_clear_object (&ex->block_title);
  g_clear_object (&ex->block_meta);
  for (guint i = 0; i < G_N_ELEMENTS (ex->block_persona); i++)
    g_clear_object (&ex->block_persona[i]);
  g_clear_pointer (&ex->band_first, g_free);
  tp_release (g_steal_pointer (&ex->layout));
  tp_release (g_steal_pointer (&ex->journey));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* Draws the title block and the map, in document units from (0, 0). */
void
tp_export_draw_content (cairo_t *cr,
              double   zoom,
              gpointer user_data)
{
  Export *ex = user_data;
  TpRenderOptions render = ex->render;

  /* Vector pages keep every word (selectable, searchable, zoomable); only
   * bitmaps and the poster overview use the simplified drawing. */
  render.zoom = ex->full_detail ? MAX (zoom, 1.0) : zoom;

  /* Groups, for targets that keep them (SVG). */
  if (ex->block_height > 0)
    {
      tp_gfx_begin_group (cr, "title-block", "title-block");
      tp_export_draw_title_block (cr, ex);
      tp_gfx_end_group (cr);
    }

  tp_gfx_begin_group (cr, "map", "map");
  tp_gfx_save (cr);
  cairo_translate (cr, 0, ex->block_height);
  /* (Drawing into our own recording and painting that was tried: 30 %
   * faster for large PDFs, but cairo 1.16 copies the whole recording when
   * it is destroyed after use as a PDF source, +40 % peak memory.) */
  tp_export_draw_map (cr, ex, &render);
  tp_gfx_restore (cr);
  tp_gfx_end_group (cr);
}

static void
export_prepare (Export                *ex,
                TpJourney             *journey,
                const TpExportOptions *options)
{
  double smallest_pt = G_MAXDOUBLE;

  ex->journey = g_object_ref (journey);
  /* Hidden lanes are the layout's to leave out, as deleting them would. */
  ex->layout = tp_layout_new_for_paper (journey, NULL, (const char * const *) options->hidden_lanes);
  tp_layout_get_size (ex->layout, &ex->map_width, &ex->map_height);
  ex->map_width = MAX (ex->map_width, 1);
  ex->map_height = MAX (ex->map_height, 1);

  tp_render_options_init (&ex->render);
  ex->render.palette = TP_PALETTE_PRINT;
  ex->render.parts = TP_RENDER_ALL;
  ex->render.show_employee_overlay = options->show_employee_overlay;
  ex->full_detail = options->format != TP_EXPORT_FORMAT_PNG;
  ex->transparent = options->transparent && options->format != TP_EXPORT_FORMAT_PDF;
  ex->use_cairo_pdf = options->use_cairo_pdf;
  ex->creation_date = options->creation_date;
  /* The renderer's page background would cover the transparency. */
  ex->render.skip_background = ex->transparent;

  /* The title block is at least as wide as its legend; a narrow map sits
   * at its left. */
  ex->title_block = options->title_block;
  if (options->title_block)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *cr = cairo_create (scratch);

      ex->legend_width = tp_export_draw_legend (cr, ex, TP_EXPORT_BLOCK_PADDING, 0) + TP_EXPORT_BLOCK_PADDING;
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  tp_export_set_bands (ex, 1);

  /* The layout's own styles; the title block uses no smaller text. */
  for (guint i = 0; i < TP_N_TEXT_STYLES; i++)
    smallest_pt = MIN (smallest_pt, pango_font_description_get_size (ex->layout->fonts[i]) / (double) PANGO_SCALE);
  ex->smallest_text = tp_export_font_units (ex, smallest_pt);
}

/* The paper's size in pt in @orientation, or, for AUTO, in the one that
 * prints the content larger; the bands (tp-export-bands.c) are chosen
 * with it, for the room inside @margin. */
static void
fit_paper (Export                *ex,
           const TpExportOptions *options,
           double                 margin,
           double                *width,
           double                *height)
{
  const TpOrientation orientations[] = { TP_ORIENTATION_LANDSCAPE, TP_ORIENTATION_PORTRAIT };
  double best_scale = -1;
  guint best_bands = 1;

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    {
      double w_mm, h_mm, w, h, scale;

      if (options->orientation != TP_ORIENTATION_AUTO && options->orientation != orientations[i])
        continue;
      tp_paper_get_size_mm (options->paper, orientations[i], options->custom_width_mm,
                            options->custom_height_mm, &w_mm, &h_mm);
      w = TP_MM_TO_PT (w_mm);
      h = TP_MM_TO_PT (h_mm);
      scale = tp_export_fit_bands (ex, MAX (w - 2 * margin, 1), MAX (h - 2 * margin, 1));
      if (scale > best_scale)
        {
          best_scale = scale;
          best_bands = tp_export_get_n_bands (ex);
          *width = w;
          *height = h;
        }
    }
  tp_export_set_bands (ex, best_bands);
}

/* Writing cairo output into memory */

cairo_status_t
tp_export_append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
tp_export_check_cairo (cairo_status_t status,
             GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_RENDER,
               /* Translators: %s is cairo's reason */
               _("Could not draw the journey: %s"), cairo_status_to_string (status));
  return FALSE;
}

void
tp_export_report_text_size (Export         *ex,
                  TpExportReport *report,
                  double          scale,
                  double          pt_per_output_unit)
{
  report->scale = scale;
  report->smallest_text_pt = ex->smallest_text * scale * pt_per_output_unit;
  report->smallest_text_mm = TP_PT_TO_MM (report->smallest_text_pt);
  if (report->smallest_text_pt < TP_EXPORT_MIN_READABLE_PT - 0.05 && report->warning == NULL)
    /* Translators: %.1f is a size in points */
    report->warning = g_strdup_printf (_("smallest text %.1f pt: may be hard to read from a distance"),
                                       report->smallest_text_pt);
}

/* A PDF being written: by our own writer, or by cairo's PDF surface when
 * the writer cannot (see tp-pdf.h) or the options ask for it (for
 * comparisons). Every page has the same size. */
typedef struct {
  TpPdf           *pdf;
  cairo_surface_t *surface;
  cairo_t         *cr;
  GByteArray      *buffer;
  double           width;
  double           height;
} PdfOut;

/* @creation_date is for our writer; cairo's dates its files itself, as
 * it always did here. */
static void
pdf_out_init (PdfOut    *out,
              gboolean   use_cairo,
              TpJourney *journey,
              GDateTime *creation_date,
              double     width,
              double     height)
{
  const char *author = tp_journey_get_author (journey);
  const char *subject = tp_scope_get_display_name (tp_journey_get_scope (journey));
  const char *creator = "Touchpoint " PACKAGE_VERSION;

  *out = (PdfOut) { .width = width, .height = height };
  if (author != NULL && author[0] == '\0')
    author = NULL;
  if (use_cairo)
    {
      out->buffer = g_byte_array_new ();
      out->surface = cairo_pdf_surface_create_for_stream (tp_export_append_to_array, out->buffer, width, height);
      cairo_pdf_surface_set_metadata (out->surface, CAIRO_PDF_METADATA_TITLE, tp_journey_get_title (journey));
      if (author != NULL)
        cairo_pdf_surface_set_metadata (out->surface, CAIRO_PDF_METADATA_AUTHOR, author);
      cairo_pdf_surface_set_metadata (out->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
      cairo_pdf_surface_set_metadata (out->surface, CAIRO_PDF_METADATA_CREATOR, creator);
      out->cr = cairo_create (out->surface);
    }
  else
    {
      out->pdf = tp_pdf_new ();
      tp_pdf_set_metadata (out->pdf, TP_PDF_METADATA_TITLE, tp_journey_get_title (journey));
      tp_pdf_set_metadata (out->pdf, TP_PDF_METADATA_AUTHOR, author);
      tp_pdf_set_metadata (out->pdf, TP_PDF_METADATA_SUBJECT, subject);
      tp_pdf_set_metadata (out->pdf, TP_PDF_METADATA_CREATOR, creator);
      tp_pdf_set_creation_date (out->pdf, creation_date);
    }
}

static cairo_t *
pdf_out_begin_page (PdfOut *out)
{
  if (out->pdf != NULL)
    return tp_render_backend_pdf_begin_page (out->pdf, out->width, out->height);
  return out->cr;
}

static void
pdf_out_end_page (PdfOut *out)
{
  if (out->pdf != NULL)
    tp_pdf_end_page (out->pdf);
  else
    cairo_show_page (out->cr);
}

/* The file, or NULL with @error set. */
static GBytes *
pdf_out_finish (PdfOut  *out,
                GError **error)
{
  GBytes *bytes = NULL;

  if (out->pdf != NULL)
    {
      bytes = tp_pdf_finish (out->pdf, error);
      g_clear_pointer (&out->pdf, tp_pdf_free);
      return bytes;
    }

  {
    cairo_status_t status = cairo_status (out->cr);

    cairo_destroy (out->cr);
    cairo_surface_finish (out->surface);
    if (status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_status (out->surface);
    cairo_surface_destroy (out->surface);
    if (tp_export_check_cairo (status, error))
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&out->buffer));
    else
      g_clear_pointer (&out->buffer, g_byte_array_unref);
  }
  return bytes;
}

/* Writes the pages @draw_pages draws, with our writer, or with cairo's
 * when ours cannot (or the options ask for cairo's). */
typedef void (*PdfPagesFunc) (Export   *ex,
                              PdfOut   *out,
                              gpointer  data);

static GBytes *
write_pdf (Export        *ex,
           double         page_width,
           double         page_height,
           PdfPagesFunc   draw_pages,
           gpointer       data,
           GError       **error)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      PdfOut out;
      GBytes *bytes;

      pdf_out_init (&out, attempt > 0 || ex->use_cairo_pdf, ex->journey, ex->creation_date,
                    page_width, page_height);
      draw_pages (ex, &out, data);
      bytes = pdf_out_finish (&out, &local_error);
      if (bytes != NULL)
        return bytes;
      if (!g_error_matches (local_error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("%s; writing with cairo", local_error->message);
    }
  g_assert_not_reached ();
}

typedef struct {
  double width;
  double height;
  double scale;
} OnePage;

static void
draw_one_page (Export   *ex,
               PdfOut   *out,
               gpointer  data)
{
  const OnePage *page = data;
  cairo_t *cr = pdf_out_begin_page (out);

  /* Centred, at one scale for both directions. */
  cairo_translate (cr, (page->width - ex->width * page->scale) / 2, (page->height - ex->height * page->scale) / 2);
  cairo_scale (cr, page->scale, page->scale);
  tp_export_draw_content (cr, page->scale, ex);
  pdf_out_end_page (out);
}

/* One page: the paper size, or the content plus margins; fills @report. */
static gboolean
plan_page (Export                *ex,
           const TpExportOptions *options,
           TpExportReport        *report,
           OnePage               *page,
           GError               **error)
{
  double margin = TP_MM_TO_PT (MAX (options->margin_mm, 0));
  double page_w, page_h, scale;

  if (options->paper == TP_PAPER_NATURAL)
    {
      scale = 1;
      tp_export_set_bands (ex, 1);
      /* Readers (Acrobat first) and cairo refuse pages over 200 inches a
       * side; stay a point below it so that rounding cannot cross it. */
      if (ex->width + 2 * margin > TP_EXPORT_MAX_PDF_PAGE || ex->height + 2 * margin > TP_EXPORT_MAX_PDF_PAGE)
        {
          scale = MIN ((TP_EXPORT_MAX_PDF_PAGE - 1 - 2 * margin) / ex->width,
                       (TP_EXPORT_MAX_PDF_PAGE - 1 - 2 * margin) / ex->height);
          /* Translators: %.0f %% is a percentage like "34 %" */
          report->warning = g_strdup_printf (_("A PDF page can be at most 5.08 m (200 inches) on a side; "
                                               "the map was scaled to %.0f %% to fit"), scale * 100);
        }
      page_w = ex->width * scale + 2 * margin;
      page_h = ex->height * scale + 2 * margin;
    }
  else
    {
      fit_paper (ex, options, margin, &page_w, &page_h);
      if (page_w > TP_EXPORT_MAX_PDF_PAGE + 0.5 || page_h > TP_EXPORT_MAX_PDF_PAGE + 0.5)
        {
          g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                       _("A PDF page can be at most 5080 mm (200 inches) on a side; "
                         "print larger posters on sheets"));
          return FALSE;
        }
      if (page_w - 2 * margin < 10 || page_h - 2 * margin < 10)
        {
          g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                       _("The margins leave no room on the page"));
          return FALSE;
        }
      scale = MIN ((page_w - 2 * margin) / ex->width, (page_h - 2 * margin) / ex->height);
    }

  *page = (OnePage) { page_w, page_h, scale };
  report->n_pages = 1;
  report->rows = report->columns = report->n_sheets = 1;
  report->poster_width_mm = TP_PT_TO_MM (page_w);
  report->poster_height_mm = TP_PT_TO_MM (page_h);
  tp_export_report_text_size (ex, report, scale, 1.0);
  return TRUE;
}

static GBytes *
export_pdf_page (Export                *ex,
                 const TpExportOptions *options,
                 TpExportReport        *report,
                 GError               **error)
{
  OnePage page;

  if (!plan_page (ex, options, report, &page, error))
    return NULL;
  return write_pdf (ex, page.width, page.height, draw_one_page, &page, error);
}

/* The poster for @options on sheets of @sheet_w × @sheet_h pt. */
static gboolean
plan_poster_on (Export                *ex,
                const TpExportOptions *options,
                double                 sheet_w,
                double                 sheet_h,
                double                 margin,
                TpPosterPlan          *plan,
                GError               **error)
{
  double poster_w, poster_h;
  double overlap = TP_MM_TO_PT (MAX (options->overlap_mm, 0));

  if (options->paper == TP_PAPER_NATURAL)
    {
      if (options->sheets_across == 0)
        {
          g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                       _("A tiled poster needs a poster size or a number of sheets across"));
          return FALSE;
        }
      /* As wide as so many sheets, as high as the map needs. */
      poster_w = (sheet_w - 2 * margin - overlap) * options->sheets_across + overlap;
      poster_h = tp_poster_height_for_width (poster_w, ex->width, ex->height, margin);
    }
  else
    {
      fit_paper (ex, options, margin, &poster_w, &poster_h);
    }

  if (!tp_poster_plan_init (plan, poster_w, poster_h, sheet_w, sheet_h, margin, overlap))
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                   _("The margins and the overlap leave no room on the sheets"));
      return FALSE;
    }
  tp_poster_plan_fit (plan, ex->width, ex->height, margin);
  return TRUE;
}

static gboolean
plan_poster (Export                *ex,
             const TpExportOptions *options,
             TpOrientation          sheet_orientation,
             TpPosterPlan          *plan,
             GError               **error)
{
  double sheet_w_mm, sheet_h_mm;

  tp_paper_get_size_mm (options->tile_paper, sheet_orientation, 0, 0, &sheet_w_mm, &sheet_h_mm);
  return plan_poster_on (ex, options, TP_MM_TO_PT (sheet_w_mm), TP_MM_TO_PT (sheet_h_mm),
                         TP_MM_TO_PT (MAX (options->margin_mm, 0)), plan, error);
}

/* The overview page's text: size, sheets, scale, smallest text, how to
 * assemble. Fills the report's poster fields. */
static char *
poster_info (Export                *ex,
             const TpExportOptions *options,
             const TpPosterPlan    *plan,
             TpExportReport        *report)
{
  GString *info = g_string_new (NULL);

  g_autofree char *blank = tp_poster_plan_list_blank (plan);

  report->rows = plan->rows;
  report->columns = plan->columns;
  report->n_sheets = tp_poster_plan_count_printed (plan);
  report->n_pages = 1 + report->n_sheets;
  report->poster_width_mm = TP_PT_TO_MM (plan->poster_width);
  report->poster_height_mm = TP_PT_TO_MM (plan->poster_height);
  tp_export_report_text_size (ex, report, plan->scale, 1.0);

  /* Translators: the poster size in mm and how it is cut into sheets */
  g_string_append_printf (info, _("Poster %.0f × %.0f mm on %u sheets, %u across × %u down; "
                                  "overlap %.0f mm."),
                          report->poster_width_mm, report->poster_height_mm,
                          plan->rows * plan->columns, plan->columns, plan->rows, options->overlap_mm);
  if (blank != NULL)
    /* Translators: the number of sheets printed, and the names of the
     * blank ones left out, like "A5, B5" */
    g_string_append_printf (info, _(" %u sheets are printed; the blank ones (%s) are left out."),
                            report->n_sheets, blank);
  g_string_append_c (info, '\n');
  /* Translators: the scale as a percentage and the smallest text size */
  g_string_append_printf (info, _("Scale %.0f %%; smallest text %.1f pt (%.1f mm)."),
                          plan->scale * 100, report->smallest_text_pt, report->smallest_text_mm);
  if (report->warning != NULL)
    g_string_append_printf (info, "\n⚠ %s", report->warning);
  g_string_append_c (info, '\n');
  {
    guint row = 0, column = 0;
    g_autofree char *first = NULL;

    /* The top left sheet that is printed: A1 may be blank. */
    tp_poster_plan_printed_sheet (plan, 0, &row, &column);
    first = tp_poster_sheet_name (row, column);
    /* Translators: %s is the first sheet's name, like "A1" */
    g_string_append_printf (info, _("Start with %s. Cut each of the other sheets along its left and top "
                                    "cut marks, at the edge of the print, lay it over its neighbours so "
                                    "that the cut edge meets the start of their grey glue strips, and "
                                    "glue it there."), first);
  }
  return g_string_free (info, FALSE);
}

/* The sheets' orientation: as asked, or the one with fewer sheets to print. */
static gboolean
plan_tiled (Export                *ex,
            const TpExportOptions *options,
            TpPosterPlan          *plan,
            GError               **error)
{
  TpPosterPlan other;

  if (options->tile_orientation != TP_ORIENTATION_AUTO)
    return plan_poster (ex, options, options->tile_orientation, plan, error);
  if (!plan_poster (ex, options, TP_ORIENTATION_PORTRAIT, plan, error))
    return FALSE;
  if (plan_poster (ex, options, TP_ORIENTATION_LANDSCAPE, &other, NULL)
      && tp_poster_plan_count_printed (&other) < tp_poster_plan_count_printed (plan))
    *plan = other;
  return TRUE;
}

typedef struct {
  const TpPosterPlan *plan;
  const char         *title;
  const char         *info;
  GCancellable       *cancellable;
} Sheets;

static void
draw_sheets (Export   *ex,
             PdfOut   *out,
             gpointer  data)
{
  const Sheets *sheets = data;
  const TpPosterPlan *plan = sheets->plan;

  ex->full_detail = FALSE;
  tp_poster_draw_overview (pdf_out_begin_page (out), plan, sheets->title, sheets->info, tp_export_draw_content, ex);
  pdf_out_end_page (out);
  ex->full_detail = TRUE;

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        /* Cancelled, or our writer will fall back to cairo's anyway. */
        if (g_cancellable_is_cancelled (sheets->cancellable)
            || (out->pdf != NULL && tp_pdf_is_unsupported (out->pdf)))
          return;
        if (tp_poster_plan_sheet_is_blank (plan, r, c))
          continue;
        tp_poster_draw_sheet (pdf_out_begin_page (out), plan, r, c, sheets->title, tp_export_draw_content, ex);
        pdf_out_end_page (out);
      }
}

/* A poster on sheets: the assembly overview, then every sheet. */
static GBytes *
export_pdf_tiled (Export                *ex,
                  const TpExportOptions *options,
                  TpExportReport        *report,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autofree char *info = NULL;
  TpPosterPlan plan;
  GBytes *bytes = NULL;
  const char *title = tp_journey_get_title (ex->journey);

  if (!plan_tiled (ex, options, &plan, error))
    return NULL;
  info = poster_info (ex, options, &plan, report);

  {
    Sheets sheets = { &plan, title, info, cancellable };

    bytes = write_pdf (ex, plan.sheet_width, plan.sheet_height, draw_sheets, &sheets, error);
    if (bytes == NULL)
      return NULL;
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_bytes_unref (bytes);
      return NULL;
    }
  return bytes;
}

GBytes *
tp_export_to_bytes (TpJourney             *journey,
                    const TpExportOptions *options,
                    TpExportReport        *report,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_auto(Export) ex = { 0 };
  TpExportReport scratch = { 0 };
  GBytes *bytes = NULL;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (report == NULL)
    report = &scratch;
  tp_export_report_clear (report);
  *report = (TpExportReport) { 0 };

  if (options->tile && options->format != TP_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                   _("Only a PDF can hold a poster on several sheets"));
      return NULL;
    }

  export_prepare (&ex, journey, options);
  ex.cancellable = cancellable;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (options->format)
    {
    case TP_EXPORT_FORMAT_PNG:
      bytes = tp_export_write_png (&ex, options, report, error);
      break;
    case TP_EXPORT_FORMAT_SVG:
      bytes = tp_export_write_svg (&ex, options, report, error);
      break;
    case TP_EXPORT_FORMAT_PDF:
      if (options->tile)
        bytes = export_pdf_tiled (&ex, options, report, cancellable, error);
      else
        bytes = export_pdf_page (&ex, options, report, error);
      break;
    default:
      g_assert_not_reached ();
    }

  tp_export_report_clear (&scratch);
  return bytes;
}

gboolean
tp_export_to_stream (TpJourney             *journey,
                     GOutputStream         *stream,
                     const TpExportOptions *options,
                     TpExportReport        *report,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = tp_export_to_bytes (journey, options, report, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return g_output_stream_write_all (stream, data, length, NULL, cancellable, error);
}

gboolean
tp_export_to_file (TpJourney             *journey,
                   GFile                 *file,
                   const TpExportOptions *options,
                   TpExportReport        *report,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tp_export_to_bytes (journey, options, report, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (tp_file_replace_atomically (file, data, length, FALSE, NULL, NULL, cancellable, &local_error))
    return TRUE;

  name = g_file_get_parse_name (file);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 /* Translators: %s is a path */
                 _("Cannot export to “%s”: it is a folder"), name);
  else
    g_set_error (error, local_error->domain, local_error->code,
                 /* Translators: %s is a path, then the reason */
                 _("Cannot export to “%s”: %s"), name, local_error->message);
  return FALSE;
}

/* Painter: the same drawing for printing, previews and the clipboard */

struct _TpExportPainter
{
  Export          ex;
  TpExportOptions options;
};

TpExportPainter *
tp_export_painter_new (TpJourney             *journey,
                       const TpExportOptions *options,
                       GError               **error)
{
  TpExportPainter *self;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_new0 (TpExportPainter, 1);
  self->options = *options;
  self->options.hidden_lanes = g_strdupv (options->hidden_lanes);
  if (options->creation_date != NULL)
    self->options.creation_date = g_date_time_ref (options->creation_date);
  /* Paper is vector: every word drawn (printing, PDF previews). */
  self->options.format = TP_EXPORT_FORMAT_PDF;
  export_prepare (&self->ex, journey, &self->options);
  return self;
}

gboolean
tp_export_painter_estimate (TpExportPainter       *self,
                            const TpExportOptions *options,
                            TpExportReport        *report,
                            GError               **error)
{
  TpPosterPlan plan;
  OnePage page;
  g_autofree char *info = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (options != NULL && report != NULL, FALSE);

  tp_export_report_clear (report);
  *report = (TpExportReport) { 0 };
  if (!options->tile)
    return plan_page (&self->ex, options, report, &page, error);
  if (!plan_tiled (&self->ex, options, &plan, error))
    return FALSE;
  info = poster_info (&self->ex, options, &plan, report);
  return TRUE;
}

void
tp_export_painter_free (TpExportPainter *self)
{
  if (self == NULL)
    return;
  export_clear (&self->ex);
  tp_export_options_clear (&self->options);
  g_free (self);
}

void
tp_export_painter_get_size (TpExportPainter *self,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->ex.width;
  if (height != NULL)
    *height = self->ex.height;
}

void
tp_export_painter_get_map_size (TpExportPainter *self,
                                double          *width,
                                double          *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->ex.map_width;
  if (height != NULL)
    *height = self->ex.map_height;
}

double
tp_export_painter_get_smallest_text (TpExportPainter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ex.smallest_text;
}

void
tp_export_painter_draw (TpExportPainter *self,
                        cairo_t         *cr,
                        double           zoom,
                        gboolean         full_detail)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  self->ex.full_detail = full_detail;
  tp_export_draw_content (cr, zoom, &self->ex);
}

static void
draw_full_detail (cairo_t *cr,
                  double   zoom,
                  gpointer user_data)
{
  tp_export_painter_draw (user_data, cr, zoom, TRUE);
}

static void
draw_overview (cairo_t *cr,
               double   zoom,
               gpointer user_data)
{
  tp_export_painter_draw (user_data, cr, zoom, FALSE);
}

void
tp_export_painter_fit_page (TpExportPainter *self,
                            cairo_t         *cr,
                            double           page_width,
                            double           page_height,
                            double           margin,
                            TpExportReport  *report)
{
  double scale;

  g_return_if_fail (self != NULL);

  scale = MIN ((page_width - 2 * margin) / self->ex.width, (page_height - 2 * margin) / self->ex.height);
  scale = MAX (scale, 0.001);
  if (report != NULL)
    {
      report->n_pages = report->rows = report->columns = 1;
      report->poster_width_mm = TP_PT_TO_MM (page_width);
      report->poster_height_mm = TP_PT_TO_MM (page_height);
      tp_export_report_text_size (&self->ex, report, scale, 1.0);
    }

  tp_gfx_save (cr);
  cairo_translate (cr, (page_width - self->ex.width * scale) / 2, (page_height - self->ex.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  tp_export_painter_draw (self, cr, scale, TRUE);
  tp_gfx_restore (cr);
}

gboolean
tp_export_painter_plan_poster (TpExportPainter *self,
                               double           sheet_width,
                               double           sheet_height,
                               double           margin,
                               TpPosterPlan    *plan,
                               TpExportReport  *report,
                               char           **info,
                               GError         **error)
{
  g_autofree char *text = NULL;
  TpExportReport scratch = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!plan_poster_on (&self->ex, &self->options, sheet_width, sheet_height, margin, plan, error))
    return FALSE;
  text = poster_info (&self->ex, &self->options, plan, report != NULL ? report : &scratch);
  tp_export_report_clear (&scratch);
  if (info != NULL)
    *info = g_steal_pointer (&text);
  return TRUE;
}

void
tp_export_painter_draw_sheet (TpExportPainter    *self,
                              cairo_t            *cr,
                              const TpPosterPlan *plan,
                              int                 index,
                              const char         *info)
{
  const char *title;

  g_return_if_fail (self != NULL);
  g_return_if_fail (plan != NULL);
  g_return_if_fail (index >= -1 && index < (int) tp_poster_plan_count_printed (plan));

  title = tp_journey_get_title (self->ex.journey);
  if (index < 0)
    tp_poster_draw_overview (cr, plan, title, info != NULL ? info : "", draw_overview, self);
  else
    {
      guint row, column;

      if (tp_poster_plan_printed_sheet (plan, (guint) index, &row, &column))
        tp_poster_draw_sheet (cr, plan, row, column, title, draw_full_detail, self);
    }
}
