#pragma once
// The rules of a map that the engine, the importers and the maps panel all apply, written once here (and the
// two record-level ones in core/storage/relation.h: relatesToItself, sameEndpoints) so that what the panel
// shows, what it lets a merchandiser add, and what the engine recommends cannot drift apart.
#include "core/storage/relation.h"

#include <vector>

namespace mb {

// Exclusion matching: a product's own relation of status Excluded vetoes every rule it inherits from its
// categories whose target is the same endpoint (the same product, or the same category). Targets are compared
// as given: workspace ids on both sides, or snapshot indexes on both sides.
bool vetoes(RelationStatus ownStatus, EndpointType ownTargetType, int64_t ownTarget, EndpointType inheritedTargetType,
            int64_t inheritedTarget);
inline bool vetoes(const Relation &own, const Relation &inherited)
{
    return vetoes(own.status, own.targetType, own.targetId, inherited.targetType, inherited.targetId);
}

// Why a new relation cannot be added beside the anchor's existing ones: it leads to itself, or the anchor
// already has a relation to that target (of any kind: one relation per anchor and target).
enum class NewRelationProblem { None, ToItself, Duplicate };
// `duplicate` (when given) is set to the existing relation for Duplicate.
NewRelationProblem checkNewRelation(const Relation &r, const std::vector<Relation> &existing, const Relation **duplicate = nullptr);

}  // namespace mb
