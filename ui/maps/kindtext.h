#pragma once
// How kinds read in the GUI: "Necessity", "Necessities", and a one-line explanation for tool tips.
#include "core/storage/relation.h"

#include <QString>

namespace mb {

QString kindTitle(RelationKind kind);
QString kindPlural(RelationKind kind);
QString kindHint(RelationKind kind);

}  // namespace mb
