/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-department.h"
#include "tp-file-save.h"
#include "tp-layout.h"
#include "tp-pdf.h"
#include "tp-render-backend.h"
#include "tp-slides-private.h"

/* The deck: which slide shows what. A stage's slide is tried with a wider
 * side column and smaller card titles until everything fits; when nothing
 * does, the stage goes on over more slides at the smallest sizes. */

/* 16:9 PDF pages, half the slide's units: 28 units are 14 pt. */
#define PDF_PAGE_WIDTH 960.0
#define PDF_PAGE_HEIGHT 540.0

static const double side_widths[] = { 620, 780, 940 };
static const double title_sizes[] = { 48, 44, 40, 36, 32, TP_SLIDES_MIN_TEXT };

void
tp_slides_options_init (TpSlidesOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->show_employee_layer = TRUE;
}

static void
slide_free (TpSlide *slide)
{
  g_clear_pointer (&slide->cards, g_ptr_array_unref);
  g_clear_pointer (&slide->side, g_ptr_array_unref);
  g_free (slide);
}

static TpSlide *
slide_new (TpSlideKind kind)
{
  TpSlide *slide = g_new0 (TpSlide, 1);

  slide->kind = kind;
  slide->n_parts = 1;
  slide->cards = g_ptr_array_new_with_free_func (g_object_unref);
  slide->side = g_ptr_array_new_with_free_func (g_object_unref);
  slide->title_size = title_sizes[0];
  slide->side_width = side_widths[0];
  return slide;
}

static gboolean
note_shown (TpSlides       *self,
            TpEmployeeNote *note)
{
  g_autofree char *key = NULL;

  if (!self->show_employee_layer)
    return FALSE;
  if (self->hidden_departments == NULL)
    return TRUE;
  key = tp_department_key (tp_employee_note_get_department (note));
  return key == NULL || !g_hash_table_contains (self->hidden_departments, key);
}

/* Blockers first (what to remove), then enablers; each in list order.
 * Notes on the stage and on any of its cards. */
static void
collect_notes (TpSlides   *self,
               TpStage    *stage,
               GPtrArray  *side)
{
  GListModel *notes = tp_journey_get_employee_notes (self->journey);
  const char *stage_id = tp_element_get_id (TP_ELEMENT (stage));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
      {
        g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
        const char *touchpoint_id = tp_employee_note_get_touchpoint_id (note);
        TpTouchpoint *card = *touchpoint_id != '\0'
                             ? tp_journey_lookup_touchpoint (self->journey, touchpoint_id) : NULL;
        gboolean here = card != NULL ? g_str_equal (tp_touchpoint_get_stage_id (card), stage_id)
                                     : g_str_equal (tp_employee_note_get_stage_id (note), stage_id);

        if (here && (int) tp_employee_note_get_kind (note) == (pass == 0 ? TP_NOTE_KIND_BLOCKER
                                                                         : TP_NOTE_KIND_ENABLER)
            && note_shown (self, note))
          g_ptr_array_add (side, g_object_ref (note));
      }
}

/* Splits @items into runs that each fit @height by @measure. */
static GPtrArray *
chunk (TpSlides  *self,
       GPtrArray *items,
       double     height,
       double   (*measure) (TpSlides *, GPtrArray *, double, double),
       double     size,
       double     width)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *current = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      if (current == NULL)
        {
          current = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (chunks, current);
        }
      g_ptr_array_add (current, g_object_ref (g_ptr_array_index (items, i)));
      /* One item always goes: an item taller than a slide is cut there. */
      if (current->len > 1 && measure (self, current, size, width) > height)
        {
          gpointer last = g_object_ref (g_ptr_array_index (current, current->len - 1));

          g_ptr_array_set_size (current, current->len - 1);
          current = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (chunks, current);
          g_ptr_array_add (current, last);
        }
    }
  return chunks;
}

static double
measure_cards (TpSlides  *self,
               GPtrArray *cards,
               double     size,
               double     width)
{
  return tp_slides_measure_cards (self, cards, size, width);
}

static double
measure_side (TpSlides  *self,
              GPtrArray *side,
              double     size,
              double     width)
{
  return tp_slides_measure_side (self, side, width);
}

static void
copy_into (GPtrArray *to,
           GPtrArray *from)
{
  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (to, g_object_ref (g_ptr_array_index (from, i)));
}

static void
add_stage_slides (TpSlides  *self,
                  guint      stage,
                  GPtrArray *cards,
                  GPtrArray *side)
{
  TpSlide *probe = slide_new (TP_SLIDE_STAGE);
  g_autoptr(GPtrArray) card_chunks = NULL;
  g_autoptr(GPtrArray) side_chunks = NULL;
  TpRect cards_area, side_area;
  guint n_parts;

  probe->stage = stage;
  for (guint w = 0; w < G_N_ELEMENTS (side_widths); w++)
    {
      probe->side_width = side_widths[w];
      tp_slides_stage_areas (self, probe, &cards_area, &side_area);
      if (tp_slides_measure_side (self, side, side_area.width) > side_area.height)
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (title_sizes); t++)
        if (tp_slides_measure_cards (self, cards, title_sizes[t], cards_area.width) <= cards_area.height)
          {
            probe->title_size = title_sizes[t];
            copy_into (probe->cards, cards);
            copy_into (probe->side, side);
            g_ptr_array_add (self->slides, probe);
            return;
          }
    }

  /* Over several slides, at the smallest sizes, with the kicker that
   * says so (it may wrap differently). */
  probe->side_width = side_widths[0];
  probe->title_size = TP_SLIDES_MIN_TEXT;
  probe->n_parts = 2;
  tp_slides_stage_areas (self, probe, &cards_area, &side_area);
  card_chunks = chunk (self, cards, cards_area.height, measure_cards, probe->title_size, cards_area.width);
  side_chunks = chunk (self, side, side_area.height, measure_side, 0, side_area.width);
  n_parts = MAX (MAX (card_chunks->len, side_chunks->len), 1);
  for (guint p = 0; p < n_parts; p++)
    {
      TpSlide *slide = slide_new (TP_SLIDE_STAGE);

      slide->stage = stage;
      slide->part = p;
      slide->n_parts = n_parts;
      slide->side_width = probe->side_width;
      slide->title_size = probe->title_size;
      if (p < card_chunks->len)
        copy_into (slide->cards, g_ptr_array_index (card_chunks, p));
      /* Each part's cards as large as they fit there. */
      for (guint t = 0; t < G_N_ELEMENTS (title_sizes); t++)
        if (tp_slides_measure_cards (self, slide->cards, title_sizes[t], cards_area.width) <= cards_area.height)
          {
            slide->title_size = title_sizes[t];
            break;
          }
      if (p < side_chunks->len)
        copy_into (slide->side, g_ptr_array_index (side_chunks, p));
      g_ptr_array_add (self->slides, slide);
    }
  slide_free (probe);
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  int pa = tp_opportunity_get_priority (*(TpOpportunity **) a);
  int pb = tp_opportunity_get_priority (*(TpOpportunity **) b);

  return pb - pa;
}

static void
collect_summary (TpSlides *self)
{
  g_autoptr(GPtrArray) findings = tp_analyze_journey (self->journey);
  g_autoptr(GPtrArray) groups = tp_journey_get_open_opportunities (self->journey);

  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_finding_unref);
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      /* Already worst first. */
      if (tp_finding_get_severity (finding) >= TP_SEVERITY_WARNING)
        g_ptr_array_add (self->findings, tp_finding_ref (finding));
    }

  self->opportunities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint g = 0; g < groups->len; g++)
    {
      TpDepartmentOpportunities *group = g_ptr_array_index (groups, g);

      copy_into (self->opportunities, group->opportunities);
    }
  /* Stable: equal priorities keep the analysis's order (due date first). */
  g_ptr_array_sort (self->opportunities, compare_priority);
}

TpSlides *
tp_slides_new (TpJourney             *journey,
               const TpSlidesOptions *options)
{
  TpSlides *self;
  TpSlidesOptions defaults;
  GListModel *stages;
  g_autoptr(GPtrArray) ordered = NULL;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  if (options == NULL)
    {
      tp_slides_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (TpSlides, 1);
  self->ref_count = 1;
  self->journey = g_object_ref (journey);
  self->show_employee_layer = options->show_employee_layer;
  self->dark = options->dark;
  if (options->hidden_departments != NULL && g_hash_table_size (options->hidden_departments) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      self->hidden_departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, options->hidden_departments);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->hidden_departments, g_strdup (key));
    }

  /* Unhinted metrics: the same line breaks on screen, in the PDF and in
   * the tests, whatever the scale. */
  self->context = tp_pango_context_new_unhinted (NULL);

  stages = tp_journey_get_stages (journey);
  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    g_ptr_array_add (self->stages, g_list_model_get_item (stages, s));
  self->stage_points = g_new0 (guint, MAX (self->stages->len, 1));
  self->points = g_array_new (FALSE, FALSE, sizeof (TpSlidePoint));
  self->stage_labels_numbers = !tp_slides_stage_names_fit (self);

  ordered = tp_journey_get_ordered_touchpoints (journey);
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  g_ptr_array_add (self->slides, slide_new (TP_SLIDE_TITLE));
  for (guint s = 0; s < self->stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (self->stages, s);
      const char *stage_id = tp_element_get_id (TP_ELEMENT (stage));
      g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) side = g_ptr_array_new_with_free_func (g_object_unref);

      /* Touchpoints as cards; actions, then thoughts beside them. */
      for (int pass = 0; pass < 3; pass++)
        for (guint i = 0; i < ordered->len; i++)
          {
            TpTouchpoint *card = g_ptr_array_index (ordered, i);
            TpCardKind kind = tp_touchpoint_get_kind (card);

            if (!g_str_equal (tp_touchpoint_get_stage_id (card), stage_id))
              continue;
            if (pass == 0 && tp_touchpoint_get_score (card) != TP_SCORE_UNSET)
              {
                TpSlidePoint point = { s, self->stage_points[s]++, card };

                g_array_append_val (self->points, point);
              }
            if (pass == 0 && kind == TP_CARD_KIND_TOUCHPOINT)
              g_ptr_array_add (cards, g_object_ref (card));
            else if ((pass == 1 && kind == TP_CARD_KIND_ACTION) || (pass == 2 && kind == TP_CARD_KIND_THOUGHT))
              g_ptr_array_add (side, g_object_ref (card));
          }
      collect_notes (self, stage, side);
      add_stage_slides (self, s, cards, side);
    }
  collect_summary (self);
  g_ptr_array_add (self->slides, slide_new (TP_SLIDE_SUMMARY));
  return self;
}

TpSlides *
tp_slides_ref (TpSlides *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
tp_slides_unref (TpSlides *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_ptr_array_unref (self->slides);
  g_ptr_array_unref (self->stages);
  g_array_unref (self->points);
  g_free (self->stage_points);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->opportunities, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  g_object_unref (self->context);
  g_object_unref (self->journey);
  g_free (self);
}

guint
tp_slides_get_n_slides (TpSlides *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->slides->len;
}

TpSlideKind
tp_slides_get_kind (TpSlides *self,
                    guint     index)
{
  g_return_val_if_fail (self != NULL, TP_SLIDE_TITLE);
  g_return_val_if_fail (index < self->slides->len, TP_SLIDE_TITLE);

  return ((TpSlide *) g_ptr_array_index (self->slides, index))->kind;
}

int
tp_slides_get_stage (TpSlides *self,
                     guint     index)
{
  TpSlide *slide;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->slides->len, -1);

  slide = g_ptr_array_index (self->slides, index);
  return slide->kind == TP_SLIDE_STAGE ? (int) slide->stage : -1;
}

void
tp_slides_draw_slide (TpSlides *self,
                      cairo_t  *cr,
                      guint     index,
                      double    width,
                      double    height,
                      GArray   *items)
{
  TpSlideCanvas canvas = { self, cr, items, FALSE };
  double scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < self->slides->len);

  if (items != NULL)
    g_array_set_size (items, 0);
  scale = MIN (width / TP_SLIDES_WIDTH, height / TP_SLIDES_HEIGHT);
  tp_gfx_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  tp_gfx_clip (cr);
  tp_slides_paint_background (self, cr);
  cairo_translate (cr, (width - TP_SLIDES_WIDTH * scale) / 2, (height - TP_SLIDES_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  tp_slides_paint (&canvas, index);
  tp_gfx_restore (cr);
}

guint
tp_slides_count (TpJourney             *journey,
                 const TpSlidesOptions *options)
{
  g_autoptr(TpSlides) slides = tp_slides_new (journey, options);

  return tp_slides_get_n_slides (slides);
}

void
tp_slides_draw (cairo_t               *cr,
                TpJourney             *journey,
                guint                  index,
                double                 width,
                double                 height,
                const TpSlidesOptions *options)
{
  g_autoptr(TpSlides) slides = tp_slides_new (journey, options);

  tp_slides_draw_slide (slides, cr, index, width, height, NULL);
}

/* ------------------------------------------------------------------- PDF */

static const char *
deck_title (TpSlides *self)
{
  const char *title = tp_journey_get_title (self->journey);

  return *title != '\0' ? title : _("Untitled journey");
}

/* Through Touchpoint's writer; NULL without an error when it cannot
 * write this deck (the caller then uses cairo's). */
static GBytes *
write_with_writer (TpSlides   *self,
                   GDateTime  *creation_date,
                   GError    **error)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  tp_pdf_set_metadata (pdf, TP_PDF_METADATA_TITLE, deck_title (self));
  if (*tp_journey_get_author (self->journey) != '\0')
    tp_pdf_set_metadata (pdf, TP_PDF_METADATA_AUTHOR, tp_journey_get_author (self->journey));
  tp_pdf_set_metadata (pdf, TP_PDF_METADATA_SUBJECT, _("Customer journey presentation"));
  tp_pdf_set_metadata (pdf, TP_PDF_METADATA_CREATOR, "Touchpoint " PACKAGE_VERSION);
  if (creation_date != NULL)
    tp_pdf_set_creation_date (pdf, creation_date);

  for (guint i = 0; i < self->slides->len && !tp_pdf_is_unsupported (pdf); i++)
    {
      cairo_t *cr = tp_render_backend_pdf_begin_page (pdf, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT);

      tp_slides_draw_slide (self, cr, i, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT, NULL);
      /* The page's cairo_t belongs to the writer. */
      tp_pdf_end_page (pdf);
    }

  bytes = tp_pdf_finish (pdf, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (bytes == NULL)
    g_debug ("Slides through cairo's PDF writer: %s", local_error->message);
  return bytes;
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
write_with_cairo (TpSlides   *self,
                  GDateTime  *creation_date,
                  GError    **error)
{
  GByteArray *output = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, output,
                                                                  PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT);
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, deck_title (self));
  if (*tp_journey_get_author (self->journey) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, tp_journey_get_author (self->journey));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Customer journey presentation"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint " PACKAGE_VERSION);
  if (creation_date != NULL)
    {
      g_autofree char *date = g_date_time_format (creation_date, "%Y-%m-%dT%H:%M:%S");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }
  for (guint i = 0; i < self->slides->len; i++)
    {
      tp_slides_draw_slide (self, cr, i, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
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

GBytes *
tp_slides_write_pdf (TpSlides   *self,
                     GDateTime  *creation_date,
                     gboolean    use_cairo_pdf,
                     GError    **error)
{
  GError *local_error = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (self != NULL, NULL);

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
tp_slides_export_to_file (TpSlides      *self,
                          GFile         *file,
                          GDateTime     *creation_date,
                          gboolean       use_cairo_pdf,
                          guint         *n_pages,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tp_slides_write_pdf (self, creation_date, use_cairo_pdf, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!tp_file_replace_atomically (file, data, length, FALSE, NULL, NULL, cancellable, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = self->slides->len;
  return TRUE;
}
