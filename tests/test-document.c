/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-document.h"
#include "tp-journey-format.h"
#include "tp-test-util.h"

static TpDocument *
load_sample_document (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  return tp_document_new (journey);
}

/* Runs @edit, checks it changed the document and is one undo step, then
 * that undo gives the original bytes and redo the edited ones. */
static void
assert_one_step (TpDocument *document,
                 void      (*edit) (TpDocument *document))
{
  TpHistory *history = tp_document_get_history (document);
  TpJourney *journey = tp_document_get_journey (document);
  guint depth = tp_history_get_undo_depth (history);
  g_autofree char *before = tp_test_write_to_string (journey);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  edit (document);
  after = tp_test_write_to_string (journey);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, depth + 1);
  g_assert_true (tp_journey_validate (journey, NULL));

  g_assert_true (tp_document_undo (document));
  undone = tp_test_write_to_string (journey);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (tp_journey_validate (journey, NULL));

  g_assert_true (tp_document_redo (document));
  redone = tp_test_write_to_string (journey);
  g_assert_cmpstr (redone, ==, after);
}

static void
edit_title (TpDocument *document)
{
  g_assert_true (tp_document_set_string (document, tp_document_get_journey (document), "title", "New title", NULL));
}

static void
edit_score (TpDocument *document)
{
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t19");
  g_assert_true (tp_document_set_int (document, tp, "score", 9, NULL));
}

static void
edit_moment (TpDocument *document)
{
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t2");
  g_assert_true (tp_document_set_boolean (document, tp, "moment-of-truth", TRUE, NULL));
}

static void
edit_channel (TpDocument *document)
{
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t2");
  g_assert_true (tp_document_set_enum (document, tp, "channel", TP_CHANNEL_CHAT, NULL));
}

static void
edit_add_touchpoint (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_TOUCHPOINT);
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, "New", "s1", "l2", TP_CHANNEL_EMAIL);

  g_assert_null (tp_journey_lookup (journey, id));
  g_assert_true (tp_document_add (document, TP_ELEMENT (tp), 0, NULL));
  g_assert_true (tp_journey_lookup (journey, id) == TP_ELEMENT (tp));
}

static void
edit_delete_stage (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  TpStage *stage = tp_journey_lookup_stage (journey, "s4");

  tp_document_delete (document, TP_ELEMENT (stage));
  g_assert_null (tp_journey_lookup (journey, "s4"));
  /* The consult and its blocker went with the stage; its opportunity stays, unlinked. */
  g_assert_null (tp_journey_lookup (journey, "t19"));
  g_assert_null (tp_journey_lookup (journey, "e1"));
  g_assert_nonnull (tp_journey_lookup (journey, "o1"));
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (tp_journey_lookup (journey, "o1"))), ==, "");
}

static void
edit_delete_lane (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);

  tp_document_delete (document, tp_journey_lookup (journey, "l2"));
  g_assert_null (tp_journey_lookup (journey, "l2"));
  g_assert_null (tp_journey_lookup (journey, "t2"));
}

static void
edit_reorder_stage (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  guint position;

  tp_document_reorder (document, tp_journey_lookup (journey, "s1"), 3);
  g_assert_true (tp_journey_get_position (journey, tp_journey_lookup (journey, "s1"), &position));
  g_assert_cmpuint (position, ==, 3);
}

static void
edit_move_touchpoint (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t2");
  g_autoptr(GPtrArray) cell = NULL;

  g_assert_true (tp_document_move_touchpoint (document, tp, "s3", "l2", 1, NULL));
  cell = tp_journey_get_cell_touchpoints (journey, "s3", "l2");
  g_assert_cmpuint (cell->len, >=, 2);
  g_assert_true (g_ptr_array_index (cell, 1) == tp);
}

static void
edit_reorder_in_cell (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t2");
  g_autoptr(GPtrArray) cell = NULL;

  g_assert_true (tp_document_move_touchpoint (document, tp, "s1", "l2", G_MAXUINT, NULL));
  cell = tp_journey_get_cell_touchpoints (journey, "s1", "l2");
  g_assert_true (g_ptr_array_index (cell, cell->len - 1) == tp);
}

static void
edit_attach_note (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  TpEmployeeNote *note = TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e1"));

  g_assert_true (tp_document_attach_note (document, note, NULL, "s2", NULL));
  g_assert_cmpstr (tp_employee_note_get_stage_id (note), ==, "s2");
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "");
}

static void
edit_delete_many (TpDocument *document)
{
  TpJourney *journey = tp_document_get_journey (document);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_object_unref);

  /* A touchpoint and the stage that holds it: deleting both must not trip. */
  g_ptr_array_add (elements, g_object_ref (tp_journey_lookup (journey, "t2")));
  g_ptr_array_add (elements, g_object_ref (tp_journey_lookup (journey, "s1")));
  g_ptr_array_add (elements, g_object_ref (tp_journey_lookup (journey, "o3")));
  tp_document_delete_many (document, elements);
  g_assert_null (tp_journey_lookup (journey, "s1"));
  g_assert_null (tp_journey_lookup (journey, "o3"));
}

static void
test_each_edit_is_one_step (void)
{
  void (*edits[]) (TpDocument *) = {
    edit_title, edit_score, edit_moment, edit_channel, edit_add_touchpoint,
    edit_delete_stage, edit_delete_lane, edit_reorder_stage, edit_move_touchpoint,
    edit_reorder_in_cell, edit_attach_note, edit_delete_many,
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(TpDocument) document = load_sample_document ();
      assert_one_step (document, edits[i]);
    }
}

static void
test_invalid_edits_refused (void)
{
  g_autoptr(TpDocument) document = load_sample_document ();
  TpJourney *journey = tp_document_get_journey (document);
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t2");
  TpHistory *history = tp_document_get_history (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpTouchpoint) duplicate = tp_touchpoint_new ("t2", "Copy", "s1", "l2", TP_CHANNEL_APP);
  g_autoptr(TpTouchpoint) orphan = tp_touchpoint_new ("t999", "Orphan", "s99", "l2", TP_CHANNEL_APP);

  g_assert_false (tp_document_set_int (document, tp, "score", 11, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (tp_document_set_string (document, tp, "stage-id", "s99", &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  g_assert_false (tp_document_set_string (document, tp, "id", "t3", &error));
  g_clear_error (&error);

  g_assert_false (tp_document_add (document, TP_ELEMENT (duplicate), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  g_assert_false (tp_document_add (document, TP_ELEMENT (orphan), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  g_assert_false (tp_document_move_touchpoint (document, tp, "s99", "l2", 0, &error));
  g_clear_error (&error);

  g_assert_cmpint (tp_touchpoint_get_score (tp), ==, 7);
  g_assert_false (tp_history_can_undo (history));
  g_assert_false (tp_document_get_modified (document));
}

static void
test_typing_coalesces (void)
{
  g_autoptr(TpDocument) document = load_sample_document ();
  TpJourney *journey = tp_document_get_journey (document);
  TpHistory *history = tp_document_get_history (document);
  const char *original = "Hospital outpatient visit";

  tp_document_set_string (document, journey, "title", "H", NULL);
  tp_document_set_string (document, journey, "title", "He", NULL);
  tp_document_set_string (document, journey, "title", "Hel", NULL);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 1);

  tp_document_set_string (document, journey, "author", "Me", NULL);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 2);

  tp_document_undo (document);
  tp_document_undo (document);
  g_assert_cmpstr (tp_journey_get_title (journey), ==, original);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_modified_and_saved_marker (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_sample_document ();
  g_autoptr(TpDocument) reloaded = NULL;
  TpJourney *journey = tp_document_get_journey (document);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  guint notifications = 0;

  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (count_notify), &notifications);

  g_assert_false (tp_document_get_modified (document));
  tp_document_set_string (document, journey, "title", "Changed", NULL);
  g_assert_true (tp_document_get_modified (document));
  g_assert_cmpuint (notifications, ==, 1);

  g_assert_true (tp_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tp_document_get_modified (document));
  g_assert_true (tp_document_get_file (document) != NULL);

  tp_document_undo (document);
  g_assert_true (tp_document_get_modified (document));
  tp_document_redo (document);
  g_assert_false (tp_document_get_modified (document));

  /* The file holds exactly what the writer produces. */
  expected = tp_test_write_to_string (journey);
  g_assert_true (g_file_get_contents (path, &actual, NULL, NULL));
  g_assert_cmpstr (actual, ==, expected);

  reloaded = tp_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tp_journey_get_title (tp_document_get_journey (reloaded)), ==, "Changed");

  /* A second save keeps the previous version as a backup. */
  tp_document_set_string (document, journey, "title", "Changed again", NULL);
  g_assert_true (tp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_remove (backup);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_save_detects_outside_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shared.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_sample_document ();
  g_autofree char *content = NULL;

  g_assert_true (tp_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Someone else rewrites the file (mtime granularity: sleep a moment). */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, "changed elsewhere", -1, NULL));

  tp_document_set_string (document, tp_document_get_journey (document), "title", "Mine", NULL);
  g_assert_false (tp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "changed elsewhere");
  g_assert_true (tp_document_get_modified (document));

  g_assert_true (tp_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tp_document_get_modified (document));

  g_remove (backup);
  g_remove (path);
  g_rmdir (dir);
}

/* Someone else changes one letter of @path in place and puts its
 * modification time back, so the etag stays the same. */
static void
change_keeping_size_and_time (const char *path)
{
  g_autofree char *content = NULL;
  struct timespec times[2];
  gsize length, i;
  struct stat st;
  int fd;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents (path, &content, &length, NULL));
  for (i = length / 2; i < length && !g_ascii_islower (content[i]); i++)
    ;
  g_assert_cmpuint (i, <, length);
  content[i] = content[i] == 'z' ? 'a' : content[i] + 1;

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, content + i, 1, i), ==, 1);
  g_assert_cmpint (close (fd), ==, 0);

  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
assert_save_refused (TpDocument *document,
                     const char *path,
                     const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  tp_document_set_string (document, tp_document_get_journey (document), "title",
                          title, NULL);
  g_assert_false (tp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "shared.journey"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (tp_document_get_modified (document));
}

/* The etag is the modification time: the bytes show what it does not. */
static void
test_save_detects_same_time_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shared.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *content = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &content, &length, NULL));
  g_assert_true (g_file_set_contents (path, content, length, NULL));

  /* Changed after loading. */
  document = tp_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  change_keeping_size_and_time (path);
  assert_save_refused (document, path, "Mine");

  /* Changed after saving. */
  g_assert_true (tp_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  change_keeping_size_and_time (path);
  assert_save_refused (document, path, "Mine too");

  /* Unchanged: saved as usual. */
  g_assert_true (tp_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  tp_document_set_string (document, tp_document_get_journey (document), "title",
                          "Mine again", NULL);
  g_assert_true (tp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  g_remove (backup);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_default_journey (void)
{
  g_autoptr(TpDocument) document = tp_document_new (NULL);
  TpJourney *journey = tp_document_get_journey (document);
  g_autofree char *name = tp_document_dup_display_name (document);

  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_stages (journey)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_lanes (journey)), ==, 6);
  g_assert_cmpint (tp_journey_get_good_enough (journey), ==, 7);
  g_assert_cmpint (tp_journey_get_moment_target (journey), ==, 9);
  g_assert_cmpstr (name, ==, "Untitled journey");
  g_assert_null (tp_document_get_file (document));
  g_assert_false (tp_document_get_modified (document));
}

static void
edit_delete_t19 (TpDocument *document)
{
  tp_document_delete (document, TP_ELEMENT (tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t19")));
}

/* Deleting a touchpoint keeps its blockers, enablers and opportunities:
 * they move to its stage, in the same undo step. Deleting its lane still
 * takes the notes along. */
static void
test_delete_touchpoint_keeps_notes (void)
{
  g_autoptr(TpDocument) document = load_sample_document ();
  TpJourney *journey = tp_document_get_journey (document);
  TpTouchpoint *t19 = tp_journey_lookup_touchpoint (journey, "t19");
  g_autofree char *stage_id = g_strdup (tp_touchpoint_get_stage_id (t19));
  g_autofree char *lane_id = g_strdup (tp_touchpoint_get_lane_id (t19));
  g_autoptr(GPtrArray) notes = tp_journey_get_referrers (journey, TP_ELEMENT (t19));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_notes = g_list_model_get_n_items (tp_journey_get_employee_notes (journey));
  TpOpportunity *o1 = TP_OPPORTUNITY (tp_journey_lookup (journey, "o1"));

  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (o1), ==, "t19");
  for (guint i = 0; i < notes->len; i++)
    if (TP_IS_EMPLOYEE_NOTE (g_ptr_array_index (notes, i)))
      g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (notes, i)));
  g_assert_cmpuint (kept->len, >=, 1);

  assert_one_step (document, edit_delete_t19);
  g_assert_null (tp_journey_lookup_touchpoint (journey, "t19"));
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_employee_notes (journey)), ==, n_notes);
  for (guint i = 0; i < kept->len; i++)
    {
      TpEmployeeNote *note = g_ptr_array_index (kept, i);

      g_assert_true (tp_journey_get_position (journey, TP_ELEMENT (note), NULL));
      g_assert_cmpstr (tp_employee_note_get_stage_id (note), ==, stage_id);
      g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note) ? tp_employee_note_get_touchpoint_id (note) : "", ==, "");
    }

  /* Its opportunity (o1) moved to the stage too, attached to nothing else. */
  g_assert_cmpstr (tp_opportunity_get_stage_id (o1), ==, stage_id);
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (o1), ==, "");

  /* Undo puts them back on the touchpoint. */
  g_assert_true (tp_document_undo (document));
  for (guint i = 0; i < kept->len; i++)
    g_assert_cmpstr (tp_employee_note_get_touchpoint_id (g_ptr_array_index (kept, i)), ==, "t19");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (o1), ==, "t19");
  g_assert_cmpstr (tp_opportunity_get_stage_id (o1), ==, "");

  /* A deleted lane takes its touchpoints' notes along. */
  tp_document_delete (document, TP_ELEMENT (tp_journey_lookup_lane (journey, lane_id)));
  for (guint i = 0; i < kept->len; i++)
    g_assert_false (tp_journey_get_position (journey, g_ptr_array_index (kept, i), NULL));
}

/* Texts full of quotes grow sixfold when written: a journey that would
 * exceed what can be opened again is not saved, and the file on disk stays
 * as it was. */
static void
test_save_refuses_unreadable_size (void)
{
  g_autoptr(TpDocument) document = load_sample_document ();
  TpJourney *journey = tp_document_get_journey (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-document-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *quotes = g_strnfill (TP_JOURNEY_MAX_TEXT_LENGTH, '"');
  g_autofree char *saved = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(TpJourney) reloaded = NULL;
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);

  g_assert_no_error (error);
  g_assert_true (tp_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));

  /* Six descriptions of 1 MiB of quotes: 36 MiB once escaped. */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      g_assert_true (tp_document_set_string (document, tp, "description", quotes, NULL));
    }
  g_assert_false (tp_document_save (document, file, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "big.journey"));
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, saved);
  g_clear_error (&error);

  /* Undone, it saves again, and what was saved opens. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (tp_document_undo (document));
  g_assert_true (tp_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  reloaded = tp_journey_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/each-edit-is-one-step", test_each_edit_is_one_step);
  g_test_add_func ("/document/invalid-edits-refused", test_invalid_edits_refused);
  g_test_add_func ("/document/typing-coalesces", test_typing_coalesces);
  g_test_add_func ("/document/modified-and-saved-marker", test_modified_and_saved_marker);
  g_test_add_func ("/document/save-detects-outside-change", test_save_detects_outside_change);
  g_test_add_func ("/document/save-detects-same-time-change",
                   test_save_detects_same_time_change);
  g_test_add_func ("/document/default-journey", test_default_journey);
  g_test_add_func ("/document/save-refuses-unreadable-size", test_save_refuses_unreadable_size);
  g_test_add_func ("/document/delete-touchpoint-keeps-notes", test_delete_touchpoint_keeps_notes);

  return g_test_run ();
}
