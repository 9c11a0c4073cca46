/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-csv.h"
#include "tp-test-util.h"

/* A strict RFC 4180 reader, independent of the writer: rows of fields.
 * Fails the test on anything the RFC does not allow (bare LF line ends,
 * a quote inside an unquoted field, text after a closing quote). */
static GPtrArray *
parse_csv (const char *data,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;

  g_assert_true (length >= 3 && memcmp (data, TP_CSV_BOM, 3) == 0);
  p += 3;

  while (p < end)
    {
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (p < end);
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r')
            {
              g_assert_cmpint (*p, !=, '"');
              g_assert_cmpint (*p, !=, '\n');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_assert_true (p < end);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_cmpint (*p, ==, '\r');
      g_assert_true (p + 1 < end && p[1] == '\n');
      p += 2;
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
    }

  g_assert_cmpuint (row->len, ==, 0);
  return rows;
}

static const char *tricky_title = "Call \"back\", maybe; ✓ café";
static const char *tricky_description = "Line one, with a comma\nline \"two\"\n\nand a blank line before this";
static const char *tricky_quote = "\"\"";

static TpJourney *
tricky_journey (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  TpJourney *journey = tp_test_load_journey (sample);
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t4");

  g_object_set (tp, "title", tricky_title, "description", tricky_description,
                "quote", tricky_quote, "notes", ",", NULL);
  return journey;
}

static void
test_touchpoints_round_trip (void)
{
  g_autoptr(TpJourney) journey = tricky_journey ();
  g_autoptr(GBytes) bytes = tp_csv_write_touchpoints (journey);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) rows = parse_csv (data, length);
  g_autoptr(GPtrArray) ordered = tp_journey_get_ordered_touchpoints (journey);
  gboolean seen_tricky = FALSE;

  g_assert_true (g_utf8_validate (data, length, NULL));
  g_assert_cmpuint (rows->len, ==, ordered->len + 1);

  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, r)), ==, 17);

  for (guint i = 0; i < ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (ordered, i);
      char **fields = g_ptr_array_index (rows, i + 1);
      g_autofree char *order = g_strdup_printf ("%u", i + 1);
      int score = tp_touchpoint_get_score (tp);
      g_autofree char *score_text = score ? g_strdup_printf ("%d", score) : g_strdup ("");

      g_assert_cmpstr (fields[0], ==, tp_element_get_id (TP_ELEMENT (tp)));
      g_assert_cmpstr (fields[1], ==, tp_stage_get_name (tp_journey_lookup_stage (journey, tp_touchpoint_get_stage_id (tp))));
      g_assert_cmpstr (fields[3], ==, tp_card_kind_get_display_name (tp_touchpoint_get_kind (tp)));
      g_assert_cmpstr (fields[4], ==, order);
      g_assert_cmpstr (fields[5], ==, tp_touchpoint_get_title (tp));
      g_assert_cmpstr (fields[6], ==, tp_touchpoint_get_description (tp));
      /* Actions and thoughts have no channel. */
      if (tp_touchpoint_is_contact (tp))
        g_assert_cmpstr (fields[7], ==, tp_channel_get_display_name (tp_touchpoint_get_channel (tp)));
      else
        g_assert_cmpstr (fields[7], ==, "");
      g_assert_cmpstr (fields[9], ==, score_text);
      g_assert_cmpstr (fields[11], ==, tp_touchpoint_get_department (tp));
      g_assert_cmpstr (fields[12], ==, tp_touchpoint_get_role (tp));
      g_assert_cmpstr (fields[13], ==, tp_touchpoint_get_quote (tp));
      g_assert_cmpstr (fields[14], ==, tp_touchpoint_get_notes (tp));
      if (g_str_equal (fields[0], "t4"))
        {
          g_assert_cmpstr (fields[5], ==, tricky_title);
          g_assert_cmpstr (fields[6], ==, tricky_description);
          g_assert_cmpstr (fields[13], ==, tricky_quote);
          g_assert_cmpstr (fields[15], ==, "Reported by customers");
          g_assert_cmpstr (fields[16], ==, "31");
          seen_tricky = TRUE;
        }
    }
  g_assert_true (seen_tricky);

  /* A thought, with a score but no channel; an action; a touchpoint
   * observed, without respondents. */
  {
    char **thought = g_ptr_array_index (rows, 7);
    char **action = g_ptr_array_index (rows, 8);
    char **lobby = g_ptr_array_index (rows, 10);

    g_assert_cmpstr (thought[0], ==, "t7");
    g_assert_cmpstr (thought[3], ==, "Thought or feeling");
    g_assert_cmpstr (thought[7], ==, "");
    g_assert_cmpstr (thought[8], ==, "");
    g_assert_cmpstr (thought[15], ==, "");
    g_assert_cmpstr (action[0], ==, "t8");
    g_assert_cmpstr (action[3], ==, "Customer action");
    g_assert_cmpstr (action[7], ==, "");
    g_assert_cmpstr (lobby[0], ==, "t10");
    g_assert_cmpstr (lobby[3], ==, "Touchpoint");
    g_assert_cmpstr (lobby[8], ==, "offline");
    g_assert_cmpstr (lobby[15], ==, "Observed");
    g_assert_cmpstr (lobby[16], ==, "");
  }

  /* The raw bytes: a quoted field with doubled quotes and a bare LF kept
   * inside it; rows end in CRLF. */
  g_assert_nonnull (g_strstr_len (data, length, "\"Call \"\"back\"\", maybe; ✓ café\""));
  g_assert_nonnull (g_strstr_len (data, length, ",\"\"\"\"\"\","));
}

static void
test_employee_notes_round_trip (void)
{
  g_autoptr(TpJourney) journey = tricky_journey ();
  TpEmployeeNote *note = TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e3"));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *notes = tp_journey_get_employee_notes (journey);
  gsize length;
  const char *data;

  g_object_set (note, "text", "Fixed slots, \"no\" exceptions\r\nnone at all", NULL);
  /* On the touchpoint with the tricky title, in stage s1. */
  g_object_set (TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e2")), "touchpoint-id", "t4", "stage-id", "", NULL);
  bytes = tp_csv_write_employee_notes (journey);
  data = g_bytes_get_data (bytes, &length);
  rows = parse_csv (data, length);

  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (notes) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) n = g_list_model_get_item (notes, i);
      char **fields = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (g_strv_length (fields), ==, 13);
      g_assert_cmpstr (fields[0], ==, tp_element_get_id (TP_ELEMENT (n)));
      g_assert_cmpstr (fields[1], ==, tp_note_kind_get_display_name (tp_employee_note_get_kind (n)));
      g_assert_cmpstr (fields[5], ==, tp_employee_note_get_department (n));
      g_assert_cmpstr (fields[12], ==, tp_employee_note_get_text (n));
    }
  /* e2 is on the touchpoint with the tricky title, in stage s1. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[2], ==, tricky_title);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[3], ==, "Referral & appointment");
  /* e3 is felt by the specialists and caused by Planning; e1 by the
   * specialists themselves. Blockers have a severity, no strength. */
  {
    char **e1 = g_ptr_array_index (rows, 1);
    char **e3 = g_ptr_array_index (rows, 3);
    char **e4 = g_ptr_array_index (rows, 4);

    g_assert_cmpstr (e3[2], ==, "Three-minute consult with the cardiologist");
    g_assert_cmpstr (e3[3], ==, "Consultation");
    g_assert_cmpstr (e3[5], ==, "Cardiology outpatient clinic");
    g_assert_cmpstr (e3[6], ==, "Planning");
    g_assert_cmpstr (e3[7], ==, "3");
    g_assert_cmpstr (e3[8], ==, "");
    g_assert_cmpstr (e3[10], ==, "Observed");
    g_assert_cmpstr (e3[12], ==, "Fixed slots, \"no\" exceptions\nnone at all");
    g_assert_cmpstr (e1[6], ==, "Cardiology outpatient clinic");
    /* An enabler: a strength and no severity. */
    g_assert_cmpstr (e4[1], ==, "Enabler");
    g_assert_cmpstr (e4[7], ==, "");
    g_assert_cmpstr (e4[8], ==, "3");
  }
}

static void
test_opportunities (void)
{
  g_autoptr(TpJourney) journey = tricky_journey ();
  g_autoptr(GBytes) bytes = tp_csv_write (journey, TP_CSV_OPPORTUNITIES);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) rows = parse_csv (data, length);

  char **o1, **o2, **o3, **o4;

  g_assert_cmpuint (rows->len, ==, 5);
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, r)), ==, 11);
  o1 = g_ptr_array_index (rows, 1);
  o2 = g_ptr_array_index (rows, 2);
  o3 = g_ptr_array_index (rows, 3);
  o4 = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (o1[2], ==, "Head of Cardiology");
  g_assert_cmpstr (o1[3], ==, "Three-minute consult with the cardiologist");
  g_assert_cmpstr (o1[4], ==, "Consultation");
  /* The workflow: department, status, impact, effort, priority, due date. */
  g_assert_cmpstr (o1[5], ==, "Cardiology outpatient clinic");
  g_assert_cmpstr (o1[6], ==, "Planned");
  g_assert_cmpstr (o1[7], ==, "5");
  g_assert_cmpstr (o1[8], ==, "3");
  g_assert_cmpstr (o1[9], ==, "15");
  g_assert_cmpstr (o1[10], ==, "2027-03-31");
  g_assert_cmpstr (o2[6], ==, "Idea");
  g_assert_cmpstr (o2[10], ==, "");
  /* The whole journey: no touchpoint, no stage. */
  g_assert_cmpstr (o3[3], ==, "");
  g_assert_cmpstr (o3[4], ==, "");
  g_assert_cmpstr (o3[9], ==, "20");
  /* On a stage. */
  g_assert_cmpstr (o4[3], ==, "");
  g_assert_cmpstr (o4[4], ==, "Consultation");
}

static void
test_header_translated (void)
{
  g_autoptr(TpJourney) journey = tricky_journey ();
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *english[] = { "ID", "Stage", "Lane", "Kind", "Order", "Title", "Description", "Channel",
                            "Online or offline", "Score", "Moment of truth", "Department",
                            "Role", "Quote", "Notes", "Evidence", "Respondents" };
  char **header;
  gsize length;
  const char *data;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  bytes = tp_csv_write_touchpoints (journey);
  data = g_bytes_get_data (bytes, &length);
  rows = parse_csv (data, length);
  header = g_ptr_array_index (rows, 0);
  /* Every header goes through the catalogue (Dutch once translated). */
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    g_assert_cmpstr (header[i], ==, g_dgettext (GETTEXT_PACKAGE, english[i]));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);
}

/* CSV injection: what a spreadsheet would run stays text; numbers stay numbers. */
static void
test_formula_injection (void)
{
  static const struct {
    const char *value;
    const char *field;
  } cases[] = {
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1+2", "\"'+1+2\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tcmd", "\"'\tcmd\"" },
    { "\rcmd", "\"'\rcmd\"" },
    { "-3", "-3" },
    { "+4", "+4" },
    { "7.5", "7.5" },
    { "-", "\"'-\"" },
    { "a=b", "a=b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      tp_csv_append_field (row, TRUE, cases[i].value);
      g_assert_cmpstr (row->str, ==, cases[i].field);
    }
}

/* A touchpoint titled like a formula comes out as text in the export. */
static void
test_formula_title_exported (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  TpTouchpoint *touchpoint = tp_journey_lookup_touchpoint (journey, "t1");
  g_autoptr(GBytes) bytes = NULL;

  g_autoptr(GBytes) notes = NULL;
  g_autoptr(GBytes) opportunities = NULL;

  g_object_set (touchpoint, "title", "=1+2", NULL);
  bytes = tp_csv_write_touchpoints (journey);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), ",\"'=1+2\","));

  /* The new columns too: caused-by and an opportunity's department. */
  g_object_set (tp_journey_lookup (journey, "e3"), "caused-by", "@cmd", NULL);
  g_object_set (tp_journey_lookup (journey, "o1"), "department", "-2+3", NULL);
  notes = tp_csv_write_employee_notes (journey);
  opportunities = tp_csv_write_opportunities (journey);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (notes, NULL), g_bytes_get_size (notes), ",\"'@cmd\","));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (opportunities, NULL), g_bytes_get_size (opportunities),
                                  ",\"'-2+3\","));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/touchpoints-round-trip", test_touchpoints_round_trip);
  g_test_add_func ("/csv/employee-notes-round-trip", test_employee_notes_round_trip);
  g_test_add_func ("/csv/opportunities", test_opportunities);
  g_test_add_func ("/csv/header-translated", test_header_translated);
  g_test_add_func ("/csv/formula-injection", test_formula_injection);
  g_test_add_func ("/csv/formula-title-exported", test_formula_title_exported);

  return g_test_run ();
}
