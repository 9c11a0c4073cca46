/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the file reader only, not part of the model's API. */

#include "tp-journey.h"

G_BEGIN_DECLS

/* Between these calls tp_journey_insert() only appends (G_MAXUINT) and the
 * lists stay as they were; tp_journey_end_bulk_append() then adds what was
 * inserted with one items-changed per list. Lookups by id work throughout;
 * positions, lists and new ids only after the end. */
void tp_journey_begin_bulk_append (TpJourney *self);
void tp_journey_end_bulk_append   (TpJourney *self);

G_END_DECLS
