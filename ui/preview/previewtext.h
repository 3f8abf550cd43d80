#pragma once
// How the preview names things: kind colours for the badges, placement titles, the rules that leave a
// candidate out and where a pick came from, in the merchandiser's words rather than the engine's codes.
#include "core/placement/recommendation.h"

#include <QColor>
#include <QString>

namespace mb {

QColor kindColor(RelationKind kind);
QString placementTitle(Placement p);
QString placementSubtitle(Placement p);   // "what the shopper sees beside the product"
QString ruleTitle(LeftOutRule rule);      // "Out of stock", "Over the cart share"
QString sourceTitle(PickSource source);   // "curated", "mined"

}  // namespace mb
