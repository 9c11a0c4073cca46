/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-command-group.h"
#include "tp-history.h"

/* ---------------------------------------------------------------------- */
/* A toy document and commands that edit it                                */
/* ---------------------------------------------------------------------- */

#define N_FIELDS 3

typedef struct
{
  int        fields[N_FIELDS];
  GString   *text;
  GString   *log;        /* "+x " for every apply, "-x " for every revert */
  guint      n_applied;
  guint      n_reverted;
  TpHistory *reenter;    /* if set, applying a command pushes into it */
} Model;

static void
model_init (Model *model)
{
  memset (model, 0, sizeof *model);
  model->text = g_string_new (NULL);
  model->log = g_string_new (NULL);
}

static void
model_clear (Model *model)
{
  g_string_free (model->text, TRUE);
  g_string_free (model->log, TRUE);
}

static char *
model_describe (Model *model)
{
  return g_strdup_printf ("%s|%d,%d,%d", model->text->str,
                          model->fields[0], model->fields[1], model->fields[2]);
}

/* TestAppend: appends a string to model->text.  It never merges, so it
 * checks the default TpCommand.merge, and its revert asserts that the
 * text ends with what it appended, which catches wrong undo order. */

#define TEST_TYPE_APPEND (test_append_get_type ())
G_DECLARE_FINAL_TYPE (TestAppend, test_append, TEST, APPEND, TpCommand)

struct _TestAppend
{
  TpCommand  parent_instance;
  Model     *model;
  char      *str;
};

G_DEFINE_FINAL_TYPE (TestAppend, test_append, TP_TYPE_COMMAND)

static TpCommand *test_append_new (Model      *model,
                                   const char *str);

static void
test_append_apply (TpCommand *command)
{
  TestAppend *self = TEST_APPEND (command);

  g_string_append (self->model->text, self->str);
  g_string_append_printf (self->model->log, "+%s ", self->str);
  self->model->n_applied++;

  if (self->model->reenter != NULL)
    {
      g_autoptr(TpCommand) nested = test_append_new (self->model, "!");

      g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                             "*assertion*busy*failed*");
      tp_history_push (self->model->reenter, nested);
      g_test_assert_expected_messages ();
    }
}

static void
test_append_revert (TpCommand *command)
{
  TestAppend *self = TEST_APPEND (command);
  GString *text = self->model->text;
  gsize len = strlen (self->str);

  g_assert_cmpuint (text->len, >=, len);
  g_assert_cmpstr (text->str + text->len - len, ==, self->str);
  g_string_truncate (text, text->len - len);
  g_string_append_printf (self->model->log, "-%s ", self->str);
  self->model->n_reverted++;
}

static void
test_append_finalize (GObject *object)
{
  TestAppend *self = TEST_APPEND (object);

  g_free (self->str);

  G_OBJECT_CLASS (test_append_parent_class)->finalize (object);
}

static void
test_append_class_init (TestAppendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_append_finalize;
  TP_COMMAND_CLASS (klass)->apply = test_append_apply;
  TP_COMMAND_CLASS (klass)->revert = test_append_revert;
}

static void
test_append_init (TestAppend *self)
{
}

static TpCommand *
test_append_new (Model      *model,
                 const char *str)
{
  TestAppend *self = g_object_new (TEST_TYPE_APPEND, "label", "Type", NULL);

  self->model = model;
  self->str = g_strdup (str);

  return TP_COMMAND (self);
}

/* TestSet: sets model->fields[field], remembering the old value when
 * created.  Consecutive sets of the same field merge.  apply and revert
 * assert the field holds the value they expect to replace. */

#define TEST_TYPE_SET (test_set_get_type ())
G_DECLARE_FINAL_TYPE (TestSet, test_set, TEST, SET, TpCommand)

struct _TestSet
{
  TpCommand  parent_instance;
  Model     *model;
  guint      field;
  int        old_value;
  int        new_value;
};

G_DEFINE_FINAL_TYPE (TestSet, test_set, TP_TYPE_COMMAND)

static void
test_set_apply (TpCommand *command)
{
  TestSet *self = TEST_SET (command);

  g_assert_cmpint (self->model->fields[self->field], ==, self->old_value);
  self->model->fields[self->field] = self->new_value;
  g_string_append_printf (self->model->log, "+f%u ", self->field);
  self->model->n_applied++;
}

static void
test_set_revert (TpCommand *command)
{
  TestSet *self = TEST_SET (command);

  g_assert_cmpint (self->model->fields[self->field], ==, self->new_value);
  self->model->fields[self->field] = self->old_value;
  g_string_append_printf (self->model->log, "-f%u ", self->field);
  self->model->n_reverted++;
}

static gboolean
test_set_merge (TpCommand *command,
                TpCommand *next_command)
{
  TestSet *self = TEST_SET (command);
  TestSet *next;

  if (!TEST_IS_SET (next_command))
    return FALSE;

  next = TEST_SET (next_command);
  if (next->model != self->model || next->field != self->field)
    return FALSE;

  g_assert_cmpint (next->old_value, ==, self->new_value);
  self->new_value = next->new_value;

  return TRUE;
}

static void
test_set_class_init (TestSetClass *klass)
{
  TP_COMMAND_CLASS (klass)->apply = test_set_apply;
  TP_COMMAND_CLASS (klass)->revert = test_set_revert;
  TP_COMMAND_CLASS (klass)->merge = test_set_merge;
}

static void
test_set_init (TestSet *self)
{
}

/* Old value is read now, so create the command just before pushing it. */
static TpCommand *
test_set_new (Model *model,
              guint  field,
              int    value)
{
  TestSet *self = g_object_new (TEST_TYPE_SET, "label", "Set Field", NULL);

  g_assert_cmpuint (field, <, N_FIELDS);

  self->model = model;
  self->field = field;
  self->old_value = model->fields[field];
  self->new_value = value;

  return TP_COMMAND (self);
}

static void
push_append (TpHistory  *history,
             Model      *model,
             const char *str)
{
  g_autoptr(TpCommand) command = test_append_new (model, str);

  tp_history_push (history, command);
}

static void
push_set (TpHistory *history,
          Model     *model,
          guint      field,
          int        value)
{
  g_autoptr(TpCommand) command = test_set_new (model, field, value);

  tp_history_push (history, command);
}

/* ---------------------------------------------------------------------- */
/* Table-driven scenarios                                                  */
/* ---------------------------------------------------------------------- */

typedef enum {
  APPEND,
  SET,
  UNDO,
  REDO,
  BEGIN,
  END,
  CANCEL,
  BREAK,
  SAVE,
  CLEAR,
} OpKind;

typedef struct
{
  OpKind      kind;
  const char *str;      /* APPEND: the text; BEGIN: the label */
  guint       field;    /* SET */
  int         value;    /* SET */
  gboolean    ret;      /* UNDO, REDO: expected return value */
  /* The state afterwards: "text|f0,f1,f2|undo-depth:redo-depth|flags"
   * where flags has M when modified and G when a group is open. */
  const char *expect;
} Op;

#define DO_APPEND(s, e)  { APPEND, s, 0, 0, FALSE, e }
#define DO_SET(f, v, e)  { SET, NULL, f, v, FALSE, e }
#define DO_UNDO(r, e)    { UNDO, NULL, 0, 0, r, e }
#define DO_REDO(r, e)    { REDO, NULL, 0, 0, r, e }
#define DO_BEGIN(l, e)   { BEGIN, l, 0, 0, FALSE, e }
#define DO_END(e)        { END, NULL, 0, 0, FALSE, e }
#define DO_CANCEL(e)     { CANCEL, NULL, 0, 0, FALSE, e }
#define DO_BREAK(e)      { BREAK, NULL, 0, 0, FALSE, e }
#define DO_SAVE(e)       { SAVE, NULL, 0, 0, FALSE, e }
#define DO_CLEAR(e)      { CLEAR, NULL, 0, 0, FALSE, e }

static char *
describe (Model     *model,
          TpHistory *history)
{
  g_autofree char *doc = model_describe (model);

  return g_strdup_printf ("%s|%u:%u|%s%s", doc,
                          tp_history_get_undo_depth (history),
                          tp_history_get_redo_depth (history),
                          tp_history_is_modified (history) ? "M" : "",
                          tp_history_in_group (history) ? "G" : "");
}

static void
run_ops (const Op *ops,
         gsize     n_ops)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  Model model;

  model_init (&model);

  for (gsize i = 0; i < n_ops; i++)
    {
      const Op *op = &ops[i];
      g_autofree char *state = NULL;

      switch (op->kind)
        {
        case APPEND:
          push_append (history, &model, op->str);
          break;
        case SET:
          push_set (history, &model, op->field, op->value);
          break;
        case UNDO:
          g_assert_cmpint (tp_history_undo (history), ==, op->ret);
          break;
        case REDO:
          g_assert_cmpint (tp_history_redo (history), ==, op->ret);
          break;
        case BEGIN:
          tp_history_begin_group (history, op->str);
          break;
        case END:
          tp_history_end_group (history);
          break;
        case CANCEL:
          tp_history_cancel_group (history);
          break;
        case BREAK:
          tp_history_break_coalescing (history);
          break;
        case SAVE:
          tp_history_mark_saved (history);
          break;
        case CLEAR:
          tp_history_clear (history);
          break;
        default:
          g_assert_not_reached ();
        }

      state = describe (&model, history);
      if (g_strcmp0 (state, op->expect) != 0)
        g_error ("step %" G_GSIZE_FORMAT ": expected \"%s\", got \"%s\"",
                 i, op->expect, state);

      g_assert_cmpint (tp_history_can_undo (history), ==,
                       tp_history_get_undo_depth (history) > 0);
      g_assert_cmpint (tp_history_can_redo (history), ==,
                       tp_history_get_redo_depth (history) > 0);
    }

  g_clear_object (&history);
  model_clear (&model);
}

static void
test_ops_basic (void)
{
  const Op ops[] = {
    DO_UNDO (FALSE,    "|0,0,0|0:0|"),
    DO_REDO (FALSE,    "|0,0,0|0:0|"),
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_APPEND ("b",    "ab|0,0,0|2:0|M"),
    DO_APPEND ("c",    "abc|0,0,0|3:0|M"),
    DO_UNDO (TRUE,     "ab|0,0,0|2:1|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_REDO (TRUE,     "ab|0,0,0|2:1|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:3|"),
    DO_UNDO (FALSE,    "|0,0,0|0:3|"),
    DO_REDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_REDO (TRUE,     "ab|0,0,0|2:1|M"),
    DO_REDO (TRUE,     "abc|0,0,0|3:0|M"),
    DO_REDO (FALSE,    "abc|0,0,0|3:0|M"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_redo_dropped (void)
{
  const Op ops[] = {
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_APPEND ("b",    "ab|0,0,0|2:0|M"),
    DO_APPEND ("c",    "abc|0,0,0|3:0|M"),
    DO_UNDO (TRUE,     "ab|0,0,0|2:1|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_APPEND ("x",    "ax|0,0,0|2:0|M"),
    DO_REDO (FALSE,    "ax|0,0,0|2:0|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_SET (0, 7,      "a|7,0,0|2:0|M"),
    DO_REDO (FALSE,    "a|7,0,0|2:0|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_coalescing (void)
{
  const Op ops[] = {
    /* Repeated edits of one field become one step. */
    DO_SET (0, 1,      "|1,0,0|1:0|M"),
    DO_SET (0, 2,      "|2,0,0|1:0|M"),
    DO_SET (0, 3,      "|3,0,0|1:0|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:1|"),
    DO_REDO (TRUE,     "|3,0,0|1:0|M"),
    /* Redo broke coalescing. */
    DO_SET (0, 4,      "|4,0,0|2:0|M"),
    DO_SET (0, 5,      "|5,0,0|2:0|M"),
    /* Other fields don't merge, and a merge is only with the top. */
    DO_SET (1, 1,      "|5,1,0|3:0|M"),
    DO_SET (0, 6,      "|6,1,0|4:0|M"),
    DO_SET (0, 7,      "|7,1,0|4:0|M"),
    /* Commands that don't merge at all. */
    DO_APPEND ("a",    "a|7,1,0|5:0|M"),
    DO_SET (0, 8,      "a|8,1,0|6:0|M"),
    /* Explicit break. */
    DO_BREAK (         "a|8,1,0|6:0|M"),
    DO_SET (0, 9,      "a|9,1,0|7:0|M"),
    DO_SET (0, 10,     "a|10,1,0|7:0|M"),
    DO_UNDO (TRUE,     "a|8,1,0|6:1|M"),
    /* Undo broke coalescing: a new step, not merged into f0=8. */
    DO_SET (0, 11,     "a|11,1,0|7:0|M"),
    DO_UNDO (TRUE,     "a|8,1,0|6:1|M"),
    DO_UNDO (TRUE,     "a|7,1,0|5:2|M"),
    DO_UNDO (TRUE,     "|7,1,0|4:3|M"),
    DO_UNDO (TRUE,     "|5,1,0|3:4|M"),
    DO_UNDO (TRUE,     "|5,0,0|2:5|M"),
    DO_UNDO (TRUE,     "|3,0,0|1:6|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:7|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_saved (void)
{
  const Op ops[] = {
    DO_SAVE (          "|0,0,0|0:0|"),
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:1|"),
    DO_REDO (TRUE,     "a|0,0,0|1:0|M"),
    DO_APPEND ("b",    "ab|0,0,0|2:0|M"),
    DO_SAVE (          "ab|0,0,0|2:0|"),
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|M"),
    DO_REDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_REDO (TRUE,     "ab|0,0,0|2:0|"),
    DO_APPEND ("c",    "abc|0,0,0|3:0|M"),
    DO_UNDO (TRUE,     "ab|0,0,0|2:1|"),
    /* Pushing here keeps the saved point: it is on the undo stack. */
    DO_APPEND ("d",    "abd|0,0,0|3:0|M"),
    DO_UNDO (TRUE,     "ab|0,0,0|2:1|"),
    /* Saving again moves the marker. */
    DO_UNDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_SAVE (          "a|0,0,0|1:2|"),
    DO_REDO (TRUE,     "ab|0,0,0|2:1|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:2|"),
    DO_UNDO (TRUE,     "|0,0,0|0:3|M"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_saved_dropped (void)
{
  const Op ops[] = {
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_APPEND ("b",    "ab|0,0,0|2:0|M"),
    DO_SAVE (          "ab|0,0,0|2:0|"),
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|M"),
    /* The saved state was only reachable through redo. */
    DO_APPEND ("x",    "x|0,0,0|1:0|M"),
    /* Same depth as the saved point, but not the saved state. */
    DO_APPEND ("y",    "xy|0,0,0|2:0|M"),
    DO_UNDO (TRUE,     "x|0,0,0|1:1|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|M"),
    DO_REDO (TRUE,     "x|0,0,0|1:1|M"),
    DO_REDO (TRUE,     "xy|0,0,0|2:0|M"),
    /* Until the next save. */
    DO_SAVE (          "xy|0,0,0|2:0|"),
    DO_UNDO (TRUE,     "x|0,0,0|1:1|M"),
    DO_REDO (TRUE,     "xy|0,0,0|2:0|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_saved_coalescing (void)
{
  const Op ops[] = {
    DO_SET (0, 1,      "|1,0,0|1:0|M"),
    DO_SET (0, 2,      "|2,0,0|1:0|M"),
    DO_SAVE (          "|2,0,0|1:0|"),
    /* Must not merge into the saved step... */
    DO_SET (0, 3,      "|3,0,0|2:0|M"),
    /* ...but may merge above it. */
    DO_SET (0, 4,      "|4,0,0|2:0|M"),
    DO_UNDO (TRUE,     "|2,0,0|1:1|"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|M"),
    DO_REDO (TRUE,     "|2,0,0|1:1|"),
    /* Back at the saved point after redo: again no merge. */
    DO_SET (0, 5,      "|5,0,0|2:0|M"),
    DO_UNDO (TRUE,     "|2,0,0|1:1|"),
    /* Saving on an empty history. */
    DO_CLEAR (         "|2,0,0|0:0|"),
    DO_SET (1, 1,      "|2,1,0|1:0|M"),
    DO_SAVE (          "|2,1,0|1:0|"),
    DO_BREAK (         "|2,1,0|1:0|"),
    DO_SET (1, 2,      "|2,2,0|2:0|M"),
    DO_UNDO (TRUE,     "|2,1,0|1:1|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_groups (void)
{
  const Op ops[] = {
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_BEGIN ("Outer", "a|0,0,0|1:0|MG"),
    DO_APPEND ("b",    "ab|0,0,0|1:0|MG"),
    DO_SET (0, 1,      "ab|1,0,0|1:0|MG"),
    DO_BEGIN ("Inner", "ab|1,0,0|1:0|MG"),
    DO_APPEND ("c",    "abc|1,0,0|1:0|MG"),
    DO_SET (1, 1,      "abc|1,1,0|1:0|MG"),
    DO_END (           "abc|1,1,0|1:0|MG"),
    DO_APPEND ("d",    "abcd|1,1,0|1:0|MG"),
    DO_END (           "abcd|1,1,0|2:0|M"),
    /* One undo reverts the whole group. */
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_REDO (TRUE,     "abcd|1,1,0|2:0|M"),
    /* An empty group leaves no step, nested or not. */
    DO_BEGIN ("Empty", "abcd|1,1,0|2:0|MG"),
    DO_BEGIN (NULL,    "abcd|1,1,0|2:0|MG"),
    DO_END (           "abcd|1,1,0|2:0|MG"),
    DO_END (           "abcd|1,1,0|2:0|M"),
    /* Nor does it drop the redo stack. */
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_BEGIN ("Empty", "a|0,0,0|1:1|MG"),
    DO_END (           "a|0,0,0|1:1|M"),
    DO_REDO (TRUE,     "abcd|1,1,0|2:0|M"),
    /* A group does not merge with the edits around it. */
    DO_SET (0, 2,      "abcd|2,1,0|3:0|M"),
    DO_BEGIN ("Set",   "abcd|2,1,0|3:0|MG"),
    DO_SET (0, 3,      "abcd|3,1,0|3:0|MG"),
    DO_SET (0, 4,      "abcd|4,1,0|3:0|MG"),
    DO_END (           "abcd|4,1,0|4:0|M"),
    DO_SET (0, 5,      "abcd|5,1,0|5:0|M"),
    DO_UNDO (TRUE,     "abcd|4,1,0|4:1|M"),
    DO_UNDO (TRUE,     "abcd|2,1,0|3:2|M"),
    DO_UNDO (TRUE,     "abcd|1,1,0|2:3|M"),
    /* A non-empty group drops the redo stack when it ends. */
    DO_BEGIN ("New",   "abcd|1,1,0|2:3|MG"),
    DO_APPEND ("e",    "abcde|1,1,0|2:3|MG"),
    DO_END (           "abcde|1,1,0|3:0|M"),
    DO_UNDO (TRUE,     "abcd|1,1,0|2:1|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:2|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:3|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_cancel (void)
{
  const Op ops[] = {
    DO_SET (0, 1,      "|1,0,0|1:0|M"),
    DO_APPEND ("a",    "a|1,0,0|2:0|M"),
    DO_UNDO (TRUE,     "|1,0,0|1:1|M"),
    DO_BEGIN ("Drag",  "|1,0,0|1:1|MG"),
    DO_SET (0, 5,      "|5,0,0|1:1|MG"),
    DO_APPEND ("xy",   "xy|5,0,0|1:1|MG"),
    DO_SET (1, 3,      "xy|5,3,0|1:1|MG"),
    DO_SET (0, 6,      "xy|6,3,0|1:1|MG"),
    DO_CANCEL (        "|1,0,0|1:1|M"),
    /* The document is back where it was, so redo still works. */
    DO_REDO (TRUE,     "a|1,0,0|2:0|M"),
    /* Cancelling a nested group cancels the outermost one. */
    DO_BEGIN ("Outer", "a|1,0,0|2:0|MG"),
    DO_APPEND ("b",    "ab|1,0,0|2:0|MG"),
    DO_BEGIN ("Inner", "ab|1,0,0|2:0|MG"),
    DO_APPEND ("c",    "abc|1,0,0|2:0|MG"),
    DO_CANCEL (        "a|1,0,0|2:0|M"),
    /* Cancelling an empty group. */
    DO_BEGIN ("Empty", "a|1,0,0|2:0|MG"),
    DO_CANCEL (        "a|1,0,0|2:0|M"),
    DO_UNDO (TRUE,     "|1,0,0|1:1|M"),
    DO_UNDO (TRUE,     "|0,0,0|0:2|"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

static void
test_ops_clear (void)
{
  const Op ops[] = {
    DO_APPEND ("a",    "a|0,0,0|1:0|M"),
    DO_APPEND ("b",    "ab|0,0,0|2:0|M"),
    DO_UNDO (TRUE,     "a|0,0,0|1:1|M"),
    DO_CLEAR (         "a|0,0,0|0:0|"),
    DO_UNDO (FALSE,    "a|0,0,0|0:0|"),
    DO_REDO (FALSE,    "a|0,0,0|0:0|"),
    DO_APPEND ("c",    "ac|0,0,0|1:0|M"),
    DO_UNDO (TRUE,     "a|0,0,0|0:1|"),
    /* After clear the saved marker is the current state, even if the
     * history was saved elsewhere before. */
    DO_REDO (TRUE,     "ac|0,0,0|1:0|M"),
    DO_SAVE (          "ac|0,0,0|1:0|"),
    DO_UNDO (TRUE,     "a|0,0,0|0:1|M"),
    DO_CLEAR (         "a|0,0,0|0:0|"),
    DO_SET (0, 1,      "a|1,0,0|1:0|M"),
  };

  run_ops (ops, G_N_ELEMENTS (ops));
}

/* ---------------------------------------------------------------------- */
/* TpCommand and TpCommandGroup                                            */
/* ---------------------------------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_command_label (void)
{
  Model model;
  g_autoptr(TpCommand) command = NULL;
  g_autofree char *label = NULL;
  guint n_notify = 0;

  model_init (&model);
  command = test_append_new (&model, "a");

  g_assert_cmpstr (tp_command_get_label (command), ==, "Type");
  g_signal_connect (command, "notify::label", G_CALLBACK (count_notify), &n_notify);

  tp_command_set_label (command, "Type Text");
  g_assert_cmpstr (tp_command_get_label (command), ==, "Type Text");
  g_assert_cmpuint (n_notify, ==, 1);

  tp_command_set_label (command, "Type Text");
  g_assert_cmpuint (n_notify, ==, 1);

  g_object_set (command, "label", NULL, NULL);
  g_assert_null (tp_command_get_label (command));
  g_assert_cmpuint (n_notify, ==, 2);

  g_object_set (command, "label", "Typing", NULL);
  g_object_get (command, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "Typing");
  g_assert_cmpuint (n_notify, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&command));
  model_clear (&model);
}

static void
test_command_merge_default (void)
{
  Model model;
  g_autoptr(TpCommand) a = NULL;
  g_autoptr(TpCommand) b = NULL;
  g_autoptr(TpCommand) s1 = NULL;
  g_autoptr(TpCommand) s2 = NULL;

  model_init (&model);
  a = test_append_new (&model, "a");
  b = test_append_new (&model, "b");
  s1 = test_set_new (&model, 0, 1);
  s2 = test_set_new (&model, 1, 1);

  /* TestAppend does not override merge: the default refuses. */
  g_assert_false (tp_command_merge (a, b));
  g_assert_false (tp_command_merge (a, s1));
  /* TestSet only merges sets of the same field. */
  g_assert_false (tp_command_merge (s1, a));
  g_assert_false (tp_command_merge (s1, s2));
  g_assert_cmpuint (model.n_applied, ==, 0);

  model_clear (&model);
}

static void
test_command_group (void)
{
  Model model;
  g_autoptr(TpCommandGroup) group = tp_command_group_new ("Paste");
  g_autoptr(TpCommand) a = NULL;
  g_autoptr(TpCommand) b = NULL;
  g_autoptr(TpCommand) c = NULL;
  g_autoptr(TpCommand) s = NULL;

  model_init (&model);

  g_assert_true (TP_IS_COMMAND (group));
  g_assert_cmpstr (tp_command_get_label (TP_COMMAND (group)), ==, "Paste");
  g_assert_cmpuint (tp_command_group_get_size (group), ==, 0);

  /* An empty group does nothing. */
  tp_command_apply (TP_COMMAND (group));
  tp_command_revert (TP_COMMAND (group));
  g_assert_cmpstr (model.log->str, ==, "");

  a = test_append_new (&model, "a");
  b = test_append_new (&model, "b");
  c = test_append_new (&model, "c");
  tp_command_group_add (group, a);
  tp_command_group_add (group, b);
  tp_command_group_add (group, c);
  g_assert_cmpuint (tp_command_group_get_size (group), ==, 3);
  g_assert_true (tp_command_group_get_child (group, 0) == a);
  g_assert_true (tp_command_group_get_child (group, 2) == c);

  /* Adding does not apply. */
  g_assert_cmpstr (model.text->str, ==, "");

  tp_command_apply (TP_COMMAND (group));
  g_assert_cmpstr (model.text->str, ==, "abc");
  tp_command_revert (TP_COMMAND (group));
  g_assert_cmpstr (model.text->str, ==, "");
  g_assert_cmpstr (model.log->str, ==, "+a +b +c -c -b -a ");

  /* Groups don't merge by default. */
  g_assert_false (tp_command_merge (TP_COMMAND (group), a));

  model_clear (&model);
}

static void
test_command_group_merge (void)
{
  Model model;
  g_autoptr(TpCommandGroup) group = tp_command_group_new (NULL);
  TpCommand *s1, *s2, *s3;

  model_init (&model);
  g_assert_null (tp_command_get_label (TP_COMMAND (group)));

  /* Build the group the way TpHistory does: apply, then add. */
  s1 = test_set_new (&model, 0, 1);
  tp_command_apply (s1);
  tp_command_group_add (group, s1);
  s2 = test_set_new (&model, 0, 2);
  tp_command_apply (s2);
  tp_command_group_add (group, s2);
  s3 = test_set_new (&model, 1, 3);
  tp_command_apply (s3);
  tp_command_group_add (group, s3);

  /* s2 merged into s1; s3 is another field. */
  g_assert_cmpuint (tp_command_group_get_size (group), ==, 2);
  g_assert_true (tp_command_group_get_child (group, 0) == s1);
  g_assert_true (tp_command_group_get_child (group, 1) == s3);

  /* The group took its own references; the merged s2 is not kept. */
  g_object_unref (s1);
  g_object_unref (s3);
  g_assert_finalize_object (s2);

  tp_command_revert (TP_COMMAND (group));
  g_assert_cmpint (model.fields[0], ==, 0);
  g_assert_cmpint (model.fields[1], ==, 0);
  tp_command_apply (TP_COMMAND (group));
  g_assert_cmpint (model.fields[0], ==, 2);
  g_assert_cmpint (model.fields[1], ==, 3);

  model_clear (&model);
}

static void
test_command_group_nested (void)
{
  Model model;
  g_autoptr(TpCommandGroup) outer = tp_command_group_new ("Outer");
  g_autoptr(TpCommandGroup) inner = tp_command_group_new ("Inner");
  g_autoptr(TpCommand) a = NULL;
  g_autoptr(TpCommand) b = NULL;
  g_autoptr(TpCommand) c = NULL;

  model_init (&model);
  a = test_append_new (&model, "a");
  b = test_append_new (&model, "b");
  c = test_append_new (&model, "c");

  tp_command_group_add (inner, b);
  tp_command_group_add (inner, c);
  tp_command_group_add (outer, a);
  tp_command_group_add (outer, TP_COMMAND (inner));

  tp_command_apply (TP_COMMAND (outer));
  tp_command_revert (TP_COMMAND (outer));
  g_assert_cmpstr (model.log->str, ==, "+a +b +c -c -b -a ");

  model_clear (&model);
}

/* ---------------------------------------------------------------------- */
/* TpHistory                                                               */
/* ---------------------------------------------------------------------- */

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
  guint modified;
  guint changed;
} Counts;

static void
count_changed (TpHistory *history,
               gpointer   user_data)
{
  ((Counts *) user_data)->changed++;
}

static void
connect_counts (TpHistory *history,
                Counts    *counts)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &counts->can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify), &counts->can_redo);
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_notify), &counts->undo_label);
  g_signal_connect (history, "notify::redo-label", G_CALLBACK (count_notify), &counts->redo_label);
  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify), &counts->modified);
  g_signal_connect (history, "changed", G_CALLBACK (count_changed), counts);
}

#define assert_counts(c, cu, cr, ul, rl, m, ch) G_STMT_START { \
  g_assert_cmpuint ((c)->can_undo, ==, cu);                    \
  g_assert_cmpuint ((c)->can_redo, ==, cr);                    \
  g_assert_cmpuint ((c)->undo_label, ==, ul);                  \
  g_assert_cmpuint ((c)->redo_label, ==, rl);                  \
  g_assert_cmpuint ((c)->modified, ==, m);                     \
  g_assert_cmpuint ((c)->changed, ==, ch);                     \
} G_STMT_END

static void
assert_properties (TpHistory  *history,
                   gboolean    can_undo,
                   gboolean    can_redo,
                   const char *undo_label,
                   const char *redo_label,
                   gboolean    modified)
{
  gboolean p_can_undo, p_can_redo, p_modified;
  g_autofree char *p_undo_label = NULL;
  g_autofree char *p_redo_label = NULL;

  g_object_get (history,
                "can-undo", &p_can_undo,
                "can-redo", &p_can_redo,
                "undo-label", &p_undo_label,
                "redo-label", &p_redo_label,
                "modified", &p_modified,
                NULL);

  g_assert_cmpint (p_can_undo, ==, can_undo);
  g_assert_cmpint (p_can_redo, ==, can_redo);
  g_assert_cmpstr (p_undo_label, ==, undo_label);
  g_assert_cmpstr (p_redo_label, ==, redo_label);
  g_assert_cmpint (p_modified, ==, modified);

  g_assert_cmpint (tp_history_can_undo (history), ==, can_undo);
  g_assert_cmpint (tp_history_can_redo (history), ==, can_redo);
  g_assert_cmpstr (tp_history_get_undo_label (history), ==, undo_label);
  g_assert_cmpstr (tp_history_get_redo_label (history), ==, redo_label);
  g_assert_cmpint (tp_history_is_modified (history), ==, modified);
}

static void
test_history_properties (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  Model model;
  Counts c;

  model_init (&model);
  connect_counts (history, &c);

  assert_properties (history, FALSE, FALSE, NULL, NULL, FALSE);

  push_append (history, &model, "a");
  assert_properties (history, TRUE, FALSE, "Type", NULL, TRUE);
  assert_counts (&c, 1, 0, 1, 0, 1, 1);

  /* Same label, still undoable, still modified: only ::changed. */
  push_append (history, &model, "b");
  assert_properties (history, TRUE, FALSE, "Type", NULL, TRUE);
  assert_counts (&c, 1, 0, 1, 0, 1, 2);

  push_set (history, &model, 0, 1);
  assert_properties (history, TRUE, FALSE, "Set Field", NULL, TRUE);
  assert_counts (&c, 1, 0, 2, 0, 1, 3);

  /* A merged push changes nothing visible. */
  push_set (history, &model, 0, 2);
  assert_properties (history, TRUE, FALSE, "Set Field", NULL, TRUE);
  assert_counts (&c, 1, 0, 2, 0, 1, 4);

  g_assert_true (tp_history_undo (history));
  assert_properties (history, TRUE, TRUE, "Type", "Set Field", TRUE);
  assert_counts (&c, 1, 1, 3, 1, 1, 5);

  g_assert_true (tp_history_undo (history));
  assert_properties (history, TRUE, TRUE, "Type", "Type", TRUE);
  assert_counts (&c, 1, 1, 3, 2, 1, 6);

  g_assert_true (tp_history_undo (history));
  assert_properties (history, FALSE, TRUE, NULL, "Type", FALSE);
  assert_counts (&c, 2, 1, 4, 2, 2, 7);

  /* Nothing to undo: no signals at all. */
  g_assert_false (tp_history_undo (history));
  assert_counts (&c, 2, 1, 4, 2, 2, 7);

  g_assert_true (tp_history_redo (history));
  assert_properties (history, TRUE, TRUE, "Type", "Type", TRUE);
  assert_counts (&c, 3, 1, 5, 2, 3, 8);

  tp_history_mark_saved (history);
  assert_properties (history, TRUE, TRUE, "Type", "Type", FALSE);
  assert_counts (&c, 3, 1, 5, 2, 4, 9);

  /* Saving twice changes nothing but still reports. */
  tp_history_mark_saved (history);
  assert_counts (&c, 3, 1, 5, 2, 4, 10);

  /* Push drops the redo stack. */
  push_append (history, &model, "c");
  assert_properties (history, TRUE, FALSE, "Type", NULL, TRUE);
  assert_counts (&c, 3, 2, 5, 3, 5, 11);

  tp_history_clear (history);
  assert_properties (history, FALSE, FALSE, NULL, NULL, FALSE);
  assert_counts (&c, 4, 2, 6, 3, 6, 12);

  /* break_coalescing is not a visible change. */
  tp_history_break_coalescing (history);
  assert_counts (&c, 4, 2, 6, 3, 6, 12);

  g_clear_object (&history);
  model_clear (&model);
}

static void
test_history_group_signals (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  Model model;
  Counts c;

  model_init (&model);
  connect_counts (history, &c);

  g_assert_false (tp_history_in_group (history));
  tp_history_begin_group (history, "Move Touchpoints");
  g_assert_true (tp_history_in_group (history));
  push_append (history, &model, "a");
  tp_history_begin_group (history, "Move Touchpoint");
  push_set (history, &model, 0, 1);
  push_set (history, &model, 0, 2);
  tp_history_end_group (history);
  g_assert_true (tp_history_in_group (history));
  push_append (history, &model, "b");

  /* Nothing is visible in the history until the group ends. */
  assert_properties (history, FALSE, FALSE, NULL, NULL, FALSE);
  assert_counts (&c, 0, 0, 0, 0, 0, 0);
  g_assert_cmpstr (model.text->str, ==, "ab");

  tp_history_end_group (history);
  g_assert_false (tp_history_in_group (history));
  assert_properties (history, TRUE, FALSE, "Move Touchpoints", NULL, TRUE);
  assert_counts (&c, 1, 0, 1, 0, 1, 1);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 1);

  g_string_truncate (model.log, 0);
  g_assert_true (tp_history_undo (history));
  assert_properties (history, FALSE, TRUE, NULL, "Move Touchpoints", FALSE);
  /* Reverse order, with the two sets merged into one. */
  g_assert_cmpstr (model.log->str, ==, "-b -f0 -a ");
  g_assert_cmpstr (model.text->str, ==, "");
  g_assert_cmpint (model.fields[0], ==, 0);

  g_string_truncate (model.log, 0);
  g_assert_true (tp_history_redo (history));
  g_assert_cmpstr (model.log->str, ==, "+a +f0 +b ");
  g_assert_cmpint (model.fields[0], ==, 2);

  /* An empty group ends quietly apart from ::changed. */
  c.changed = 0;
  tp_history_begin_group (history, "Nothing");
  tp_history_end_group (history);
  g_assert_cmpuint (c.changed, ==, 1);
  assert_properties (history, TRUE, FALSE, "Move Touchpoints", NULL, TRUE);

  /* Cancel reports once and leaves the visible state alone. */
  c.changed = 0;
  tp_history_begin_group (history, "Drag");
  push_append (history, &model, "x");
  tp_history_cancel_group (history);
  g_assert_false (tp_history_in_group (history));
  g_assert_cmpuint (c.changed, ==, 1);
  assert_properties (history, TRUE, FALSE, "Move Touchpoints", NULL, TRUE);
  g_assert_cmpstr (model.text->str, ==, "ab");

  /* A group with a NULL label gives a NULL undo label. */
  tp_history_begin_group (history, NULL);
  push_append (history, &model, "y");
  tp_history_end_group (history);
  assert_properties (history, TRUE, FALSE, NULL, NULL, TRUE);

  g_clear_object (&history);
  model_clear (&model);
}

static void
test_history_cancel_order (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  g_autoptr(TpCommand) applied = NULL;
  Model model;

  model_init (&model);

  tp_history_begin_group (history, "Drag");
  push_append (history, &model, "a");
  tp_history_begin_group (history, "Step");
  push_append (history, &model, "b");
  /* A change the caller made itself is reverted too. */
  applied = test_append_new (&model, "c");
  g_string_append (model.text, "c");
  tp_history_push_applied (history, applied);
  g_string_truncate (model.log, 0);
  tp_history_cancel_group (history);

  g_assert_cmpstr (model.log->str, ==, "-c -b -a ");
  g_assert_cmpstr (model.text->str, ==, "");
  g_assert_false (tp_history_in_group (history));
  g_assert_false (tp_history_can_undo (history));
  g_assert_false (tp_history_is_modified (history));

  g_clear_object (&history);
  model_clear (&model);
}

static void
test_history_push_applied (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  g_autoptr(TpCommand) drag = NULL;
  g_autoptr(TpCommand) drag2 = NULL;
  Model model;

  model_init (&model);

  /* The caller moved the value itself during a drag. */
  drag = test_set_new (&model, 0, 42);
  model.fields[0] = 42;
  tp_history_push_applied (history, drag);

  g_assert_cmpuint (model.n_applied, ==, 0);
  g_assert_cmpint (model.fields[0], ==, 42);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 1);
  g_assert_true (tp_history_is_modified (history));

  g_assert_true (tp_history_undo (history));
  g_assert_cmpint (model.fields[0], ==, 0);
  g_assert_cmpuint (model.n_reverted, ==, 1);

  g_assert_true (tp_history_redo (history));
  g_assert_cmpint (model.fields[0], ==, 42);
  g_assert_cmpuint (model.n_applied, ==, 1);

  /* push_applied coalesces like push. */
  tp_history_mark_saved (history);
  drag2 = test_set_new (&model, 1, 7);
  model.fields[1] = 7;
  tp_history_push_applied (history, drag2);
  g_assert_cmpuint (model.n_applied, ==, 1);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 2);
  g_clear_object (&drag2);
  drag2 = test_set_new (&model, 1, 8);
  model.fields[1] = 8;
  tp_history_push_applied (history, drag2);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 2);
  g_assert_cmpuint (model.n_applied, ==, 1);

  g_assert_true (tp_history_undo (history));
  g_assert_cmpint (model.fields[1], ==, 0);
  g_assert_false (tp_history_is_modified (history));

  /* Inside a group, too, nothing is applied again. */
  tp_history_begin_group (history, "Drag");
  g_clear_object (&drag2);
  drag2 = test_set_new (&model, 2, 9);
  model.fields[2] = 9;
  tp_history_push_applied (history, drag2);
  tp_history_end_group (history);
  g_assert_cmpuint (model.n_applied, ==, 1);
  g_assert_cmpint (model.fields[2], ==, 9);
  g_assert_true (tp_history_undo (history));
  g_assert_cmpint (model.fields[2], ==, 0);

  g_clear_object (&history);
  model_clear (&model);
}

static void
test_history_push_applies_once (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  Model model;

  model_init (&model);

  push_append (history, &model, "a");
  push_set (history, &model, 0, 1);
  push_set (history, &model, 0, 2);
  g_assert_cmpuint (model.n_applied, ==, 3);
  g_assert_cmpuint (model.n_reverted, ==, 0);
  g_assert_cmpstr (model.log->str, ==, "+a +f0 +f0 ");

  g_assert_true (tp_history_undo (history));
  g_assert_true (tp_history_undo (history));
  g_assert_cmpstr (model.log->str, ==, "+a +f0 +f0 -f0 -a ");
  g_assert_true (tp_history_redo (history));
  g_assert_true (tp_history_redo (history));
  g_assert_cmpstr (model.log->str, ==, "+a +f0 +f0 -f0 -a +a +f0 ");
  g_assert_cmpint (model.fields[0], ==, 2);

  g_clear_object (&history);
  model_clear (&model);
}

static void
add_weak (gpointer   object,
          gpointer  *location)
{
  *location = object;
  g_object_add_weak_pointer (object, location);
}

static void
test_history_memory (void)
{
  TpHistory *history = tp_history_new ();
  TpCommand *a, *b, *s1, *s2, *g1, *g2, *applied, *open;
  gpointer wa, wb, ws1, ws2, wg1, wg2, wapplied, wopen;
  Model model;

  model_init (&model);

  a = test_append_new (&model, "a");
  b = test_append_new (&model, "b");
  s1 = test_set_new (&model, 0, 1);
  add_weak (a, &wa);
  add_weak (b, &wb);
  add_weak (s1, &ws1);

  /* The history keeps its own references. */
  tp_history_push (history, a);
  tp_history_push (history, b);
  tp_history_push (history, s1);
  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (s1);
  g_assert_nonnull (wa);
  g_assert_nonnull (wb);
  g_assert_nonnull (ws1);

  /* A merged command is not kept. */
  s2 = test_set_new (&model, 0, 2);
  add_weak (s2, &ws2);
  tp_history_push (history, s2);
  g_object_unref (s2);
  g_assert_null (ws2);
  g_assert_nonnull (ws1);

  /* Commands dropped from the redo stack are finalized. */
  g_assert_true (tp_history_undo (history));
  g_assert_true (tp_history_undo (history));
  g_assert_nonnull (ws1);
  g_assert_nonnull (wb);
  push_append (history, &model, "x");
  g_assert_null (ws1);
  g_assert_null (wb);
  g_assert_nonnull (wa);

  /* A cancelled group and what it held are finalized. */
  tp_history_begin_group (history, "Drag");
  g1 = test_append_new (&model, "g");
  add_weak (g1, &wg1);
  tp_history_push (history, g1);
  g_object_unref (g1);
  g_assert_nonnull (wg1);
  tp_history_cancel_group (history);
  g_assert_null (wg1);

  /* A committed group lives on the stack until cleared. */
  tp_history_begin_group (history, "Paste");
  g2 = test_append_new (&model, "h");
  add_weak (g2, &wg2);
  tp_history_push (history, g2);
  g_object_unref (g2);
  tp_history_end_group (history);
  g_assert_nonnull (wg2);

  tp_history_clear (history);
  g_assert_null (wa);
  g_assert_null (wg2);

  /* Disposing the history drops everything it holds. */
  applied = test_append_new (&model, "p");
  add_weak (applied, &wapplied);
  g_string_append (model.text, "p");
  tp_history_push_applied (history, applied);
  g_object_unref (applied);
  g_assert_true (tp_history_undo (history));
  g_assert_nonnull (wapplied);

  /* ...including an open group. */
  tp_history_begin_group (history, "Open");
  open = test_append_new (&model, "q");
  add_weak (open, &wopen);
  tp_history_push (history, open);
  g_object_unref (open);
  g_assert_nonnull (wopen);

  g_assert_finalize_object (history);
  g_assert_null (wapplied);
  g_assert_null (wopen);

  model_clear (&model);
}

static void
test_history_errors (void)
{
  g_autoptr(TpHistory) history = tp_history_new ();
  Model model;

  model_init (&model);

  /* Ending a group that was never begun. */
  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth > 0*failed*");
  tp_history_end_group (history);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth > 0*failed*");
  tp_history_cancel_group (history);
  g_test_assert_expected_messages ();

  push_append (history, &model, "a");
  g_assert_true (tp_history_undo (history));

  /* Undo, redo, save and clear in an open group are programming errors
   * and change nothing. */
  tp_history_begin_group (history, "Group");
  push_append (history, &model, "b");

  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth == 0*failed*");
  g_assert_false (tp_history_undo (history));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth == 0*failed*");
  g_assert_false (tp_history_redo (history));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth == 0*failed*");
  tp_history_mark_saved (history);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL,
                         "*assertion*group_depth == 0*failed*");
  tp_history_clear (history);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (model.text->str, ==, "b");
  g_assert_cmpuint (tp_history_get_redo_depth (history), ==, 1);
  g_assert_true (tp_history_in_group (history));

  tp_history_end_group (history);
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 1);
  g_assert_cmpuint (tp_history_get_redo_depth (history), ==, 0);
  g_assert_true (tp_history_is_modified (history));

  /* Pushing from inside a command's apply is refused. */
  model.reenter = history;
  push_append (history, &model, "c");
  model.reenter = NULL;
  g_assert_cmpstr (model.text->str, ==, "bc");
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 2);

  g_assert_true (tp_history_undo (history));
  g_assert_true (tp_history_undo (history));
  g_assert_cmpstr (model.text->str, ==, "");

  g_clear_object (&history);
  model_clear (&model);
}

/* Random operations against snapshots of the document: after any mix of
 * pushes, merges, groups, undo and redo, the document at each depth must
 * be what it was when that depth was last reached by a push, and
 * "modified" must agree with a separately kept saved depth. */
static void
test_history_random (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TpHistory) history = tp_history_new ();
      g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *saved = NULL;
      guint ref_saved = 0;
      Model model;

      model_init (&model);
      g_ptr_array_add (snapshots, model_describe (&model));
      saved = model_describe (&model);

      for (guint step = 0; step < 400; step++)
        {
          guint depth = tp_history_get_undo_depth (history);
          g_autofree char *now = NULL;

          switch (g_rand_int_range (rand, 0, 9))
            {
            case 0:
            case 1:
            case 2:
              {
                guint before = depth;

                if (g_rand_boolean (rand))
                  push_set (history, &model, g_rand_int_range (rand, 0, N_FIELDS),
                            g_rand_int_range (rand, -50, 50));
                else
                  push_append (history, &model, g_rand_boolean (rand) ? "x" : "yz");

                depth = tp_history_get_undo_depth (history);
                g_assert_cmpuint (tp_history_get_redo_depth (history), ==, 0);
                g_ptr_array_set_size (snapshots, depth + 1);
                if (ref_saved != G_MAXUINT && ref_saved > before)
                  ref_saved = G_MAXUINT;
                if (depth == before)
                  {
                    /* Merged: never into the saved step. */
                    g_assert_cmpuint (depth, >, 0);
                    g_assert_cmpuint (ref_saved, !=, depth);
                  }
                else
                  g_assert_cmpuint (depth, ==, before + 1);
                g_free (g_ptr_array_index (snapshots, depth));
                g_ptr_array_index (snapshots, depth) = model_describe (&model);
              }
              break;

            case 3:
              {
                guint before = depth;
                guint n = g_rand_int_range (rand, 0, 4);
                gboolean cancel = g_rand_int_range (rand, 0, 4) == 0;
                g_autofree char *start = model_describe (&model);

                tp_history_begin_group (history, "Group");
                for (guint k = 0; k < n; k++)
                  {
                    if (g_rand_boolean (rand))
                      push_set (history, &model, g_rand_int_range (rand, 0, N_FIELDS), k);
                    else
                      push_append (history, &model, "g");
                  }

                if (cancel)
                  {
                    tp_history_cancel_group (history);
                    now = model_describe (&model);
                    g_assert_cmpstr (now, ==, start);
                    g_assert_cmpuint (tp_history_get_undo_depth (history), ==, before);
                    g_clear_pointer (&now, g_free);
                  }
                else
                  {
                    tp_history_end_group (history);
                    depth = tp_history_get_undo_depth (history);
                    g_assert_cmpuint (depth, ==, n > 0 ? before + 1 : before);
                    if (n > 0)
                      {
                        g_ptr_array_set_size (snapshots, depth + 1);
                        g_free (g_ptr_array_index (snapshots, depth));
                        g_ptr_array_index (snapshots, depth) = model_describe (&model);
                        if (ref_saved != G_MAXUINT && ref_saved > before)
                          ref_saved = G_MAXUINT;
                      }
                  }
              }
              break;

            case 4:
            case 5:
              g_assert_cmpint (tp_history_undo (history), ==, depth > 0);
              break;

            case 6:
            case 7:
              {
                gboolean can_redo = tp_history_can_redo (history);

                g_assert_cmpint (tp_history_redo (history), ==, can_redo);
              }
              break;

            case 8:
              if (g_rand_boolean (rand))
                {
                  tp_history_mark_saved (history);
                  ref_saved = depth;
                  g_free (saved);
                  saved = model_describe (&model);
                }
              else
                tp_history_break_coalescing (history);
              break;

            default:
              g_assert_not_reached ();
            }

          depth = tp_history_get_undo_depth (history);
          g_assert_cmpuint (snapshots->len, ==,
                            depth + tp_history_get_redo_depth (history) + 1);
          now = model_describe (&model);
          g_assert_cmpstr (now, ==, g_ptr_array_index (snapshots, depth));

          g_assert_cmpint (tp_history_is_modified (history), ==, ref_saved != depth);

          /* Unmodified implies the saved document.  (The converse need
           * not hold: different steps can reach equal documents.) */
          if (!tp_history_is_modified (history))
            g_assert_cmpstr (now, ==, saved);
        }

      g_clear_object (&history);
      model_clear (&model);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command/label", test_command_label);
  g_test_add_func ("/command/merge-default", test_command_merge_default);
  g_test_add_func ("/command/group", test_command_group);
  g_test_add_func ("/command/group-merge", test_command_group_merge);
  g_test_add_func ("/command/group-nested", test_command_group_nested);

  g_test_add_func ("/history/ops/basic", test_ops_basic);
  g_test_add_func ("/history/ops/redo-dropped", test_ops_redo_dropped);
  g_test_add_func ("/history/ops/coalescing", test_ops_coalescing);
  g_test_add_func ("/history/ops/saved", test_ops_saved);
  g_test_add_func ("/history/ops/saved-dropped", test_ops_saved_dropped);
  g_test_add_func ("/history/ops/saved-coalescing", test_ops_saved_coalescing);
  g_test_add_func ("/history/ops/groups", test_ops_groups);
  g_test_add_func ("/history/ops/cancel", test_ops_cancel);
  g_test_add_func ("/history/ops/clear", test_ops_clear);

  g_test_add_func ("/history/properties", test_history_properties);
  g_test_add_func ("/history/group-signals", test_history_group_signals);
  g_test_add_func ("/history/cancel-order", test_history_cancel_order);
  g_test_add_func ("/history/push-applied", test_history_push_applied);
  g_test_add_func ("/history/push-applies-once", test_history_push_applies_once);
  g_test_add_func ("/history/memory", test_history_memory);
  g_test_add_func ("/history/errors", test_history_errors);
  g_test_add_func ("/history/random", test_history_random);

  return g_test_run ();
}
