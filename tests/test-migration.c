/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Format version 2: version 1 files keep their meaning, the schema and the
 * reader agree on what a journey file is, and the new fields round-trip. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>
#include <unistd.h>

#include "tp-employee-note.h"
#include "tp-export.h"
#include "tp-journey-format.h"
#include "tp-layout-private.h"
#include "tp-layout.h"
#include "tp-load-error.h"
#include "tp-opportunity.h"
#include "tp-test-util.h"
#include "tp-touchpoint.h"

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

static void
ignore_error (void        *data,
              xmlErrorPtr  error)
{
}

/* What the bundled schema says of a file: TRUE when it validates. */
static gboolean
schema_accepts (const char *path)
{
  static xmlRelaxNGPtr schema = NULL;
  xmlRelaxNGValidCtxtPtr context;
  g_autofree char *text = NULL;
  gsize length;
  xmlDocPtr doc;
  int result;

  if (schema == NULL)
    {
      g_autofree char *rng = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                    "touchpoint-journey.rng", NULL);
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (rng);

      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }

  /* From memory: the reader blocks libxml2's own file loading. */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  doc = xmlReadMemory (text, (int) length, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return FALSE;
  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, ignore_error, NULL);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);
  return result == 0;
}

static TpJourney *
try_load (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tp_journey_format_load_file (file, NULL, error);
}

/* Every file the schema accepts loads, except those whose defect the
 * README of the bad fixtures marks as one only the reader can find. */
static void
test_schema_and_reader_agree (void)
{
  g_autofree char *readme_path = fixture_path ("bad", "README");
  g_autofree char *readme = NULL;
  g_auto(GStrv) lines = NULL;
  const char *good_folders[] = { "good", "v1" };
  guint n_bad = 0, n_good = 0;

  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  lines = g_strsplit (readme, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(TpJourney) journey = NULL;
      g_autoptr(GError) error = NULL;
      gboolean schema_should_accept;

      if (!strstr (lines[i], ".journey:") || g_ascii_isspace (lines[i][0]))
        continue;
      fields = g_strsplit (lines[i], ":", 2);
      path = fixture_path ("bad", fields[0]);
      g_assert_true (strstr (lines[i], "[schema: rejects]") || strstr (lines[i], "[schema: accepts]"));
      schema_should_accept = strstr (lines[i], "[schema: accepts]") != NULL;

      g_test_message ("%s", fields[0]);
      g_assert_cmpint (schema_accepts (path), ==, schema_should_accept);
      journey = try_load (path, &error);
      g_assert_null (journey);
      g_assert_error (error, TP_LOAD_ERROR, error->code);
      n_bad++;
    }

  for (guint f = 0; f < G_N_ELEMENTS (good_folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", good_folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(TpJourney) journey = NULL;

          g_test_message ("%s", path);
          g_assert_true (schema_accepts (path));
          journey = try_load (path, &error);
          g_assert_no_error (error);
          g_assert_nonnull (journey);
          n_good++;
        }
    }

  g_assert_cmpuint (n_bad, >=, 27);
  g_assert_cmpuint (n_good, >=, 5);
}

/* White space around an enumeration is refused by both, and a processing
 * instruction or comment inside a text is no part of it for either. */
static void
test_pi_and_spaces (void)
{
  g_autofree char *pi_path = fixture_path ("good", "pi-and-comment-in-text.journey");
  g_autofree char *spaces_path = fixture_path ("bad", "enum-spaces.journey");
  g_autoptr(TpJourney) journey = tp_test_load_journey (pi_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) refused = NULL;

  g_assert_cmpstr (tp_touchpoint_get_title (TP_TOUCHPOINT (tp_journey_lookup (journey, "t1"))), ==, "Website");
  g_assert_true (schema_accepts (pi_path));

  refused = try_load (spaces_path, &error);
  g_assert_null (refused);
  g_assert_false (schema_accepts (spaces_path));
}

/* Cards in a version 1 file take the kind of their lane; an enabler's
 * severity, which meant nothing, is dropped; the rest is as it was. */
static void
test_version_1_kinds (void)
{
  g_autofree char *path = fixture_path ("v1", "hospital.journey");
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  GListModel *cards = tp_journey_get_touchpoints (journey);
  guint n_kind[3] = { 0, };

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (cards, i);
      TpLane *lane = tp_journey_lookup_lane (journey, tp_touchpoint_get_lane_id (tp));

      g_assert_cmpint (tp_touchpoint_get_kind (tp), ==, tp_lane_kind_get_card_kind (tp_lane_get_kind (lane)));
      g_assert_cmpint (tp_touchpoint_get_evidence (tp), ==, TP_EVIDENCE_NONE);
      n_kind[tp_touchpoint_get_kind (tp)]++;
    }
  g_assert_cmpuint (n_kind[TP_CARD_KIND_TOUCHPOINT], ==, 15);
  g_assert_cmpuint (n_kind[TP_CARD_KIND_ACTION], ==, 5);
  g_assert_cmpuint (n_kind[TP_CARD_KIND_THOUGHT], ==, 5);
  /* The action that had a channel keeps it. */
  g_assert_cmpint (tp_touchpoint_get_channel (TP_TOUCHPOINT (tp_journey_lookup (journey, "t8"))),
                   ==, TP_CHANNEL_PHYSICAL_ENVIRONMENT);

  g_assert_cmpint (tp_employee_note_get_strength (TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e4"))), ==, 0);
  g_assert_cmpint (tp_employee_note_get_severity (TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e1"))), ==, 3);
  g_assert_cmpstr (tp_employee_note_get_caused_by (TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e3"))), ==, "");
  g_assert_cmpstr (tp_employee_note_get_causing_department (TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e3"))),
                   ==, "Planning");
}

/* A version 1 file saved is version 2, and reads back to the same bytes:
 * the migration is complete in one save. */
static void
test_version_1_saves_as_2 (void)
{
  const char *names[] = { "hospital.journey", "hospital.nl.journey", "small.journey" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture_path ("v1", names[i]);
      g_autoptr(TpJourney) journey = tp_test_load_journey (path);
      g_autofree char *first = tp_test_write_to_string (journey);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpJourney) again = tp_journey_format_read (first, strlen (first), names[i], &error);
      g_autofree char *second = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (strstr (first, " version=\"2\" "));
      g_assert_null (strstr (first, "kind=\"enabler\" touchpoint=\"t11\" severity"));
      second = tp_test_write_to_string (again);
      g_assert_cmpstr (first, ==, second);
      for (guint k = 0; k < g_list_model_get_n_items (tp_journey_get_touchpoints (journey)); k++)
        {
          g_autoptr(TpTouchpoint) a = g_list_model_get_item (tp_journey_get_touchpoints (journey), k);
          g_autoptr(TpTouchpoint) b = g_list_model_get_item (tp_journey_get_touchpoints (again), k);

          g_assert_cmpint (tp_touchpoint_get_kind (a), ==, tp_touchpoint_get_kind (b));
          g_assert_cmpint (tp_touchpoint_get_channel (a), ==, tp_touchpoint_get_channel (b));
        }
    }
}

/* Every version 2 field is read and written back. */
static void
test_version_2_fields (void)
{
  g_autofree char *path = fixture_path ("good", "v2-everything.journey");
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  TpTouchpoint *t1 = TP_TOUCHPOINT (tp_journey_lookup (journey, "t1"));
  TpTouchpoint *t3 = TP_TOUCHPOINT (tp_journey_lookup (journey, "t3"));
  TpEmployeeNote *e1 = TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e1"));
  TpEmployeeNote *e2 = TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e2"));
  TpOpportunity *o1 = TP_OPPORTUNITY (tp_journey_lookup (journey, "o1"));
  TpOpportunity *o2 = TP_OPPORTUNITY (tp_journey_lookup (journey, "o2"));
  TpOpportunity *o3 = TP_OPPORTUNITY (tp_journey_lookup (journey, "o3"));
  g_autofree char *written = tp_test_write_to_string (journey);
  g_autoptr(TpJourney) again = NULL;
  g_autofree char *rewritten = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tp_touchpoint_get_evidence (t1), ==, TP_EVIDENCE_REPORTED);
  g_assert_cmpint (tp_touchpoint_get_respondents (t1), ==, 120);
  g_assert_true (tp_touchpoint_is_contact (t1));
  g_assert_cmpint (tp_touchpoint_get_kind (t3), ==, TP_CARD_KIND_THOUGHT);
  g_assert_false (tp_touchpoint_is_contact (t3));
  g_assert_cmpint (tp_touchpoint_get_score (t3), ==, 7);
  g_assert_cmpint (tp_touchpoint_get_evidence (t3), ==, TP_EVIDENCE_ASSUMED);

  g_assert_cmpstr (tp_employee_note_get_department (e1), ==, "Sales");
  g_assert_cmpstr (tp_employee_note_get_caused_by (e1), ==, "IT");
  g_assert_cmpstr (tp_employee_note_get_causing_department (e1), ==, "IT");
  g_assert_cmpint (tp_employee_note_get_evidence (e1), ==, TP_EVIDENCE_OBSERVED);
  g_assert_cmpint (tp_employee_note_get_strength (e2), ==, 3);
  g_assert_cmpstr (tp_employee_note_get_stage_id (e2), ==, "s1");

  g_assert_cmpint (tp_opportunity_get_status (o1), ==, TP_OPPORTUNITY_STATUS_DOING);
  g_assert_cmpint (tp_opportunity_get_impact (o1), ==, 4);
  g_assert_cmpint (tp_opportunity_get_effort (o1), ==, 2);
  g_assert_cmpint (tp_opportunity_get_priority (o1), ==, 16);
  g_assert_cmpstr (tp_priority_get_display_name (tp_opportunity_get_priority (o1)), ==, "High");
  g_assert_cmpstr (tp_opportunity_get_due (o1), ==, "2027-02-28");
  g_assert_cmpstr (tp_opportunity_get_department (o1), ==, "Sales");
  g_assert_true (tp_opportunity_is_open (o1));
  g_assert_cmpstr (tp_opportunity_get_stage_id (o2), ==, "s1");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (o2), ==, "");
  g_assert_false (tp_opportunity_is_open (o2));
  g_assert_cmpint (tp_opportunity_get_priority (o2), ==, 0);
  g_assert_cmpstr (tp_opportunity_get_stage_id (o3), ==, "");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (o3), ==, "");

  /* The file is canonical apart from what the writer leaves out. */
  again = tp_journey_format_read (written, strlen (written), "again.journey", &error);
  g_assert_no_error (error);
  rewritten = tp_test_write_to_string (again);
  g_assert_cmpstr (written, ==, rewritten);
  g_assert_nonnull (strstr (written, "<caused-by>IT</caused-by>"));
  g_assert_nonnull (strstr (written, "kind=\"enabler\" stage=\"s1\" strength=\"3\">"));
  g_assert_nonnull (strstr (written, "<touchpoint id=\"t3\" kind=\"thought\" stage=\"s2\" lane=\"l2\" score=\"7\" evidence=\"assumed\">"));
}

/* An invalid due date cannot be set, neither by a file nor by an edit. */
static void
test_due_date_checked (void)
{
  g_autoptr(TpJourney) journey = tp_journey_new_default ();
  g_autoptr(TpOpportunity) opportunity = tp_opportunity_new ("o1", "Idea");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (opportunity), G_MAXUINT, NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "2027-02-29");
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (opportunity), "due", &value, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID);
  g_clear_error (&error);
  g_value_set_string (&value, "2028-02-29");
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (opportunity), "due", &value, &error));
  g_assert_no_error (error);
  g_value_set_string (&value, "");
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (opportunity), "due", &value, NULL));

  g_assert_true (tp_date_is_valid ("2027-12-31"));
  g_assert_false (tp_date_is_valid ("2027-13-01"));
  g_assert_false (tp_date_is_valid ("2027-1-01"));
  g_assert_false (tp_date_is_valid ("0000-01-01"));
  g_assert_false (tp_date_is_valid ("2027-01-01 "));
}

static cairo_surface_t *
render_png (TpJourney *journey)
{
  TpExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  int fd;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PNG;
  bytes = tp_export_to_bytes (journey, &options, NULL, NULL, &error);
  tp_export_options_clear (&options);
  g_assert_no_error (error);

  fd = g_file_open_tmp ("tp-migration-XXXXXX.png", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b)
      || height != cairo_image_surface_get_height (b) || stride != cairo_image_surface_get_stride (b))
    return FALSE;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * height) == 0;
}

/* A version 1 file draws exactly as its version 2 save: the migration
 * changes no drawing by itself. */
static void
test_version_1_draws_as_saved (void)
{
  const char *names[] = { "hospital.journey", "hospital.nl.journey", "small.journey" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture_path ("v1", names[i]);
      g_autoptr(TpJourney) old = tp_test_load_journey (path);
      g_autofree char *saved = tp_test_write_to_string (old);
      g_autoptr(TpJourney) migrated = tp_journey_format_read (saved, strlen (saved), names[i], NULL);
      cairo_surface_t *before, *after;

      g_assert_nonnull (migrated);
      before = render_png (old);
      after = render_png (migrated);
      g_assert_true (same_pixels (before, after));
      cairo_surface_destroy (before);
      cairo_surface_destroy (after);
    }
}

/* The journey's language is kept, checked, and marks the text of every
 * layout, so lines break by that language's rules. */
static void
test_language (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", "hospital.nl.journey", NULL);
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autofree char *written = tp_test_write_to_string (journey);
  g_autoptr(TpLayout) layout = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PangoAttrList *attributes;
  PangoAttrIterator *iter;
  PangoAttrLanguage *language;

  g_assert_cmpstr (tp_journey_get_language (journey), ==, "nl");
  g_assert_nonnull (strstr (written, " moment-target=\"9\" language=\"nl\">"));

  layout = tp_layout_new_for_paper (journey, NULL, NULL);
  attributes = pango_layout_get_attributes (tp_layout_get_label (layout, TP_TEXT_TITLE, 180, "Contactmomenten")->layout);
  g_assert_nonnull (attributes);
  iter = pango_attr_list_get_iterator (attributes);
  language = (PangoAttrLanguage *) pango_attr_iterator_get (iter, PANGO_ATTR_LANGUAGE);
  g_assert_nonnull (language);
  g_assert_cmpstr (pango_language_to_string (language->value), ==, "nl");
  pango_attr_iterator_destroy (iter);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "pt-BR");
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (journey), "language", &value, NULL));
  g_value_set_string (&value, "n l");
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (journey), "language", &value, NULL));
  g_assert_true (tp_language_tag_is_valid (""));
  g_assert_false (tp_language_tag_is_valid ("1nl"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/schema-and-reader-agree", test_schema_and_reader_agree);
  g_test_add_func ("/migration/pi-and-spaces", test_pi_and_spaces);
  g_test_add_func ("/migration/version-1-kinds", test_version_1_kinds);
  g_test_add_func ("/migration/version-1-saves-as-2", test_version_1_saves_as_2);
  g_test_add_func ("/migration/version-2-fields", test_version_2_fields);
  g_test_add_func ("/migration/due-date-checked", test_due_date_checked);
  g_test_add_func ("/migration/language", test_language);
  g_test_add_func ("/migration/version-1-draws-as-saved", test_version_1_draws_as_saved);

  return g_test_run ();
}
