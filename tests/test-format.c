/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tp-journey-format.h"
#include "tp-load-error.h"
#include "tp-test-util.h"

static void
test_sample_loads (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  TpTouchpoint *consult;

  g_assert_cmpstr (tp_journey_get_title (journey), ==, "Hospital outpatient visit");
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_stages (journey)), >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (journey)), >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_employee_notes (journey)), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_opportunities (journey)), >=, 1);

  consult = tp_journey_lookup_touchpoint (journey, "t19");
  g_assert_nonnull (consult);
  g_assert_true (tp_touchpoint_get_moment_of_truth (consult));
  g_assert_cmpint (tp_touchpoint_get_score (consult), <, 9);
  g_assert_true (g_str_has_prefix (tp_touchpoint_get_title (consult), "Three-minute consult"));
  g_assert_true (tp_journey_validate (journey, NULL));
}

/* The samples are stored in canonical form: loading and writing them gives their own bytes. */
static void
check_canonical (const char *path)
{
  g_autofree char *original = NULL;
  g_autoptr(TpJourney) journey = NULL;
  g_autofree char *written = NULL;

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  journey = tp_test_load_journey (path);
  written = tp_test_write_to_string (journey);
  g_assert_cmpstr (written, ==, original);
}

static void
test_sample_is_canonical (void)
{
  g_autofree char *path = tp_test_sample_path ();

  check_canonical (path);
}

static void
test_sample_nl_is_canonical (void)
{
  g_autofree char *path = tp_test_sample_nl_path ();

  check_canonical (path);
}

static void
test_save_load_save_identical (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 500, 42);
  g_autofree char *first = tp_test_write_to_string (journey);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) again = tp_journey_format_read (first, strlen (first), "gen.journey", &error);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  second = tp_test_write_to_string (again);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (again)), ==, 500);
}

static void
test_tricky_text_round_trip (void)
{
  const char *tricky = "Quotes \"double\" and 'single', <tags> & ampersands ]]> end\n"
                       "Second line\twith a tab, Dutch: één, geïrriteerd, café; emoji 🚑";
  g_autoptr(TpJourney) journey = tp_journey_new_default ();
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new ("t1", tricky, "s1", "l2", TP_CHANNEL_APP);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(TpJourney) again = NULL;
  g_autoptr(GError) error = NULL;
  TpTouchpoint *read_back;

  g_object_set (tp, "quote", "Line one\r\nline two\rline three\x01\x02 with controls",
                "notes", "  leading and trailing spaces  ", NULL);
  g_object_set (journey, "title", tricky, "persona-name", "Name \"with\" <attr> & \n newline", NULL);
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, NULL));

  /* Control characters and \r never reach the model, so files stay loadable. */
  g_assert_cmpstr (tp_touchpoint_get_quote (tp), ==, "Line one\nline two\nline three with controls");

  first = tp_test_write_to_string (journey);
  again = tp_journey_format_read (first, strlen (first), "tricky.journey", &error);
  g_assert_no_error (error);
  second = tp_test_write_to_string (again);
  g_assert_cmpstr (first, ==, second);

  read_back = tp_journey_lookup_touchpoint (again, "t1");
  g_assert_cmpstr (tp_touchpoint_get_title (read_back), ==, tricky);
  g_assert_cmpstr (tp_touchpoint_get_quote (read_back), ==, tp_touchpoint_get_quote (tp));
  g_assert_cmpstr (tp_touchpoint_get_notes (read_back), ==, "  leading and trailing spaces  ");
  g_assert_cmpstr (tp_journey_get_persona_name (again), ==, "Name \"with\" <attr> & \n newline");
}

static void
test_output_deterministic (void)
{
  g_autoptr(TpJourney) a = tp_test_generate_journey (5, 60, 7);
  g_autoptr(TpJourney) b = tp_test_generate_journey (5, 60, 7);
  g_autofree char *text_a = tp_test_write_to_string (a);
  g_autofree char *text_b = tp_test_write_to_string (b);

  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_true (g_str_has_prefix (text_a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<journey xmlns="));
  g_assert_true (g_str_has_suffix (text_a, "</journey>\n"));
}

/* Each fixture in tests/data/bad/README fails with a message naming its line. */
static void
test_bad_fixtures (void)
{
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "README", NULL);
  g_autofree char *readme = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  lines = g_strsplit (readme, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected_prefix = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TpJourney) journey = NULL;

      if (!strstr (lines[i], ".journey:") || g_ascii_isspace (lines[i][0]))
        continue;

      fields = g_strsplit (lines[i], ":", 3);
      path = g_test_build_filename (G_TEST_DIST, "data", "bad", fields[0], NULL);
      file = g_file_new_for_path (path);
      journey = tp_journey_format_load_file (file, NULL, &error);

      g_test_message ("%s: %s", fields[0], error ? error->message : "(loaded!)");
      g_assert_null (journey);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TP_LOAD_ERROR);

      expected_prefix = g_strdup_printf ("%s:%s:", fields[0], fields[1]);
      g_assert_true (g_str_has_prefix (error->message, expected_prefix));
      /* A column number and a message follow the line number. */
      g_assert_true (g_regex_match_simple ("^[^:]+:[0-9]+:[0-9]+: .+", error->message, 0, 0));

      if (g_str_equal (fields[0], "newer-version.journey"))
        {
          g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_NEWER_VERSION);
          g_assert_nonnull (strstr (error->message, "newer"));
        }
      checked++;
    }

  g_assert_cmpuint (checked, >=, 20);
}

static void
test_external_entity_not_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-test-XXXXXX", &error);
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *journey_path = g_build_filename (dir, "evil.journey", NULL);
  const char *marker = "SECRET-MARKER-7f3a9c";
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpJourney) journey = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (secret_path, marker, -1, NULL));
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE journey [<!ENTITY secret SYSTEM \"file://%s\">]>\n"
                          "<journey xmlns=\"" TP_JOURNEY_NAMESPACE "\" version=\"1\" scope=\"customer-journey\" state=\"as-is\">\n"
                          "  <title>&secret;</title>\n"
                          "  <stages/><lanes/><touchpoints/><employee-notes/><opportunities/>\n"
                          "</journey>\n", secret_path);
  g_assert_true (g_file_set_contents (journey_path, text, -1, NULL));

  file = g_file_new_for_path (journey_path);
  journey = tp_journey_format_load_file (file, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_FORBIDDEN);
  g_assert_null (strstr (error->message, marker));
  g_assert_true (g_str_has_prefix (error->message, "evil.journey:2:"));

  g_remove (secret_path);
  g_remove (journey_path);
  g_rmdir (dir);
}

static void
test_huge_file_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(GString) content = g_string_new ("<?xml version=\"1.0\"?>\n<journey>");

  /* 50 MB of plausible content, not a sparse file: the cap must hold on real data. */
  while (content->len < 50 * 1024 * 1024)
    g_string_append (content, "<title>padding padding padding padding padding</title>\n");
  g_assert_true (g_file_set_contents (path, content->str, content->len, NULL));

  journey = tp_journey_format_load_file (file, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.journey"));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_deep_nesting_refused (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<journey xmlns=\"" TP_JOURNEY_NAMESPACE "\" version=\"1\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "</a>");
  g_string_append (text, "</journey>\n");

  journey = tp_journey_format_read (text->str, text->len, "deep.journey", &error);
  g_assert_null (journey);
  g_assert_nonnull (error);
  g_assert_true (error->domain == TP_LOAD_ERROR);
  g_assert_true (g_regex_match_simple ("^deep\\.journey:[0-9]+:[0-9]+: ", error->message, 0, 0));
}

/* A text over the cap is refused with its place and the limit; one at the
 * cap loads. */
static void
test_text_length_capped (void)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<journey xmlns=\"" TP_JOURNEY_NAMESPACE "\" version=\"1\" scope=\"customer-journey\" state=\"as-is\" good-enough=\"7\" moment-target=\"9\">\n<title>t</title>\n<description>");
      g_autoptr(GError) error = NULL;
      g_autoptr(TpJourney) journey = NULL;

      for (gsize i = 0; i < TP_JOURNEY_MAX_TEXT_LENGTH + extra; i++)
        g_string_append_c (text, 'x');
      g_string_append (text, "</description>\n<stages/><lanes/><touchpoints/><employee-notes/><opportunities/>\n</journey>\n");

      journey = tp_journey_format_read (text->str, text->len, "long.journey", &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (tp_journey_get_description (journey)), ==, TP_JOURNEY_MAX_TEXT_LENGTH);
        }
      else
        {
          g_assert_null (journey);
          g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
          g_assert_true (g_regex_match_simple ("^long\\.journey:4:[0-9]+: .*<description>.*1\\.0.MiB", error->message, 0, 0));
        }
    }
}

/* The writer's limit is the reader's. */
static void
test_check_size (void)
{
  g_autoptr(GBytes) at_limit = g_bytes_new_take (g_malloc0 (TP_JOURNEY_MAX_FILE_SIZE), TP_JOURNEY_MAX_FILE_SIZE);
  g_autoptr(GBytes) over = g_bytes_new_take (g_malloc0 (TP_JOURNEY_MAX_FILE_SIZE + 1), TP_JOURNEY_MAX_FILE_SIZE + 1);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/a.journey");
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_journey_format_check_size (at_limit, file, &error));
  g_assert_no_error (error);
  g_assert_false (tp_journey_format_check_size (over, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "a.journey"));
}

static void
test_structure_errors (void)
{
  const struct {
    const char *body;
    const char *expected;
  } cases[] = {
    /* repeated element */
    { "<title>a</title><title>b</title><stages/><lanes/><touchpoints/><employee-notes/><opportunities/>",
      "x.journey:3:" },
    /* missing list */
    { "<title>a</title><stages/><lanes/><touchpoints/><opportunities/>", "x.journey:3:" },
    /* stray text */
    { "<title>a</title>stray<stages/><lanes/><touchpoints/><employee-notes/><opportunities/>", "x.journey:3:" },
    /* unknown attribute */
    { "<title>a</title><stages><stage id=\"s1\" colour=\"red\"><name>x</name></stage></stages>"
      "<lanes/><touchpoints/><employee-notes/><opportunities/>", "x.journey:3:" },
    /* bad id */
    { "<title>a</title><stages><stage id=\"1 2\"><name>x</name></stage></stages>"
      "<lanes/><touchpoints/><employee-notes/><opportunities/>", "x.journey:3:" },
    /* element inside a text field */
    { "<title>a<b/></title><stages/><lanes/><touchpoints/><employee-notes/><opportunities/>", "x.journey:3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                               "<journey xmlns=\"" TP_JOURNEY_NAMESPACE "\" version=\"1\" scope=\"user-journey\" state=\"to-be\">\n"
                                               "%s\n</journey>\n", cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpJourney) journey = tp_journey_format_read (text, strlen (text), "x.journey", &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(loaded)");
      g_assert_null (journey);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].expected));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/none.journey");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = tp_journey_format_load_file (file, NULL, &error);

  g_assert_null (journey);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/sample-loads", test_sample_loads);
  g_test_add_func ("/format/sample-is-canonical", test_sample_is_canonical);
  g_test_add_func ("/format/sample-nl-is-canonical", test_sample_nl_is_canonical);
  g_test_add_func ("/format/save-load-save-identical", test_save_load_save_identical);
  g_test_add_func ("/format/tricky-text-round-trip", test_tricky_text_round_trip);
  g_test_add_func ("/format/output-deterministic", test_output_deterministic);
  g_test_add_func ("/format/bad-fixtures", test_bad_fixtures);
  g_test_add_func ("/format/external-entity-not-read", test_external_entity_not_read);
  g_test_add_func ("/format/huge-file-refused", test_huge_file_refused);
  g_test_add_func ("/format/deep-nesting-refused", test_deep_nesting_refused);
  g_test_add_func ("/format/structure-errors", test_structure_errors);
  g_test_add_func ("/format/text-length-capped", test_text_length_capped);
  g_test_add_func ("/format/check-size", test_check_size);
  g_test_add_func ("/format/missing-file", test_missing_file);

  return g_test_run ();
}
