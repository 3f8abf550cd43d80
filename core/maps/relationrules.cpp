#include "core/maps/relationrules.h"

namespace mb {

bool vetoes(RelationStatus ownStatus, EndpointType ownTargetType, int64_t ownTarget, EndpointType inheritedTargetType,
            int64_t inheritedTarget)
{
    return ownStatus == RelationStatus::Excluded && ownTargetType == inheritedTargetType && ownTarget == inheritedTarget;
}

NewRelationProblem checkNewRelation(const Relation &r, const std::vector<Relation> &existing, const Relation **duplicate)
{
    if (r.toItself()) return NewRelationProblem::ToItself;
    for (const Relation &x : existing)
        if (x.sameEndpoints(r)) {
            if (duplicate) *duplicate = &x;
            return NewRelationProblem::Duplicate;
        }
    return NewRelationProblem::None;
}

}  // namespace mb
